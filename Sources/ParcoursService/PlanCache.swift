import Foundation
import ParcoursModel
import ParcoursOutput
import ParcoursStore
import ParcoursWorkflow

/// A stored plan decoded, with the context its documents are written from and its plan.json, kept while
/// its stored bytes and the store's imports stay the same. Decoding a plan and explaining each of its
/// unmet needs takes longer than a page may (scripts/check/service-load.sh measured the dashboard and
/// plan.json at a few requests per second without it), and a stored plan does not change: when its
/// document is rewritten (an erasure), its bytes differ and it is decoded again. While the store's data
/// revision (``RevisionStore``) stays the one an entry was checked at, the entry is served without
/// reading the plan again: a plan's bytes, an import or an erasure all change the revision. The plans
/// last used are kept, in each language asked for.
actor PlanCache {
    /// A plan as its documents are written from it.
    struct Documents: Sendable {
        let record: PlanRecord
        let context: PlanContext
    }

    private struct Key: Hashable {
        let planID: Int64
        let language: Language
    }

    private struct Entry {
        /// Tells this entry from one made afresh for the same key.
        let generation: Int
        /// The data revision the entry was last found current at.
        var revision: Int64
        let summary: PlanSummary
        let document: Data
        let files: [String]
        let documents: Task<Documents, any Error>
        var json: Task<Data, any Error>?
    }

    /// How many plan × language entries are kept.
    static let capacity = 8
    private var entries: [Key: Entry] = [:]
    /// Keys from the least to the most recently used.
    private var recent: [Key] = []
    private var generations = 0

    /// The record and context of plan `id` in `language`, when it is a plan of `territoryID` (nil
    /// otherwise); throws the plan's ``PlanRecordError`` when its document cannot be read.
    func documents(
        ofPlan id: Int64, territoryID: String?, language: Language, environment: ServiceEnvironment
    ) async throws -> Documents? {
        guard let (key, entry) = try await entry(ofPlan: id, language: language, environment: environment),
            entry.summary.territoryID == territoryID
        else { return nil }
        return try await value(of: entry.documents, in: key, generation: entry.generation)
    }

    /// The plan.json of plan `id` in `language` (agents by pseudonym), when it is a plan of `territoryID`
    /// (nil otherwise).
    func planJSON(
        ofPlan id: Int64, territoryID: String?, language: Language, environment: ServiceEnvironment
    ) async throws -> Data? {
        guard let (key, entry) = try await entry(ofPlan: id, language: language, environment: environment),
            entry.summary.territoryID == territoryID
        else { return nil }
        let json: Task<Data, any Error>
        if let existing = entry.json {
            json = existing
        } else {
            let documents = entry.documents
            json = Task { try PlanJSON.encode(try await documents.value.context) }
            if entries[key]?.generation == entry.generation { entries[key]?.json = json }
        }
        return try await value(of: json, in: key, generation: entry.generation)
    }

    /// Plan `id`'s entry (nil when there is no such plan): as kept while the data revision stays, made
    /// afresh when the plan's bytes or the store's imports changed.
    private func entry(
        ofPlan id: Int64, language: Language, environment: ServiceEnvironment
    ) async throws -> (Key, Entry)? {
        let key = Key(planID: id, language: language)
        // Read before the plan: a change committed meanwhile makes the next request look again.
        let revision = try await environment.store.dataRevision()
        if let entry = entries[key], entry.revision == revision {
            use(key)
            return (key, entry)
        }
        guard let stored = try await environment.store.plan(id: id) else { return nil }
        let files = try await environment.store.importedFiles().map(\.contentHash)
        use(key)
        if var entry = entries[key], entry.files == files, entry.document == stored.document,
            entry.summary == stored.summary
        {
            entry.revision = max(entry.revision, revision)
            entries[key] = entry
            return (key, entry)
        }
        let (store, configuration) = (environment.store, environment.configuration)
        generations += 1
        let entry = Entry(
            generation: generations, revision: revision, summary: stored.summary, document: stored.document,
            files: files,
            documents: Task {
                let record = try PlanRecord(stored: stored)
                let context = try await PlanContext(
                    record: record, id: stored.id, store: store, configuration: configuration, language: language)
                return Documents(record: record, context: context)
            })
        entries[key] = entry
        while recent.count > Self.capacity { entries[recent.removeFirst()] = nil }
        return (key, entry)
    }

    /// Marks `key` the most recently used.
    private func use(_ key: Key) {
        recent.removeAll { $0 == key }
        recent.append(key)
    }

    /// The value of `task`; when it fails, the entry it belongs to is forgotten, so that a passing
    /// failure (of the store) is not kept.
    private func value<T: Sendable>(of task: Task<T, any Error>, in key: Key, generation: Int) async throws -> T {
        do {
            return try await task.value
        } catch {
            if entries[key]?.generation == generation { entries[key] = nil }
            throw error
        }
    }
}
