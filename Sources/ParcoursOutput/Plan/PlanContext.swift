import Foundation
import ParcoursModel
import ParcoursSolver

/// Everything the plan's documents need besides the plan: the problem it was solved from, the names of
/// communes, courses and providers, and the privacy rule they follow — agents are named only in their
/// own commune's documents; documents that leave a commune (territory report, plan.json, provider
/// copies, CSVs of the territory) show pseudonyms.
public struct PlanContext: Sendable {
    public let plan: TrainingPlan
    public let problem: PlanningProblem
    public let territories: [Territory]
    public let framework: CompetenceFramework
    public let families: [JobFamily]
    public let providers: [CatalogueProvider]
    public let language: Language
    public let pseudonymizer: Pseudonymizer
    /// No per-commune figure over fewer agents is shown in the territory's report (the diagnosis policy's
    /// minimum cell size), so that nobody is recognisable in a small commune.
    public let minimumCellSize: Int
    /// When the plan was made: the DTSTAMP of the calendars, the date of the documents.
    public let generatedAt: Date
    /// The stored plan's id, when it has one; written in plan.json and the documents.
    public let planID: String?
    /// The plan's revision (0 for a first plan, +1 per re-plan): the SEQUENCE of the calendars.
    public let revision: Int
    /// What a re-plan changed against the plan it started from; nil for a first plan.
    public let changes: PlanRevisionChanges?
    /// What each unmet need's reasons come down to and the nearest single change that would cover it,
    /// verified against the plan (the engine's facts).
    let unmetExplanations: [NeedKey: UnmetNeedExplanation]

    let agents: [String: PlanningAgent]
    let sessions: [String: TrainingSession]
    let courses: [String: Course]
    let communes: [String: (commune: Commune, territory: Territory)]

    public init(
        plan: TrainingPlan, problem: PlanningProblem, territories: [Territory], framework: CompetenceFramework,
        families: [JobFamily], providers: [CatalogueProvider], language: Language, pseudonymizer: Pseudonymizer,
        minimumCellSize: Int, generatedAt: Date, planID: String? = nil, revision: Int = 0,
        changes: PlanRevisionChanges? = nil
    ) {
        self.plan = plan
        self.problem = problem
        self.territories = territories
        self.framework = framework
        self.families = families
        self.providers = providers
        self.language = language
        self.pseudonymizer = pseudonymizer
        self.minimumCellSize = minimumCellSize
        self.generatedAt = generatedAt
        self.planID = planID
        self.revision = revision
        self.changes = changes
        // Agents, sessions and courses the previous plan had and this one no longer has (a removed agent,
        // a cancelled session) keep their names in the changes' wording.
        let previous = changes?.previousProblem
        agents = Dictionary(
            (problem.agents + (previous?.agents ?? [])).map { ($0.agent.externalID, $0) },
            uniquingKeysWith: { first, _ in first })
        sessions = Dictionary(
            (problem.sessions + (previous?.sessions ?? [])).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }
        )
        courses = Dictionary(
            (problem.courses + (previous?.courses ?? [])).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let explainer = PlanExplainer(problem: problem, plan: plan)
        unmetExplanations = Dictionary(
            plan.unmetNeeds.map {
                (NeedKey(agentID: $0.need.agentID, competence: $0.need.competence), explainer.explain($0))
            }, uniquingKeysWith: { first, _ in first })
        var communes: [String: (Commune, Territory)] = [:]
        for territory in territories {
            for commune in territory.communes where communes[commune.code] == nil {
                communes[commune.code] = (commune, territory)
            }
        }
        self.communes = communes
    }

    func t(_ french: String, _ english: String) -> String { language.pick(french, english) }

    func agent(_ id: String) -> PlanningAgent? { agents[id] }
    func session(_ id: String) -> TrainingSession? { sessions[id] }
    func course(ofSession id: String) -> Course? { sessions[id].flatMap { courses[$0.courseID] } }

    func communeName(_ code: String) -> String { communes[code]?.commune.name ?? code }
    func commune(_ code: String) -> Commune? { communes[code]?.commune }
    func territory(ofCommune code: String) -> Territory? { communes[code]?.territory }

