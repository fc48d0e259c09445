import Foundation
import ParcoursConfig
import ParcoursModel
import ParcoursOutput
import ParcoursSolver
import ParcoursStore
import ParcoursWorkflow

/// The plan job of `parcours plan` and `parcours demo`: per territory, the inputs the store holds
/// (diagnosis, plannable catalogue, policy with the what-if options) → solve with progress on stderr →
/// store the plan → write its documents into `<out>/<territory>/`.
struct PlanRunner {
    let options: GlobalOptions
    let configuration: Configuration
    let store: any PlanStore

    var language: Language { options.language }

    /// A plan made, stored, and its documents written.
    struct Outcome {
        let id: Int64
        let territory: Territory
        let record: PlanRecord
        /// The territory report of the plan.
        let report: URL
    }

    /// Plans `territoryID`, or every territory with agents when nil, stores each plan and writes its
    /// documents into `out/<territory>/`.
    func run(
        territoryID: String?, overrides: PlanningOverrides, label: String, planningDate: CalendarDay?, out: URL
    ) async throws -> [Outcome] {
        let assembly = try await options.reportingFailures {
            try await DiagnosisAssembly(configuration: configuration, store: store)
        }
        if let note = assembly.linkingNote(language: language) {
            FileHandle.standardError.write(Data((note + "\n").utf8))
        }
        let territories: [Territory]
        if let territoryID {
            guard let territory = configuration.territory(id: territoryID) else {
                throw CommandFailure(lines: [
                    language.pick(
                        "territoire inconnu : \(territoryID) (connus : \(configuration.territories.map(\.id).joined(separator: ", ")))",
                        "unknown territory: \(territoryID) (known: \(configuration.territories.map(\.id).joined(separator: ", ")))"
                    )
                ])
            }
            territories = [territory]
        } else {
            territories = assembly.territories.filter { !$0.agents.isEmpty }.map(\.territory)
        }
        guard !territories.isEmpty else {
            throw CommandFailure(lines: [
                language.pick(
                    "aucun agent dans la base : importez d’abord les registres (parcours import roster)",
                    "no agents in the database: import the rosters first (parcours import roster)")
            ])
        }
        var outcomes: [Outcome] = []
        for territory in territories {
            let date = planningDate ?? Self.today(in: territory)
            let catalogue = try await options.reportingFailures {
                try await PlannableCatalogue(store: store, configuration: configuration, planningDate: date)
            }
            let inputs: PlanningInputs
            do throws(PlanningInputError) {
                inputs = try PlanningInputs(
                    territory: territory, diagnosis: assembly, catalogue: catalogue, planningDate: date,
                    overrides: overrides)
            } catch {
                throw CommandFailure(lines: [error.message(in: language)])
            }
            let record = solve(
                inputs.problem, territory: territory, overrides: overrides, unassessed: inputs.unassessedAgents)
            let id = try await save(record, label: label)
            let report = try await writeDocuments(
                record, id: id, revision: 0, territory: territory, pseudonymizer: assembly.pseudonymizer, out: out)
            outcomes.append(Outcome(id: id, territory: territory, record: record, report: report))
        }
        return outcomes
    }

    /// Writes the documents of plan `id` into `out/<territory>/` and returns the territory report's location.
    func writeDocuments(
        _ record: PlanRecord, id: Int64, revision: Int, territory: Territory, pseudonymizer: Pseudonymizer, out: URL,
        changes: PlanRevisionChanges? = nil
    ) async throws -> URL {
        let folder = out.appending(path: territory.id)
        let context = try await context(
            of: record, id: id, revision: revision, territory: territory, pseudonymizer: pseudonymizer,
            changes: changes)
        _ = try options.reportingFailures { try PlanDocuments.write(context, to: folder) }
        return folder.appending(path: "report.html")
    }

