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
                let error = PlanMakingError.unknownTerritory(territoryID, known: configuration.territories.map(\.id))
                throw CommandFailure(lines: [error.message(in: language)])
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
            let order = PlanOrder(
                territoryID: territory.id, overrides: overrides, label: label, planningDate: planningDate)
            let made = try await make(order, assembly: assembly)
            let report = try await writeDocuments(
                made.record, id: made.id, revision: 0, territory: territory, pseudonymizer: assembly.pseudonymizer,
                out: out)
            outcomes.append(Outcome(id: made.id, territory: territory, record: made.record, report: report))
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

    /// Makes and stores the plan `order` asks for (from `previous` for a re-plan), with progress on stderr.
    func make(
        _ order: PlanOrder, previous: (stored: StoredPlan, record: PlanRecord)? = nil, assembly: DiagnosisAssembly
    ) async throws -> PlanMade {
        let printer = PlanProgressPrinter(language: language, prefix: "\(order.territoryID) :")
        let made = try await options.reportingFailures {
            try await PlanMaking.make(order, previous: previous, assembly: assembly, store: store) { step in
                if case .solving(let point, _) = step { printer.show(point) }
            }
        }
        printer.finish(made.record.progress.last)
        return made
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
                "Plan \(outcome.id) — \(name) : \(text.count(figures.total.coveredNeeds)) besoins couverts sur \(text.count(figures.total.needs)) (\(text.percent(figures.total.share)) du poids), \(plan.sessions.count) sessions ouvertes, \(text.count(figures.agentsTrained)) agents formés",
                "Plan \(outcome.id) — \(name): \(text.count(figures.total.coveredNeeds)) needs covered out of \(text.count(figures.total.needs)) (\(text.percent(figures.total.share)) of the weight), \(plan.sessions.count) sessions opened, \(text.count(figures.agentsTrained)) agents trained"
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
