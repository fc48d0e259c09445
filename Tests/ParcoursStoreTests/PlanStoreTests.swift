import Foundation
import ParcoursStore
import Testing

@Suite struct PlanStoreTests {
    static func plan(_ territory: String, label: String, previous: Int64? = nil) -> NewPlan {
        NewPlan(
            territoryID: territory, label: label, previousPlanID: previous,
            inputs: [
                PlanInput(kind: "roster", name: "roster.csv", contentHash: "aa"),
                PlanInput(kind: "config", name: "planning.yaml", contentHash: "bb"),
            ], document: Data("{\"label\":\"\(label)\"}".utf8))
    }

    @Test(arguments: Backend.available)
    func aPlanRoundTripsWithItsInputsAndDocument(backend: Backend) async throws {
        let store = try await backend.makeStore()
        let id = try await store.savePlan(Self.plan("namur", label: "first"))
        let stored = try #require(try await store.plan(id: id))
        #expect(stored.summary.territoryID == "namur")
        #expect(stored.summary.label == "first")
        #expect(stored.summary.previousPlanID == nil)
        #expect(stored.inputs == Self.plan("namur", label: "first").inputs)
        #expect(stored.document == Data("{\"label\":\"first\"}".utf8))
        #expect(try await store.plan(id: id + 1) == nil)
    }

    @Test(arguments: Backend.available)
    func latestIsTheNewestPlanOfTheTerritoryWhenGiven(backend: Backend) async throws {
        let store = try await backend.makeStore()
        let first = try await store.savePlan(Self.plan("namur", label: "a"))
        let bastia = try await store.savePlan(Self.plan("bastia", label: "b"))
        let replan = try await store.savePlan(Self.plan("namur", label: "c", previous: first))
        #expect(try await store.plan(.latest)?.id == replan)
        #expect(try await store.plan(.latest, territoryID: "bastia")?.id == bastia)
        #expect(try await store.plan(.latest, territoryID: "namur")?.summary.previousPlanID == first)
        #expect(try await store.plan(.latest, territoryID: "elsewhere") == nil)
        #expect(try await store.plan(.id(first))?.summary.label == "a")
        #expect(try await store.plans(territoryID: "namur").map(\.id) == [replan, first])
    }

    @Test func planReferencesAreIdsOrLatest() {
        #expect(PlanReference("latest") == .latest)
        #expect(PlanReference("LATEST") == .latest)
        #expect(PlanReference("12") == .id(12))
        #expect(PlanReference("0") == nil)
        #expect(PlanReference("last") == nil)
    }

    @Test(arguments: Backend.available)
    func aPreviousPlanMustExist(backend: Backend) async throws {
        let store = try await backend.makeStore()
        await #expect(throws: StoreError.self) {
            try await store.savePlan(Self.plan("namur", label: "x", previous: 99))
        }
    }
}
