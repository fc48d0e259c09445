import Foundation
import ParcoursModel
import ParcoursStore
import Testing

/// The durable job queue, on every backend: claims, heartbeats, ends, crash recovery, and two
/// instances sharing the queue.
@Suite struct JobQueueTests {
    static func job(_ number: Int, kind: String = "plan", territory: String? = "namur") -> NewJob {
        NewJob(kind: kind, territoryID: territory, parameters: Data("{\"number\":\(number)}".utf8))
    }

    static let reason = JobReason(code: "no-agents", french: "aucun agent", english: "no agents")

    static func json(_ data: Data?) throws -> [String: Int]? {
        try data.map { try JSONDecoder().decode([String: Int].self, from: $0) }
    }

    @Test(arguments: Backend.available)
    func aJobGoesFromQueuedToDoneWithItsProgressAndResult(backend: Backend) async throws {
        let store = try await backend.makeStore()
        let id = try await store.enqueue(Self.job(1))
        let queued = try #require(try await store.job(id: id))
        #expect(queued.state == .queued && queued.attempts == 0 && queued.owner == nil)
        #expect(try Self.json(queued.parameters) == ["number": 1])

        let claimed = try #require(try await store.claimJob(owner: "a", kinds: nil))
        #expect(claimed.id == id && claimed.state == .running && claimed.attempts == 1 && claimed.owner == "a")
        #expect(claimed.heartbeatAt != nil && claimed.startedAt != nil)
        #expect(try await store.claimJob(owner: "b", kinds: nil) == nil)

        #expect(try await store.heartbeat(job: id, owner: "a", progress: Data("{\"percent\":40}".utf8)))
        #expect(try await store.heartbeat(job: id, owner: "a", progress: nil))
        #expect(try Self.json(try await store.job(id: id)?.progress) == ["percent": 40])
        // Another instance cannot touch it.
        #expect(try await !store.heartbeat(job: id, owner: "b", progress: nil))
        #expect(try await !store.finishJob(id, owner: "b", result: nil))

        #expect(try await store.finishJob(id, owner: "a", result: Data("{\"plan\":7}".utf8)))
        let done = try #require(try await store.job(id: id))
        #expect(done.state == .done && done.finishedAt != nil && done.error == nil)
        #expect(try Self.json(done.result) == ["plan": 7])
        // Ended: no more heartbeats, no second end.
        #expect(try await !store.heartbeat(job: id, owner: "a", progress: nil))
        #expect(try await !store.failJob(id, owner: "a", reason: Self.reason))
    }

    @Test(arguments: Backend.available)
    func jobsAreClaimedOldestFirstByKindAndListedNewestFirst(backend: Backend) async throws {
        let store = try await backend.makeStore()
        let plan = try await store.enqueue(Self.job(1))
        let pix = try await store.enqueue(Self.job(2, kind: "import-pix", territory: "bastia"))
        let second = try await store.enqueue(Self.job(3))
        #expect(try await store.claimJob(owner: "a", kinds: ["import-pix"])?.id == pix)
        #expect(try await store.claimJob(owner: "a", kinds: ["plan", "import-pix"])?.id == plan)
        #expect(try await store.claimJob(owner: "a", kinds: ["import-roster"]) == nil)
        #expect(try await store.jobs(JobSelection(kind: "plan", limit: 10)).map(\.id) == [second, plan])
        #expect(try await store.jobs(JobSelection(kind: "import-pix", limit: 10)).map(\.id) == [pix])
        #expect(try await store.failJob(plan, owner: "a", reason: Self.reason))
        let failed = try #require(try await store.job(id: plan))
        #expect(failed.state == .failed && failed.reason == Self.reason && failed.finishedAt != nil)
    }

