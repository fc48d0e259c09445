import Foundation
import ParcoursConfig
import ParcoursModel
import ParcoursStore

/// The retention period applied (`Config/retention.yaml`): agents with no news for longer — their roster
/// row imported before the cutoff and no linked Pix participation shared since — are erased together,
/// keeping the aggregates (``AgentEraser``: one transaction, one audit entry). Erased agents are not
/// counted again.
public struct RetentionPurge: Sendable {
    public let store: any ParcoursDatabase
    public let configuration: Configuration

    public init(store: any ParcoursDatabase, configuration: Configuration) {
        self.store = store
        self.configuration = configuration
    }

    /// The agents whose latest news is older than the retention period at `now`.
    public func dueAgents(at now: Date) async throws -> [AgentEraser.AgentKey] {
        let cutoff = configuration.retention.cutoff(at: now)
        let links = ParticipationLinks(
            agents: try await store.agents(), participations: try await store.participations(),
            configuration: configuration)
        return try await store.rosterImports().compactMap { row in
            guard !row.externalID.hasPrefix(AgentErasure.surrogatePrefix) else { return nil }
            let key = AgentEraser.AgentKey(communeCode: row.communeCode, externalID: row.externalID)
            let shared = (links.byAgent[key] ?? []).compactMap(\.sharedAt).max()
            let latest = max(row.importedAt, shared ?? row.importedAt)
            return latest < cutoff ? key : nil
        }
    }

    /// Erases the agents due at `now`, as `route` (the command, or the service's daily purge); nil when
    /// none is due.
    public func run(at now: Date, route: String) async throws -> AgentEraser.Outcome? {
        let due = try await dueAgents(at: now)
        guard !due.isEmpty else { return nil }
        return try await AgentEraser(store: store, configuration: configuration).erase(
            due, userID: AuditEntry.systemUserID, route: route,
            subject: "retention purge, \(configuration.retention.months) months")
    }
}
