import ParcoursModel
import ParcoursStore

/// The content of each territory's dashboard, rendered once per data revision (``RevisionStore``) for
/// each language and role: rendering it from the diagnosis, the plans and the jobs takes 10–20 ms, and
/// scripts/check/service-load.sh measured 92 requests/s without it against 16 868 for nginx serving the
/// same bytes. The revision is the database's own, so an import, a plan, an erasure or a job's new state
/// written by any instance or command renders it again (a job's heartbeat does not: the dashboard lists
/// a running job without its progress, which the job's page shows). Nothing per user is kept: the page's frame (the
/// user's name) is written around the content at each request.
actor DashboardCache {
    struct Key: Hashable {
        let territoryID: String
        let language: Language
        let role: Role
    }

    private struct Entry {
        let revision: Int64
        let content: Task<String, any Error>
    }

    private var entries: [Key: Entry] = [:]

    /// The content for `key` at `revision`, rendered by `render` unless it was at that revision;
    /// requests arriving while it renders wait for the same rendering. Read `revision` before anything
    /// `render` reads: a change committed in between renders it again at the next request, never keeps a
    /// stale page.
    func content(
        for key: Key, revision: Int64, render: @escaping @Sendable () async throws -> String
    ) async throws -> String {
        let entry: Entry
        if let existing = entries[key], existing.revision == revision {
            entry = existing
        } else {
            entry = Entry(revision: revision, content: Task { try await render() })
            if (entries[key]?.revision ?? .min) <= revision { entries[key] = entry }
        }
        do {
            return try await entry.content.value
        } catch {
            if entries[key]?.revision == revision { entries[key] = nil }
            throw error
        }
    }
}
