import Foundation
import ParcoursConfig
import ParcoursModel
import ParcoursOutput
import ParcoursSolver
import ParcoursStore

/// A plan to make: what `parcours plan` and `replan` are asked on the command line, and what a plan job
/// of the service carries as its parameters.
public struct PlanOrder: Codable, Hashable, Sendable {
    public var territoryID: String
    /// What-if changes to `Config/planning.yaml`; for a re-plan, those set replace the previous plan's.
    public var overrides: PlanningOverrides
    /// Words to recognise the plan by; empty for a re-plan: the previous label and its changes.
    public var label: String
    /// The day the plan is made (nil: today in the territory).
    public var planningDate: CalendarDay?
    /// A re-plan of a stored plan, with what changed since.
    public var replan: ReplanOrder?

    public init(
        territoryID: String, overrides: PlanningOverrides = PlanningOverrides(), label: String = "",
        planningDate: CalendarDay? = nil, replan: ReplanOrder? = nil
    ) {
        self.territoryID = territoryID
        self.overrides = overrides
        self.label = label
        self.planningDate = planningDate
        self.replan = replan
    }
}

/// A re-plan: the stored plan it starts from, the sessions cancelled and agents removed since, and which
/// assignments stay in place.
public struct ReplanOrder: Codable, Hashable, Sendable {
    public var previousPlanID: Int64
    public var cancelledSessions: [String]
    public var removedAgents: [String]
    public var pin: PinRule

    public init(
        previousPlanID: Int64, cancelledSessions: [String] = [], removedAgents: [String] = [],
        pin: PinRule = .unaffected
    ) {
        self.previousPlanID = previousPlanID
        self.cancelledSessions = cancelledSessions
        self.removedAgents = removedAgents
        self.pin = pin
    }
}

extension PinRule: Codable {}

/// Where the making of a plan stands, for a progress display.
public enum PlanMakingStep: Sendable {
    /// Gathering the inputs: the catalogue's plannable sessions, the policy.
    case gathering
    /// The planner found a better plan or bound; it stops at `timeLimitSeconds` at the latest.
    case solving(PlanningProgress, timeLimitSeconds: Double)
    /// Storing the plan.
    case saving
}

/// A plan made and stored.
public struct PlanMade: Sendable {
    public let id: Int64
    public let territory: Territory
    public let record: PlanRecord
    /// For a re-plan: what changed since the previous plan.
    public let changes: PlanRevisionChanges?
}

/// Why a plan could not be made.
public enum PlanMakingError: Error, Hashable, Sendable {
    case unknownTerritory(String, known: [String])
    case input(PlanningInputError)
    /// The plan a re-plan starts from belongs to a territory Config no longer has.
    case territoryGone(String, planID: Int64)
    /// Sessions or agents a re-plan names that neither the previous plan nor the current data know.
    case unknownIDs([String], planID: Int64)

    /// The problem in one line of plain French or English.
    public func message(in language: Language) -> String {
        switch self {
        case .unknownTerritory(let id, let known):
            language.pick(
                "territoire inconnu : \(id) (connus : \(known.joined(separator: ", ")))",
                "unknown territory: \(id) (known: \(known.joined(separator: ", ")))")
        case .input(let error): error.message(in: language)
        case .territoryGone(let id, let planID):
            language.pick(
                "le territoire \(id) du plan \(planID) n’est plus dans Config",
                "territory \(id) of plan \(planID) is no longer in Config")
        case .unknownIDs(let ids, let planID):
            language.pick(
                "inconnus du plan \(planID) et des données actuelles : \(ids.joined(separator: ", "))",
                "unknown to plan \(planID) and the current data: \(ids.joined(separator: ", "))")
        }
    }
}

