import ArgumentParser
import Foundation
import ParcoursModel
import ParcoursStore
import ParcoursWorkflow

/// `parcours compare PLAN_A PLAN_B`: two stored plans side by side, for what-if decisions.
struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two stored plans: coverage, costs, sessions, travel, fairness.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The first plan: its id or 'latest'.")
    var first: PlanReference

    @Argument(help: "The second plan: its id or 'latest'.")
    var second: PlanReference

    @Option(name: .long, help: "Count agents whose furthest session is more than this many road km away.")
    var far: Double = 30

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    func run() async throws {
        let store = try await options.openStore()
        var figures: [PlanFigures] = []
        var territoryIDs: Set<String> = []
        for reference in [first, second] {
            let (stored, record) = try await options.loadPlan(reference, from: store)
            figures.append(
                PlanFigures(planID: stored.id, label: stored.summary.label, record: record, farKilometres: far))
            territoryIDs.insert(stored.summary.territoryID)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            // A plan cut short before its first bound has an infinite bound and gap.
            encoder.nonConformingFloatEncodingStrategy = .convertToString(
                positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            print(String(decoding: try encoder.encode(figures), as: UTF8.self))
        } else {
            let names = PlanComparison.names(
                configuration: try options.loadConfiguration(), territoryIDs: territoryIDs, language: options.language)
            print(
                ComparisonTable(language: options.language, first: figures[0], second: figures[1], names: names).text)
        }
    }
}

/// Two plans' figures as an aligned text table: one row per figure, a column per plan, and the difference.
struct ComparisonTable {
    let language: Language
    let first: PlanFigures
    let second: PlanFigures
    /// The names of the rows' keys (``PlanComparison/names(configuration:territoryIDs:language:)``).
    let names: [String: String]

    var text: String {
        var rows: [[String]] = [
            [
                "", language.pick("plan \(first.planID)", "plan \(first.planID)"),
                language.pick("plan \(second.planID)", "plan \(second.planID)"), language.pick("écart", "difference"),
            ],
            ["", first.label, second.label, ""],
        ]
        for row in PlanComparison(language: language, first: first, second: second, names: names).rows {
            rows.append([(row.isPart ? "  " : "") + row.name, row.first, row.second, row.difference])
        }
        let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
