import Foundation
import Hummingbird
import ParcoursStore

/// The admin's view of the service: its users and the audit log of reads of named data. Neither holds
/// agents' data.
struct AdminRoutes {
    let environment: ServiceEnvironment

    func register(in registry: inout RouteRegistry) {
        registry.on(.get, "/api/users") { _, context in
            _ = try AccessRule(.admin).user(of: context)
            return try ResponseBody.json(["users": try await environment.store.users().map(UserEntry.init)])
        }
        registry.on(.get, "/api/audit") { _, context in
            _ = try AccessRule(.admin).user(of: context)
            return try ResponseBody.json(["entries": try await environment.store.auditEntries().map(AuditLine.init)])
        }
    }
}

/// A user as the API shows it (never a token).
struct UserEntry: Encodable {
    let id: Int64
    let name: String
    let role: String
    let territory: String?
    let commune: String?
    let provider: String?
    let createdAt: Date

    init(_ user: UserAccount) {
        id = user.id
        name = user.name
        role = user.role.rawValue
        territory = user.territoryID
        commune = user.communeCode
        provider = user.providerID
        createdAt = user.createdAt
    }
}

/// An entry of the audit log.
struct AuditLine: Encodable {
    let at: Date
    let user: Int64
    let route: String
    let subject: String
    let agents: Int

    init(_ entry: AuditEntry) {
        at = entry.at
        user = entry.userID
        route = entry.route
        subject = entry.subject
        agents = entry.agentCount
    }
}
