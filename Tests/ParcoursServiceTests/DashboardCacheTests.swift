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
