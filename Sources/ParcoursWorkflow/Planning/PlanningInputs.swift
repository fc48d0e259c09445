import ParcoursConfig
import ParcoursDiagnose
import ParcoursModel
import ParcoursSolver
import ParcoursStore

/// Everything a plan of one territory is made from, gathered from the store and Config: the
/// territory's agents with the coordinate of their commune (where their trips start), its circuity and
/// its country's public holidays (legal and customary days off); their needs from the diagnosis; the
/// plannable sessions of the current catalogues; the policy of `Config/planning.yaml` for the
/// territory's country with the what-if overrides applied. What is left out is kept as data the plan's
/// documents can show: sessions that cannot be planned (``PlannableCatalogue/excluded``) and agents
/// without Pix results, whose needs are unknown rather than none.
public struct PlanningInputs: Sendable {
    public let territory: Territory
    public let planningDate: CalendarDay
    public let policy: PlanningPolicy
    /// The territory's agents, in diagnosis order (commune, then external id). Each agent's training
    /// hours are the policy's hours per full time × their working time (the planner's rule).
    public let agents: [PlanningAgent]
    /// The needs of the territory's assessed agents, with their weights.
    public let needs: [Need]
    public let catalogue: PlannableCatalogue
    /// External ids of the territory's agents with no Pix result: no need is known for them.
    public let unassessedAgents: [String]

    /// Inputs for `territory` from a diagnosis and the plannable catalogue; throws when an override is
    /// out of range or names a commune outside the territory.
    public init(
        territory: Territory, diagnosis: DiagnosisAssembly, catalogue: PlannableCatalogue, planningDate: CalendarDay,
        overrides: PlanningOverrides = PlanningOverrides()
    ) throws(PlanningInputError) {
        let configuration = diagnosis.configuration
        self.territory = territory
        self.planningDate = planningDate
        policy = try overrides.applied(to: configuration.planning.policy(for: territory.country), territory: territory)
        let holidays = configuration.publicHolidays[territory.country] ?? []
        let diagnosed = diagnosis.territories.first { $0.territory.id == territory.id }?.agents ?? []
        agents = diagnosed.map { diagnosis in
            // A territory's diagnosis holds only agents of its communes, each with a coordinate.
            PlanningAgent(
                agent: diagnosis.agent, origin: territory.commune(code: diagnosis.agent.communeCode)!.coordinate,
                circuity: territory.circuity, publicHolidays: holidays)
        }
        needs = diagnosed.flatMap(\.needs)
        unassessedAgents = diagnosed.filter { !$0.isAssessed }.map(\.agent.externalID)
        self.catalogue = catalogue
    }

    /// Inputs for the territory `territoryID` from what `store` holds; nil when Config has no such territory.
    public init?(
        territoryID: String, configuration: Configuration, store: some CatalogueStore, planningDate: CalendarDay,
        overrides: PlanningOverrides = PlanningOverrides()
    ) async throws {
        guard let territory = configuration.territory(id: territoryID) else { return nil }
        try self.init(
            territory: territory, diagnosis: try await DiagnosisAssembly(configuration: configuration, store: store),
            catalogue: try await PlannableCatalogue(
                store: store, configuration: configuration, planningDate: planningDate),
            planningDate: planningDate, overrides: overrides)
    }

    /// The problem the planner solves.
    public var problem: PlanningProblem {
        PlanningProblem(
            agents: agents, needs: needs, courses: catalogue.courses, sessions: catalogue.sessions,
            planningDate: planningDate, policy: policy)
    }
}