    /// The territory a session belongs to: its venue's commune's, else that of its first participant.
    func territory(ofSession session: TrainingSession) -> Territory? {
        if let code = session.venue?.communeCode, let territory = territory(ofCommune: code) { return territory }
        let participant = plan.sessions.first { $0.sessionID == session.id }?.participants.first
        return participant.flatMap { agents[$0] }.flatMap { territory(ofCommune: $0.agent.communeCode) }
            ?? territories.first
    }

    func providerName(_ id: String) -> String { providers.first { $0.id == id }?.name ?? id }

    func competenceTitle(_ code: CompetenceCode) -> String {
        framework.competence(code).map { language.pick($0.titleFR, $0.titleEN) } ?? code.rawValue
    }

    func familyName(_ id: String) -> String {
        families.first { $0.id == id }.map { language.pick($0.nameFR, $0.nameEN) } ?? id
    }

    func statusLabel(_ id: String, commune: String) -> String {
        territory(ofCommune: commune)?.status(id: id).map { language.pick($0.labelFR, $0.labelEN) } ?? id
    }

    /// An agent's pseudonym (documents that leave the commune), or a dash for an agent not in the problem.
    func pseudonym(_ agentID: String) -> String {
        guard let agent = agents[agentID]?.agent else { return "—" }
        return pseudonymizer.pseudonym(of: agent)
    }

    /// `Camille Dubois`.
    func fullName(_ agentID: String) -> String {
        guard let agent = agents[agentID]?.agent else { return agentID }
        return "\(agent.firstName) \(agent.lastName)"
    }

    /// How people name a session: the course's title, its dates and its place.
    func sessionLabel(_ id: String) -> String {
        guard let session = sessions[id] else { return id }
        let title = courses[session.courseID]?.title ?? session.courseID
        let place = session.venue.map { placeName($0) } ?? t("à distance", "remote")
        return "\(title) — \(DateText(language: language).sessionDates(session.days)), \(place)"
    }

    /// A venue's name and the commune it is in, e.g. `Maison communale (Andenne)`.
    func placeName(_ venue: Venue) -> String {
        guard let code = venue.communeCode, let commune = commune(code), !venue.name.contains(commune.name) else {
            return venue.name
        }
        return "\(venue.name) (\(commune.name))"
    }

    /// The level an agent reaches in a competence once the plan covers the need: the course's exit level
    /// capped by the target, never below the current level.
    func projectedLevel(of need: Need, sessionID: String) -> Int {
        let exit =
            course(ofSession: sessionID)?.competences.first { $0.code == need.competence }?.exitLevel
            ?? need.targetLevel
        return max(need.currentLevel, min(exit, need.targetLevel))
    }

    /// The engine's explanation of the plan's unmet need of `agentID` for `competence`, if it has one.
    public func unmetExplanation(agentID: String, competence: CompetenceCode) -> UnmetNeedExplanation? {
        unmetExplanations[NeedKey(agentID: agentID, competence: competence)]
    }

    /// The nearest change that would cover an unmet need, when there is one.
    func nearestChange(_ unmet: UnmetNeed) -> NearestChange? {
        unmetExplanation(agentID: unmet.need.agentID, competence: unmet.need.competence)?.nearestChange
    }

    /// The needs of the problem by agent and competence.
    var needsByKey: [NeedKey: Need] {
        Dictionary(problem.needs.map { (NeedKey(agentID: $0.agentID, competence: $0.competence), $0) }) { first, _ in
            first
        }
    }
}

/// What a re-plan changed, for the documents of the new plan.
public struct PlanRevisionChanges: Sendable {
    /// The id of the plan the re-plan started from.
    public let previousPlanID: String
    /// The problem that plan was solved from: it names agents and sessions the new plan no longer has.
    public let previousProblem: PlanningProblem
    public let changes: PlanChanges

    public init(previousPlanID: String, previousProblem: PlanningProblem, changes: PlanChanges) {
        self.previousPlanID = previousPlanID
        self.previousProblem = previousProblem
        self.changes = changes
    }
}

/// An agent's need for a competence: how assignments and needs meet.
struct NeedKey: Hashable {
    let agentID: String
    let competence: CompetenceCode
}
