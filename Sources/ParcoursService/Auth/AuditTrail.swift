import Foundation
import Hummingbird
import ParcoursStore

/// Writes the audit log: each answer that shows agents (by name or pseudonym) records who asked, when,
/// through which route, what about and how many agents; never the data itself.
struct AuditTrail {
    let store: any AccessStore

    func record(
        _ user: UserAccount, request: Request, context: ServiceRequestContext, subject: String, agentCount: Int
    ) async throws {
        try await store.appendAudit(
            AuditEntry(
                at: Date(), userID: user.id,
                route: "\(request.method.rawValue) \(context.endpointPath ?? request.uri.path)", subject: subject,
                agentCount: agentCount))
    }
}