    @Test(arguments: Backend.available)
    func aSelectionPicksByKindTerritoryAndParameterAPageAtATime(backend: Backend) async throws {
        let store = try await backend.makeStore()
        var namur: [Int64] = []
        for number in 1...3 { namur.append(try await store.enqueue(Self.job(number))) }
        _ = try await store.enqueue(Self.job(4, territory: "bastia"))
        func upload(_ provider: String) -> NewJob {
            NewJob(
                kind: "import-catalogue", territoryID: nil,
                parameters: Data(#"{"providerID": "\#(provider)", "stagedName": "x"}"#.utf8))
        }
        let mine = try await store.enqueue(upload("SIRET:1"))
        _ = try await store.enqueue(upload("SIRET:2"))
        _ = try await store.enqueue(upload("SIRET:1' OR '1'='1"))

        #expect(
            try await store.jobs(JobSelection(kind: "plan", territoryID: "namur", limit: 10)).map(\.id)
                == namur.reversed())
        let firstPage = try await store.jobs(JobSelection(kind: "plan", territoryID: "namur", limit: 2)).map(\.id)
        #expect(firstPage == [namur[2], namur[1]])
        #expect(
            try await store.jobs(JobSelection(kind: "plan", territoryID: "namur", before: namur[1], limit: 2))
                .map(\.id) == [namur[0]])
        #expect(try await store.jobs(JobSelection(kind: "plan", limit: 10)).count == 4)
        #expect(
            try await store.jobs(
                JobSelection(kind: "import-catalogue", parameter: ("providerID", "SIRET:1"), limit: 10)
            ).map(\.id) == [mine])
        #expect(
            try await store.jobs(JobSelection(kind: "import-catalogue", parameter: ("stagedName", "x"), limit: 10))
                .count == 3)
        #expect(
            try await store.jobs(JobSelection(kind: "plan", parameter: ("providerID", "SIRET:1"), limit: 10)).isEmpty)
    }

    @Test func aReasonIsStoredWithItsCodeAndBothLanguagesAndAnOlderPlainReasonStillReads() {
        let stored = Self.reason.stored
        #expect(JobReason(stored: stored) == Self.reason)
        let older = JobReason(stored: "instance a stopped running it")
        #expect(older.code == JobReason.unexplainedCode)
        #expect(older.text(in: .french) == "instance a stopped running it")
    }

    @Test(arguments: Backend.available)
    func aParameterDocumentMustBeJSON(backend: Backend) async throws {
        let store = try await backend.makeStore()
        await #expect(throws: StoreError.self) {
            try await store.enqueue(NewJob(kind: "plan", territoryID: nil, parameters: Data("{oops".utf8)))
        }
        #expect(try await store.jobs(JobSelection(kind: "plan", limit: 10)).isEmpty)
    }

    @Test(arguments: Backend.available)
    func jobsOfAStoppedInstanceAreQueuedAgainThenFailedWithTheReason(backend: Backend) async throws {
        let store = try await backend.makeStore()
        let id = try await store.enqueue(Self.job(1))
        let other = try await store.enqueue(Self.job(2))
        _ = try await store.claimJob(owner: "crashed", kinds: nil)
        _ = try await store.claimJob(owner: "alive", kinds: nil)
        // Nothing is stale yet.
        #expect(
            try await store.recoverJobs(
                heartbeatBefore: Date(timeIntervalSinceNow: -60), ownedBy: nil, maximumAttempts: 2
            ).isEmpty)
        // The alive instance keeps beating; the crashed one's heartbeat is older than the limit.
        try await Task.sleep(for: .milliseconds(20))
        let limit = Date()
        #expect(try await store.heartbeat(job: other, owner: "alive", progress: nil))
        let recovered = try await store.recoverJobs(heartbeatBefore: limit, ownedBy: nil, maximumAttempts: 2)
        #expect(recovered.map(\.id) == [id])
        #expect(recovered.first?.state == .queued)
        #expect(recovered.first?.reason.code == "instance-stopped")
        #expect(recovered.first?.reason.english.contains("instance crashed stopped running it") == true)
        #expect(recovered.first?.reason.french.contains("l’instance crashed a cessé de l’exécuter") == true)
        let requeued = try #require(try await store.job(id: id))
        #expect(requeued.state == .queued && requeued.reason == recovered.first?.reason)
        // The crashed instance, back, cannot end the job it lost.
        #expect(try await !store.finishJob(id, owner: "crashed", result: nil))

        // Claimed again, then its new owner restarts: recovered at once, and failed after 2 attempts.
        #expect(try await store.claimJob(owner: "restarted", kinds: nil)?.attempts == 2)
        let failed = try await store.recoverJobs(
            heartbeatBefore: .distantPast, ownedBy: "restarted", maximumAttempts: 2)
        #expect(failed.map(\.state) == [.failed])
        #expect(failed.first?.reason.code == "attempts-exhausted")
        #expect(failed.first?.reason.text(in: .french).hasSuffix("abandonné après 2 tentatives") == true)
        #expect(failed.first?.reason.text(in: .english).hasSuffix("failed after 2 attempts") == true)
        let final = try #require(try await store.job(id: id))
        #expect(final.state == .failed && final.finishedAt != nil)
        #expect(try await store.job(id: other)?.state == .running)
    }

    @Test(arguments: Backend.available)
    func aReleasedJobIsQueuedAgainWithoutCountingItsAttempt(backend: Backend) async throws {
        let store = try await backend.makeStore()
        let id = try await store.enqueue(Self.job(1))
        #expect(try await store.claimJob(owner: "stopping", kinds: nil)?.attempts == 1)
        #expect(try await !store.releaseJob(id, owner: "other", reason: Self.reason))
        #expect(try await store.releaseJob(id, owner: "stopping", reason: Self.reason))
        let released = try #require(try await store.job(id: id))
        #expect(released.state == .queued && released.attempts == 0 && released.reason == Self.reason)
        #expect(try await !store.releaseJob(id, owner: "stopping", reason: Self.reason))
        let again = try #require(try await store.claimJob(owner: "next", kinds: nil))
        #expect(again.id == id && again.attempts == 1)
    }

    /// Two instances (two stores on one database, each with its own connections) take jobs from one
    /// queue at once: every job runs, and runs once.
    @Test(arguments: Backend.available)
    func twoInstancesRunEachJobExactlyOnce(backend: Backend) async throws {
        let database = backend.newDatabase()
        defer { database.remove() }
        let first = try await database.open()
        let second = try await database.open()
        let count = 200
        var ids: Set<Int64> = []
        for number in 0..<count { ids.insert(try await first.enqueue(Self.job(number))) }

        let claimed = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for (instance, store) in [("one", first), ("two", second)] {
                for worker in 0..<3 {
                    group.addTask {
                        let owner = "\(instance)-\(worker)"
                        var claimed: [Int64] = []
                        while let job = try await store.claimJob(owner: owner, kinds: nil) {
                            claimed.append(job.id)
                            #expect(try await store.finishJob(job.id, owner: owner, result: nil))
                        }
                        return claimed
                    }
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(claimed.count == count)
        #expect(Set(claimed) == ids)
        let jobs = try await second.jobs(JobSelection(kind: "plan", limit: count))
        #expect(jobs.count == count && jobs.allSatisfy { $0.state == .done && $0.attempts == 1 })
    }
}
