import Foundation

/// Who may use the service, how they prove it, and who read named data: users with a role and a
/// scope, their tokens (kept as SHA-256 hashes only), and the audit log. SQLite (``SQLiteStore``) is
/// the default; a PostgreSQL store adopts the same protocol.
public protocol AccessStore: Sendable {
    /// Asks the database a trivial question: throws when it does not answer.
    func checkReachable() async throws

    /// Stores a new user and returns it with its id.
    func createUser(_ user: NewUser) async throws -> UserAccount

    /// Every user, by id.
    func users() async throws -> [UserAccount]

    /// Stores a token of `userID` by the hash of its secret; `expiresAt` nil for a token that does not expire.
    func addToken(hash: String, kind: TokenKind, userID: Int64, expiresAt: Date?) async throws

    /// The user whose token has hash `hash`, when that token has not expired at `date`; nil otherwise.
    func user(tokenHash hash: String, at date: Date) async throws -> UserAccount?

    /// Forgets the token with hash `hash` (a session ended); nothing happens for an unknown hash.
    func removeToken(hash: String) async throws

    /// Appends one entry to the audit log.
    func appendAudit(_ entry: AuditEntry) async throws

    /// The audit log, oldest first.
    func auditEntries() async throws -> [AuditEntry]
}

/// What a user may do; the scope that goes with it is in ``NewUser``.
public enum Role: String, CaseIterable, Codable, Hashable, Sendable {
    /// Coordinates one territory: its diagnosis (aggregates and pseudonyms), plans and tenders.
    case coordinator
    /// The human-resources office of one commune: its own agents, by name.
    case communeHR = "commune-hr"
    /// A training provider: its own catalogues, and aggregated anonymous demand.
    case provider
    /// Public procurement of one territory: its tender packages.
    case procurement
    /// Runs the service: users; no access to named data.
    case admin
}

/// A user to store: a name people recognise, a role, and the one scope that role needs.
public struct NewUser: Hashable, Sendable {
    public let name: String
    public let role: Role
    public let territoryID: String?
    public let communeCode: String?
    public let providerID: String?

    /// Checks that the role gets exactly the scope it needs: a territory for a coordinator and for
    /// procurement, a commune for commune HR, a provider for a provider, nothing for an admin.
    public init(
        name: String, role: Role, territoryID: String? = nil, communeCode: String? = nil, providerID: String? = nil
    ) throws(ScopeError) {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw ScopeError(message: "a user needs a name") }
        let given = [
            ("territory", territoryID != nil), ("commune", communeCode != nil), ("provider", providerID != nil),
        ].filter(\.1).map(\.0)
        let needed: [String] =
            switch role {
            case .coordinator, .procurement: ["territory"]
            case .communeHR: ["commune"]
            case .provider: ["provider"]
            case .admin: []
            }
        guard given == needed else {
            let expected = needed.isEmpty ? "no scope" : "a \(needed[0]) and nothing else"
            throw ScopeError(message: "role \(role.rawValue) takes \(expected)")
        }
        self.name = name
        self.role = role
        self.territoryID = territoryID
        self.communeCode = communeCode
        self.providerID = providerID
    }
}

/// A role given a scope it does not take.
public struct ScopeError: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// A stored user.
public struct UserAccount: Hashable, Sendable {
    public let id: Int64
    public let name: String
    public let role: Role
    /// The territory of a coordinator or of procurement.
    public let territoryID: String?
    /// The commune (NIS or INSEE code) of commune HR.
    public let communeCode: String?
    /// The provider (its catalogue identity) of a provider.
    public let providerID: String?
    public let createdAt: Date

    public init(
        id: Int64, name: String, role: Role, territoryID: String?, communeCode: String?, providerID: String?,
        createdAt: Date
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.territoryID = territoryID
        self.communeCode = communeCode
        self.providerID = providerID
        self.createdAt = createdAt
    }
}

/// How a token is used: an API token given to a program, or a browser session made at sign-in.
public enum TokenKind: String, Hashable, Sendable {
    case api
    case session
}

/// One read of named data: who read, when, through which route, and how many agents it named. Never
/// the data itself.
public struct AuditEntry: Hashable, Sendable {
    public let at: Date
    public let userID: Int64
    /// The HTTP method and the route's pattern (`GET /api/agents/{id}/export`), not the path.
    public let route: String
    /// What was read, without personal data: `commune 2B120`, `plan 3`.
    public let subject: String
    /// How many agents the answer named.
    public let agentCount: Int

    public init(at: Date, userID: Int64, route: String, subject: String, agentCount: Int) {
        self.at = at
        self.userID = userID
        self.route = route
        self.subject = subject
        self.agentCount = agentCount
    }
}
