import Foundation
import ParcoursConfig
import ParcoursModel
import ParcoursStore

/// Erases agents while keeping the aggregates (see ``ErasureStore``): finds the Pix participations
/// linked to each agent as the diagnosis links them (``RosterLinker``), rewrites the stored plans that
/// name them, and has the store apply it all in one transaction with one audit entry. Shared by the
/// service (a commune's HR), `parcours admin erase-agent` and the retention purge.
public struct AgentEraser: Sendable {
    public let store: any ParcoursDatabase
    public let configuration: Configuration

    public init(store: any ParcoursDatabase, configuration: Configuration) {
        self.store = store
        self.configuration = configuration
    }

    /// An agent to erase: their commune and external id.
    public struct AgentKey: Hashable, Sendable {
        public let communeCode: String
        public let externalID: String

        public init(communeCode: String, externalID: String) {
            self.communeCode = communeCode
            self.externalID = externalID
        }
    }

    /// What an erasure changed.
    public struct Outcome: Hashable, Sendable {
        public let agents: Int
        public let participations: Int
        /// The stored plans rewritten.
        public let plans: [Int64]
    }

    /// Why an erasure was not made.
    public enum Refusal: Error, Hashable, Sendable {
        /// No agent of the commune has that id (or it was erased already).
        case unknownAgent(AgentKey)
        /// A stored plan could not be read or rewritten.
        case unreadablePlan(Int64)

        public func message(in language: Language) -> String {
            switch self {
            case .unknownAgent(let key):
                language.pick(
                    "aucun agent \(key.externalID) dans le registre de la commune \(key.communeCode)",
                    "no agent \(key.externalID) in the roster of commune \(key.communeCode)")
            case .unreadablePlan(let id):
                language.pick(
                    "le plan \(id) stocké est illisible : effacement non fait",
                    "stored plan \(id) cannot be read: nothing erased")
            }
        }
    }

    /// Erases `agents` in one transaction, recorded as one audit entry by `userID` through `route`
    /// (the HTTP route's pattern, or the command); `subject` says what, without any id or name.
    /// Prepared again once if the database changed meanwhile.
    @discardableResult
    public func erase(_ agents: [AgentKey], userID: Int64, route: String, subject: String) async throws -> Outcome {
        do {
            return try await attempt(agents, userID: userID, route: route, subject: subject)
        } catch is ErasureConflict {
            return try await attempt(agents, userID: userID, route: route, subject: subject)
        }
    }

    private func attempt(_ keys: [AgentKey], userID: Int64, route: String, subject: String) async throws -> Outcome {
        let agents = try await store.agents()
        let wanted = Set(keys)
        let erased = agents.filter { wanted.contains(AgentKey(communeCode: $0.communeCode, externalID: $0.externalID)) }
        if let missing = keys.first(where: { key in
            key.externalID.hasPrefix(AgentErasure.surrogatePrefix)
                || !erased.contains { $0.communeCode == key.communeCode && $0.externalID == key.externalID }
        }) {
            throw Refusal.unknownAgent(missing)
        }
        let surrogates = Dictionary(
            uniqueKeysWithValues: erased.map {
                (AgentKey(communeCode: $0.communeCode, externalID: $0.externalID), AgentErasure.newSurrogateID())
            })
        let links = ParticipationLinks(
            agents: agents, participations: try await store.participations(), configuration: configuration)
        // The stored plans of the agents' territories that name them.
        let summaries = try await store.plans(territoryID: nil)
        var plans: [AgentErasure.PlanDocument] = []
        for summary in summaries {
            let inTerritory = surrogates.filter {
                configuration.territory(ofCommune: $0.key.communeCode)?.id == summary.territoryID
            }
            guard !inTerritory.isEmpty, let stored = try await store.plan(id: summary.id) else { continue }
            let byID = Dictionary(
                inTerritory.map { ($0.key.externalID, $0.value) }, uniquingKeysWith: { first, _ in first })
            let rewritten: Data?
            do {
                rewritten = try PlanDocumentErasure.rewrite(stored.document, surrogates: byID)
                if let rewritten {
                    _ = try PlanRecord(
                        stored: StoredPlan(summary: stored.summary, inputs: stored.inputs, document: rewritten))
                }
            } catch {
                throw Refusal.unreadablePlan(summary.id)
            }
            if let rewritten { plans.append(AgentErasure.PlanDocument(planID: summary.id, document: rewritten)) }
        }
        let subjects = surrogates.sorted {
            ($0.key.communeCode, $0.key.externalID) < ($1.key.communeCode, $1.key.externalID)
        }
        .map { key, surrogate in
            AgentErasure.Subject(
                communeCode: key.communeCode, externalID: key.externalID, surrogateID: surrogate,
                participations: (links.byAgent[key] ?? []).map {
                    ParticipationKey(pixCampaignID: $0.campaign.campaignID, line: $0.line)
                })
        }
        try await store.erase(
            AgentErasure(
                subjects: subjects, plans: plans, newestPlanID: summaries.first?.id,
                audit: AuditEntry(
                    at: Date(), userID: userID, route: route, subject: subject, agentCount: subjects.count)))
        return Outcome(
            agents: subjects.count, participations: subjects.map(\.participations.count).reduce(0, +),
            plans: plans.map(\.planID).sorted())
    }
}
