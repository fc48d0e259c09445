import Foundation
import Hummingbird
import ParcoursStore

/// Writes the audit log of reads of named data: each answer that names agents (a commune's HR reading its
/// own agents) records who asked, when, through which route, what about and how many agents; never the
/// data itself. Answers that show agents by pseudonym only (a coordinator's plan.json, diagnosis and
/// unmet needs) or as counts are not recorded.
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
