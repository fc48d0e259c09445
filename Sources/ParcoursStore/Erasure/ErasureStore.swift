import Foundation

/// Erasure that keeps aggregates (GDPR art. 17): an agent's roster row keeps what the aggregates
/// group by (commune, job family, status, working time, working days, car, travel distance) under a new
/// surrogate id, with names, equipment, unavailabilities and languages cleared; the Pix participations
/// linked to the agent are re-keyed to the surrogate with their names and extra columns cleared, so the
/// diagnosis does not move; stored plans are rewritten with the same substitution. SQLite and
/// PostgreSQL adopt it with the same behaviour.
public protocol ErasureStore: Sendable {
    /// Applies `erasure` in one transaction with its one audit entry: all of it or nothing. Throws
    /// ``ErasureConflict`` when an agent is no longer in the roster or a plan was stored since the
    /// erasure was prepared (prepare it again).
    func erase(_ erasure: AgentErasure) async throws

    /// Every agent's key with the day its roster row was imported: what a retention period is
    /// measured from, with the agent's latest Pix participation.
    func rosterImports() async throws -> [AgentImport]

    /// How many roster rows are erased agents: a diagnosis assembled before an erasure is stale.
    func erasedAgentCount() async throws -> Int
}

/// An agent and when its roster row was imported.
public struct AgentImport: Hashable, Sendable {
    public let communeCode: String
    public let externalID: String
    public let importedAt: Date

    package init(communeCode: String, externalID: String, importedAt: Date) {
        self.communeCode = communeCode
        self.externalID = externalID
        self.importedAt = importedAt
    }
}

/// One erasure, prepared by the workflow (which links Pix rows to agents and rewrites plan documents)
/// and applied by the store in one transaction.
public struct AgentErasure: Hashable, Sendable {
    /// One agent to erase.
    public struct Subject: Hashable, Sendable {
        public let communeCode: String
        public let externalID: String
        /// The id the agent's data is kept under from now on (``AgentErasure/surrogatePrefix``…).
        public let surrogateID: String
        /// The stored Pix participations linked to the agent.
        public let participations: [ParticipationKey]

        public init(communeCode: String, externalID: String, surrogateID: String, participations: [ParticipationKey]) {
            self.communeCode = communeCode
            self.externalID = externalID
            self.surrogateID = surrogateID
            self.participations = participations
        }
    }

    /// A stored plan's document with the substitution applied.
    public struct PlanDocument: Hashable, Sendable {
        public let planID: Int64
        public let document: Data

        public init(planID: Int64, document: Data) {
            self.planID = planID
            self.document = document
        }
    }

    /// What every surrogate id begins with: an erased agent is never erased again.
    public static let surrogatePrefix = "erased-"

    public let subjects: [Subject]
    public let plans: [PlanDocument]
    /// The newest plan id when the erasure was prepared (nil: none): a newer plan might name the agents.
    public let newestPlanID: Int64?
    public let audit: AuditEntry

    public init(subjects: [Subject], plans: [PlanDocument], newestPlanID: Int64?, audit: AuditEntry) {
        self.subjects = subjects
        self.plans = plans
        self.newestPlanID = newestPlanID
        self.audit = audit
    }

    /// A new surrogate id: the prefix and 16 random bytes in hexadecimal.
    public static func newSurrogateID() -> String {
        var generator = SystemRandomNumberGenerator()
        return surrogatePrefix
            + (0..<16).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }
}

/// A stored Pix participation: its campaign and the line of its export.
public struct ParticipationKey: Hashable, Sendable {
    public let pixCampaignID: String
    public let line: Int

    public init(pixCampaignID: String, line: Int) {
        self.pixCampaignID = pixCampaignID
        self.line = line
    }
}

/// An erasure the store refused whole because the database changed since it was prepared.
public struct ErasureConflict: Error, Hashable, Sendable, CustomStringConvertible {
    public let description: String

    package init(_ description: String) { self.description = description }
}

extension AuditEntry {
    /// The user of entries no service user wrote: the command line, the service's daily purge.
    public static let systemUserID: Int64 = 0
}
