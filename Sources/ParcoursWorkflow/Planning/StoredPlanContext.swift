import Foundation
import ParcoursConfig
import ParcoursModel
import ParcoursOutput
import ParcoursStore

extension PlanStore {
    /// How many re-plans lead to plan `id` from its first version.
    public func revision(ofPlan id: Int64) async throws -> Int {
        let previous = Dictionary(
            try await plans(territoryID: nil).map { ($0.id, $0.previousPlanID) },
            uniquingKeysWith: { first, _ in first })
        var revision = 0
        var current = previous[id] ?? nil
        while let next = current {
            revision += 1
            current = previous[next] ?? nil
        }
        return revision
    }
}

extension PlanContext {
    /// What the documents and explanations of stored plan `id` (its record `record`) are written from, in
    /// `language`: the plan's territory, the providers and pseudonyms of `store`, the revision from its
    /// re-plan chain.
    public init(
        record: PlanRecord, id: Int64, store: some PlanStore, configuration: Configuration, language: Language
    ) async throws {
        self.init(
            plan: record.plan, problem: record.problem,
            territories: configuration.territories.filter { $0.id == record.territoryID },
            framework: configuration.framework, families: configuration.jobFamilies,
            providers: try await store.providers(), language: language,
            pseudonymizer: try await Pseudonymizer(store: store, configuration: configuration),
            minimumCellSize: configuration.policy.minimumCellSize, generatedAt: Date(), planID: "\(id)",
            revision: try await store.revision(ofPlan: id))
    }
}

extension Pseudonymizer {
    /// The pseudonyms of the agents of `store`, keyed by its secret, shaped as Config says.
    public init(store: some DataStore, configuration: Configuration) async throws {
        self.init(
            secret: try await store.pseudonymSecret(), prefix: configuration.pseudonym.prefix,
            length: configuration.pseudonym.length)
    }
}
