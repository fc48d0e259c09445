import Foundation
import ParcoursModel
import ParcoursOutput
import ParcoursStore
import ParcoursWorkflow

/// A stored plan decoded, with the context its documents are written from and its plan.json, kept while
/// its stored bytes and the store's imports stay the same. Decoding a plan and explaining each of its
/// unmet needs takes longer than a page may (scripts/check/service-load.sh measured the dashboard and
/// plan.json at a few requests per second without it), and a stored plan does not change: when its
/// document is rewritten (an erasure), its bytes differ and it is decoded again. The plans last used
/// are kept, in each language asked for.
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

    /// The record and context of `stored` in `language`; throws the plan's ``PlanRecordError`` when its
    /// document cannot be read.
    func documents(
        of stored: StoredPlan, language: Language, environment: ServiceEnvironment
    ) async throws -> Documents {
        let (key, entry) = try await entry(of: stored, language: language, environment: environment)
        return try await value(of: entry.documents, in: key, generation: entry.generation)
    }

    /// The plan.json of `stored` in `language` (agents by pseudonym).
    func planJSON(of stored: StoredPlan, language: Language, environment: ServiceEnvironment) async throws -> Data {
        let (key, entry) = try await entry(of: stored, language: language, environment: environment)
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

    /// `stored`'s entry, made afresh when the plan's bytes or the store's imports changed.
    private func entry(
        of stored: StoredPlan, language: Language, environment: ServiceEnvironment
    ) async throws -> (Key, Entry) {
        let files = try await environment.store.importedFiles().map(\.contentHash)
        let key = Key(planID: stored.id, language: language)
        recent.removeAll { $0 == key }
        recent.append(key)
        if let entry = entries[key], entry.files == files, entry.document == stored.document { return (key, entry) }
        let (store, configuration) = (environment.store, environment.configuration)
        generations += 1
        let entry = Entry(
            generation: generations, document: stored.document, files: files,
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
