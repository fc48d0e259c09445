import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ParcoursStore
import Testing

@testable import ParcoursService

/// The dashboard's content is kept by data revision (``DashboardCache``): what another instance writes to
/// the same database shows at the next request, and each user gets the content in a frame of their own.
@Suite struct DashboardCacheTests {
    @Test(arguments: JobBackend.available)
    func theDashboardShowsWhatAnotherInstanceWroteInEachUsersOwnFrame(backend: JobBackend) async throws {
        let database = try await JobDatabase.make(backend)
        defer { database.remove() }
        let one = try await database.environment(instance: "one")
        let two = try await database.environment(instance: "two")
        let first = try await JobRoutesTests.authorization(
            try NewUser(name: "Coordination Une", role: .coordinator, territoryID: "bastia"), on: one.store)
        let second = try await JobRoutesTests.authorization(
            try NewUser(name: "Coordination Deux", role: .coordinator, territoryID: "bastia"), on: one.store)
        @Sendable func dashboard(_ headers: HTTPFields) async throws -> String {
            try await ServiceFixtures.withClient(one) { client in
                try await client.execute(uri: "/territories/bastia", method: .get, headers: headers) { response in
                    #expect(response.status == .ok)
                    return String(buffer: response.body)
                }
            }
        }
        let before = try await dashboard(first)
        #expect(before.contains("Coordination Une") && before.contains("Aucun plan pour l’instant."))
        let other = try await dashboard(second)
        #expect(other.contains("Coordination Deux") && !other.contains("Coordination Une"))
        #expect(other.contains("Aucun plan pour l’instant."))

        let job = try await JobRoutes(environment: two).enqueuePlan(JobDatabase.plan(seed: 1, label: "autre instance"))
        #expect(try await dashboard(first).contains(">travail \(job.id)</a>"))
        try await JobRunning.run([two]) { try await JobRunning.ended([job.id], in: two.store) }
        let planID = try #require(PlanJobResult.decode(try await two.store.job(id: job.id)?.result)).planID
        let after = try await dashboard(second)
        #expect(after.contains("/plans/\(planID)/report?lang=fr") && !after.contains("Aucun plan pour l’instant."))
        #expect(after.contains("Coordination Deux") && !after.contains("Coordination Une"))
    }

    /// plan.json is kept by data revision (``PlanCache``): a plan another instance stores, or rewrites (an
    /// erasure), is served at once as that instance would serve it.
    @Test(arguments: JobBackend.available)
    func planJSONFollowsWhatAnotherInstanceWrote(backend: JobBackend) async throws {
        let database = try await JobDatabase.make(backend)
        defer { database.remove() }
        let one = try await database.environment(instance: "one")
        let two = try await database.environment(instance: "two")
        let coordinator = try await JobRoutesTests.authorization(
            try NewUser(name: "Coordination", role: .coordinator, territoryID: "bastia"), on: one.store)
        let hr = try await JobRoutesTests.authorization(
            try NewUser(name: "RH", role: .communeHR, communeCode: TenantWorld.otherCommune), on: one.store)
        @Sendable func plan(seed: UInt64) async throws -> Int64 {
            let job = try await JobRoutes(environment: two).enqueuePlan(JobDatabase.plan(seed: seed, label: "essai"))
            try await JobRunning.run([two]) { try await JobRunning.ended([job.id], in: two.store) }
            return try #require(PlanJobResult.decode(try await two.store.job(id: job.id)?.result)).planID
        }
        /// The plan.json `environment` serves, but for the time it was written (keys sorted).
        @Sendable func planJSON(_ id: Int64, from environment: ServiceEnvironment) async throws -> Data {
            try await ServiceFixtures.withClient(environment) { client in
                try await client.execute(uri: "/api/plans/\(id)/plan.json", method: .get, headers: coordinator) {
                    response in
                    #expect(response.status == .ok)
                    var document = try #require(
                        try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                    document["generatedAt"] = nil
                    return try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
                }
            }
        }
        let first = try await plan(seed: 1)
        let before = try await planJSON(first, from: one)
        #expect(try await planJSON(first, from: one) == before)
        let second = try await plan(seed: 2)
        #expect(try await planJSON(second, from: one) == (try await planJSON(second, from: two)))
        try await ServiceFixtures.withClient(two) { client in
            try await client.execute(
                uri: "/api/agents/\(TenantWorld.otherAgent)/erasure", method: .post, headers: hr
            ) { response in
                #expect(response.status == .ok)
            }
        }
        let after = try await planJSON(first, from: one)
        #expect(after != before)
        #expect(after == (try await planJSON(first, from: two)))
    }

    @Test(arguments: JobBackend.available)
    func theDashboardListsTheNewestPlanJobsOnly(backend: JobBackend) async throws {
        let database = try await JobDatabase.make(backend)
        defer { database.remove() }
        let environment = try await database.environment(instance: "one")
        let headers = try await JobRoutesTests.authorization(
            try NewUser(name: "Coordination", role: .coordinator, territoryID: "bastia"), on: environment.store)
        var ids: [Int64] = []
        for seed in 1...(UInt64(PlanRunForm.recentJobs) + 2) {
            ids.append(
                try await environment.store.enqueue(
                    NewJob(
                        kind: PlanJobHandler.kind, territoryID: "bastia",
                        parameters: try JobDocument.encoder.encode(JobDatabase.plan(seed: seed, label: "essai")))))
        }
        let page = try await ServiceFixtures.withClient(environment) { client in
            try await client.execute(uri: "/territories/bastia", method: .get, headers: headers) { response in
                #expect(response.status == .ok)
                return String(buffer: response.body)
            }
        }
        let listed = ids.filter { page.contains(">travail \($0)</a>") }
        #expect(listed == Array(ids.suffix(PlanRunForm.recentJobs)))
    }

    @Test(arguments: JobBackend.available)
    func theRevisionMovesWithJobsStatesNotWithHeartbeatsOrUsers(backend: JobBackend) async throws {
        let database = try await JobDatabase.make(backend)
        defer { database.remove() }
        let store = try await database.environment(instance: "one").store
        let start = try await store.dataRevision()
        _ = try await store.createUser(try NewUser(name: "Coordination", role: .coordinator, territoryID: "bastia"))
        #expect(try await store.dataRevision() == start)
        _ = try await store.enqueue(
            NewJob(
                kind: PlanJobHandler.kind, territoryID: "bastia",
                parameters: try JobDocument.encoder.encode(JobDatabase.plan(seed: 1, label: "essai"))))
        let queued = try await store.dataRevision()
        #expect(queued > start)
        let job = try #require(try await store.claimJob(owner: "one", kinds: nil))
        let running = try await store.dataRevision()
        #expect(running > queued)
        // A heartbeat, with progress or without, is not what pages show: the revision stays.
        #expect(try await store.heartbeat(job: job.id, owner: "one", progress: Data(#"{"percent": 40}"#.utf8)))
        #expect(try await store.heartbeat(job: job.id, owner: "one", progress: nil))
        #expect(try await store.dataRevision() == running)
        #expect(try await store.finishJob(job.id, owner: "one", result: Data(#"{"planID": 1}"#.utf8)))
        #expect(try await store.dataRevision() > running)
    }
}