    /// What the documents and explanations of plan `id` need: names from Config and the store.
    func context(
        of record: PlanRecord, id: Int64, revision: Int, territory: Territory, pseudonymizer: Pseudonymizer,
        changes: PlanRevisionChanges? = nil
    ) async throws -> PlanContext {
        let providers = try await options.reportingFailures { try await store.providers() }
        return PlanContext(
            plan: record.plan, problem: record.problem, territories: [territory], framework: configuration.framework,
            families: configuration.jobFamilies, providers: providers,
            language: language, pseudonymizer: pseudonymizer, minimumCellSize: configuration.policy.minimumCellSize,
            generatedAt: Date(), planID: "\(id)", revision: revision, changes: changes)
    }

    /// Solves `problem` with progress on stderr.
    func solve(
        _ problem: PlanningProblem, territory: Territory, overrides: PlanningOverrides, unassessed: [String],
        cancelledSessions: [String] = [], removedAgents: [String] = []
    ) -> PlanRecord {
        let printer = PlanProgressPrinter(language: language, prefix: "\(territory.id) :")
        let (plan, trace) = PlanJob.solve(problem) { printer.show($0) }
        printer.finish(trace.last)
        return PlanRecord(
            territoryID: territory.id, problem: problem, overrides: overrides, cancelledSessions: cancelledSessions,
            removedAgents: removedAgents, unassessedAgents: unassessed, plan: plan, progress: trace)
    }

    /// Stores `record` with the hashes of what it was made from.
    func save(_ record: PlanRecord, label: String, previousPlanID: Int64? = nil) async throws -> Int64 {
        try await options.reportingFailures {
            try await PlanJob.save(
                record, label: label, previousPlanID: previousPlanID, in: store,
                configDirectory: configuration.directory)
        }
    }

    /// The day it is in the territory's time zone.
    static func today(in territory: Territory) -> CalendarDay {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: territory.timeZoneIdentifier) ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDay(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    /// How many re-plans lead to plan `id` from its first version.
    func revision(ofPlan id: Int64) async throws -> Int {
        try await options.reportingFailures { try await store.revision(ofPlan: id) }
    }

    /// The plan summary of `outcome`, a few lines for stdout.
    func summary(_ outcome: Outcome) -> [String] {
        let plan = outcome.record.plan
        let figures = PlanFigures(planID: outcome.id, label: "", record: outcome.record, farKilometres: 30)
        let text = PlanText(language)
        let name = language.pick(outcome.territory.name, outcome.territory.nameEN)
        return [
            language.pick(
                "Plan \(outcome.id) — \(name) : \(figures.total.coveredNeeds) besoins couverts sur \(figures.total.needs) (\(text.percent(figures.total.share)) du poids), \(plan.sessions.count) sessions ouvertes, \(figures.agentsTrained) agents formés",
                "Plan \(outcome.id) — \(name): \(figures.total.coveredNeeds) needs covered out of \(figures.total.needs) (\(text.percent(figures.total.share)) of the weight), \(plan.sessions.count) sessions opened, \(figures.agentsTrained) agents trained"
            ),
            language.pick(
                "  coût \(text.euros(figures.totalCost)) (sessions \(text.euros(figures.fixedCosts + figures.seatCosts)), déplacements \(text.euros(figures.travelCosts))) ; à \(text.percent(plan.gap)) au plus du meilleur plan (borne), résolu en \(language.decimal(plan.seconds, fractionDigits: 1)) s",
                "  cost \(text.euros(figures.totalCost)) (sessions \(text.euros(figures.fixedCosts + figures.seatCosts)), travel \(text.euros(figures.travelCosts))); within \(text.percent(plan.gap)) of the best plan (bound), solved in \(language.decimal(plan.seconds, fractionDigits: 1)) s"
            ),
            language.pick(
                "  Documents : \(outcome.report.deletingLastPathComponent().path)/ (rapport : report.html)",
                "  Documents: \(outcome.report.deletingLastPathComponent().path)/ (report: report.html)"),
        ]
    }
}
