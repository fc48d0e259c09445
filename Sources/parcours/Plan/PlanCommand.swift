import ArgumentParser
import Foundation
import ParcoursModel

/// `parcours plan`: the mutualised training plan of each territory from what the database holds.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Make and store the training plan of a territory (default: every territory with agents).",
        discussion: """
            Diagnose → match → solve, with the policy of Config/planning.yaml changed by the what-if options. \
            Progress goes to stderr; the plan is stored in the database with what it was made from, and its id \
            printed (use it, or 'latest', with explain, replan and compare).
            """)

    @OptionGroup var options: GlobalOptions
    @OptionGroup var whatIf: WhatIfOptions

    @Option(name: .long, help: "The territory to plan (an id of Config/territories.yaml).")
    var territory: String?

    @Option(name: .long, help: "The folder for the plan's documents, one sub-folder per territory.")
    var out: String = "out"

    @Option(name: .long, help: "Words to recognise the plan by (default: the what-if options given).")
    var label: String?

    @Option(name: .long, help: "The day the plan is made, YYYY-MM-DD (default: today).")
    var date: String?

    func run() async throws {
        let language = options.language
        let configuration = try options.loadConfiguration()
        let store = try await options.openStore()
        let planningDate = try options.planningDate(date)
        let runner = PlanRunner(options: options, configuration: configuration, store: store)
        let outcomes = try await runner.run(
            territoryID: territory, overrides: whatIf.overrides, label: label ?? whatIf.label,
            planningDate: planningDate,
            out: URL(fileURLWithPath: out).standardizedFileURL)
        for outcome in outcomes {
            print(runner.summary(outcome).joined(separator: "\n"))
        }
        let first = outcomes.first.map { "\($0.id)" } ?? "latest"
        print(
            language.pick(
                "Pourquoi tel besoin n’est pas couvert : parcours explain --plan \(first) --agent ID",
                "Why a need is not covered: parcours explain --plan \(first) --agent ID"))
    }
}