/// Makes a plan from what the store holds: the inputs of the territory (diagnosis, plannable catalogue,
/// policy with the what-if overrides), for a re-plan the previous plan's assignments pinned, the solve
/// (on a thread of its own) and the plan stored with what it was made from. The one way plans are made,
/// by `parcours plan`, `replan`, `demo` and the service's plan jobs.
public enum PlanMaking {
    /// Makes and stores the plan `order` asks for. `previous` is the stored plan a re-plan starts from
    /// (with its record), nil for a new plan; `assembly` the diagnosis of the store's imports.
    /// `beforeSaving` runs after the solve, before the plan is stored: what it throws stores nothing (a
    /// job checks there that its run is still its own). When the calling task is cancelled, the solve
    /// stops at its next check of the clock and nothing is stored (`CancellationError`).
    public static func make(
        _ order: PlanOrder, previous: (stored: StoredPlan, record: PlanRecord)? = nil, assembly: DiagnosisAssembly,
        store: some PlanStore, progress: @escaping @Sendable (PlanMakingStep) -> Void = { _ in },
        beforeSaving: () async throws -> Void = {}
    ) async throws -> PlanMade {
        let configuration = assembly.configuration
        let territoryID = previous?.record.territoryID ?? order.territoryID
        guard let territory = configuration.territory(id: territoryID) else {
            if let previous { throw PlanMakingError.territoryGone(territoryID, planID: previous.stored.id) }
            throw PlanMakingError.unknownTerritory(territoryID, known: configuration.territories.map(\.id))
        }
        progress(.gathering)
        let date = order.planningDate ?? today(in: territory)
        let overrides = previous.map { order.overrides.replacing($0.record.overrides) } ?? order.overrides
        let catalogue = try await PlannableCatalogue(store: store, configuration: configuration, planningDate: date)
        let inputs: PlanningInputs
        do throws(PlanningInputError) {
            inputs = try PlanningInputs(
                territory: territory, diagnosis: assembly, catalogue: catalogue, planningDate: date,
                overrides: overrides)
        } catch {
            throw PlanMakingError.input(error)
        }
        let current = inputs.problem
        var replan: Replan?
        if let previous, let changes = order.replan {
            let made = Replan(
                previous: previous.record, cancelledSessions: Set(changes.cancelledSessions),
                removedAgents: Set(changes.removedAgents), pin: changes.pin)
            let unknown = made.unknownIDs(current: current)
            guard unknown.sessions.isEmpty, unknown.agents.isEmpty else {
                throw PlanMakingError.unknownIDs(unknown.sessions + unknown.agents, planID: previous.stored.id)
            }
            replan = made
        }
        let problem = replan?.problem(current: current) ?? current
        let (plan, trace) = try await DedicatedThread.run {
            PlanJob.solve(problem) { progress(.solving($0, timeLimitSeconds: problem.policy.timeLimitSeconds)) }
        }
        // A solve stopped by its task's cancellation returns what it had found: nothing of it is stored.
        try Task.checkCancellation()
        let record = PlanRecord(
            territoryID: territory.id, problem: problem, overrides: overrides,
            cancelledSessions: replan?.cancelledSessions.sorted() ?? [],
            removedAgents: replan?.removedAgents.sorted() ?? [], unassessedAgents: inputs.unassessedAgents, plan: plan,
            progress: trace)
        try await beforeSaving()
        progress(.saving)
        let id = try await PlanJob.save(
            record, label: label(order, previous: previous?.stored), previousPlanID: previous?.stored.id, in: store,
            configDirectory: configuration.directory)
        var changes: PlanRevisionChanges?
        if let previous, let replan {
            changes = PlanRevisionChanges(
                previousPlanID: "\(previous.stored.id)", previousProblem: previous.record.problem,
                changes: PlanChanges(replan: replan, current: current, plan: plan))
        }
        return PlanMade(id: id, territory: territory, record: record, changes: changes)
    }

    /// The day it is in `territory`'s time zone.
    public static func today(in territory: Territory) -> CalendarDay {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: territory.timeZoneIdentifier) ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDay(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    /// The order's label; for a re-plan without one, the previous plan's with what changed.
    private static func label(_ order: PlanOrder, previous: StoredPlan?) -> String {
        guard order.label.isEmpty, let previous, let changes = order.replan else { return order.label }
        return
            ([previous.summary.label] + changes.cancelledSessions.map { "-\($0)" }
            + changes.removedAgents.map { "-agent \($0)" }).filter { !$0.isEmpty }.joined(separator: ", ")
    }
}

extension PlanningOverrides {
    /// `base` with the values set here replacing its own.
    func replacing(_ base: PlanningOverrides) -> PlanningOverrides {
        PlanningOverrides(
            maximumTravelKilometres: maximumTravelKilometres ?? base.maximumTravelKilometres,
            minimumGroupSize: minimumGroupSize ?? base.minimumGroupSize,
            remoteAllowed: remoteAllowed ?? base.remoteAllowed,
            participatingCommunes: participatingCommunes ?? base.participatingCommunes,
            budgetPerCommune: budgetPerCommune ?? base.budgetPerCommune,
            timeLimitSeconds: timeLimitSeconds ?? base.timeLimitSeconds, gapTarget: gapTarget ?? base.gapTarget,
            seed: seed ?? base.seed)
    }
}
