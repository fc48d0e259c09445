import Foundation
import ParcoursStore
import ServiceLifecycle
import Testing

@testable import ParcoursService

/// The job runner of `parcours serve`: instances sharing one queue, and the recovery of jobs an instance
/// stopped running.
@Suite struct JobRunnerTests {
    @Test(arguments: JobBackend.available)
    func twoInstancesSharingTheQueueRunEachPlanJobOnce(backend: JobBackend) async throws {
        let database = try await JobDatabase.make(backend)
        defer { database.remove() }
        let first = try await database.environment(instance: "one")
        let second = try await database.environment(instance: "two")
        var ids: [Int64] = []
        for seed in 1...4 {
            ids.append(
                try await JobRoutes(environment: first).enqueuePlan(
                    JobDatabase.plan(seed: UInt64(seed), label: "seed \(seed)")
                ).id)
        }
        let store = first.store
        try await JobRunning.run([first, second]) { [ids] in try await JobRunning.ended(ids, in: store) }

        var planIDs: [Int64] = []
        for id in ids {
            let job = try #require(try await store.job(id: id))
            #expect(job.state == .done && job.attempts == 1 && job.error == nil, "job \(id): \(job.error ?? "")")
            #expect(["one", "two"].contains(job.owner))
            planIDs.append(try #require(PlanJobResult.decode(job.result)).planID)
        }
        let plans = try await store.plans(territoryID: "bastia")
        #expect(plans.count == 4, "each job stored one plan")
        #expect(Set(plans.map(\.id)) == Set(planIDs))
        #expect(Set(plans.map(\.label)) == ["seed 1", "seed 2", "seed 3", "seed 4"])
    }

    @Test(arguments: JobBackend.available)
    func aJobWhoseInstanceStoppedHeartbeatingIsRecoveredAndRunOnce(backend: JobBackend) async throws {
        let database = try await JobDatabase.make(backend)
        defer { database.remove() }
        let alive = try await database.environment(instance: "alive")
        let store = alive.store
        let id = try await JobRoutes(environment: alive).enqueuePlan(JobDatabase.plan(seed: 1, label: "orphan")).id
        // An instance claims the job, then stops: no heartbeat ever again.
        #expect(try await store.claimJob(owner: "crashed", kinds: nil)?.id == id)
        // The sweep at chosen times: within ``JobSettings/staleAfter`` of its last heartbeat the job is left
        // alone; past it, queued again.
        let sweeper = JobRunner(environment: alive, logger: JobRunning.logger)
        let claimed = try #require(try await store.job(id: id)?.heartbeatAt)
        try await sweeper.recoverOrphans(now: claimed.addingTimeInterval(alive.jobs.staleAfter.seconds - 1))
        #expect(try await store.job(id: id)?.state == .running)
        try await sweeper.recoverOrphans(now: claimed.addingTimeInterval(alive.jobs.staleAfter.seconds + 1))
        let orphan = try #require(try await store.job(id: id))
        #expect(orphan.state == .queued && orphan.reason?.code == "instance-stopped")
        try await JobRunning.run([alive]) { try await JobRunning.ended([id], in: store) }

        let job = try #require(try await store.job(id: id))
        #expect(
            job.state == .done && job.owner == "alive" && job.attempts == 2,
            "\(job.state) \(job.owner ?? "") \(job.attempts) \(job.error ?? "")")
        #expect(try await store.plans(territoryID: "bastia").map(\.label) == ["orphan"])
        // The crashed instance, back, cannot end the job it lost.
        #expect(try await !store.finishJob(id, owner: "crashed", result: nil))
    }

    /// A plan job cannot hold a stopping instance: its solve stops, nothing is stored, and the job is
    /// queued again, its attempt not counted, for another instance or the next start.
    @Test(arguments: JobBackend.available)
    func aStoppingInstanceQueuesItsRunningPlanAgainWithNothingStored(backend: JobBackend) async throws {
        let database = try await JobDatabase.make(backend, territory: "namur")
        defer { database.remove() }
        let environment = try await database.environment(instance: "stopping")
        let store = environment.store
        // Namur's plan runs for seconds without its time limit (5 s in a debug build).
        let id = try await JobRoutes(environment: environment).enqueuePlan(
            JobDatabase.plan(seed: 1, label: "long", territory: "namur", timeLimitSeconds: 3600)
        ).id
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [JobRunner(environment: environment, logger: JobRunning.logger)],
                logger: JobRunning.logger))
        let stopped = try await withThrowingTaskGroup(of: Bool.self) { tasks in
            tasks.addTask {
                try await group.run()
                return true
            }
            tasks.addTask {
                try await Task.sleep(for: .seconds(120))
                return false
            }
            try await JobRunning.wait("the plan to be solving") {
                let job = try await store.job(id: id)
                return job.flatMap { JobDocument($0, language: .english).progress?.phase } == "solving"
            }
            await group.triggerGracefulShutdown()
            let first = try await tasks.next()!
            tasks.cancelAll()
            return first
        }
        #expect(stopped, "the job runner did not stop within two minutes")
        let job = try #require(try await store.job(id: id))
        #expect(job.state == .queued && job.attempts == 0, "\(job.state) \(job.attempts)")
        #expect(job.reason?.code == "instance-shutdown")
        #expect(job.reason?.english.contains("instance stopping shut down while running it") == true)
        #expect(try await store.plans(territoryID: "namur").isEmpty)
    }

    @Test func anInstanceRestartingQueuesItsJobsAgainOrFailsThemAfterTheMaximumOfAttemptsLeavingNoUpload() async throws
    {
        let database = try await JobDatabase.make(.sqlite)
        defer { database.remove() }
        let environment = try await database.environment(instance: "restarted")
        let store = environment.store
        let routes = JobRoutes(environment: environment)
        let again = try await routes.enqueuePlan(JobDatabase.plan(seed: 1, label: "again")).id
        let spent = try await routes.enqueuePlan(JobDatabase.plan(seed: 2, label: "spent")).id
        let provider = try await store.createUser(
            try NewUser(name: "Prestataire", role: .provider, providerID: "SIRET:00000000000000"))
        let upload = try await CatalogueImportJobHandler.enqueue(
            Data("<catalogue/>".utf8), name: "catalogue.xml", by: provider, language: .french,
            environment: environment
        ).id
        let imports: Set = [CatalogueImportJobHandler.kind]
        // `again` and `upload` have had their two attempts, `spent` one; all were running when the
        // instance stopped.
        _ = try await store.claimJob(owner: "restarted", kinds: nil)
        _ = try await store.claimJob(owner: "restarted", kinds: imports)
        _ = try await store.recoverJobs(heartbeatBefore: .distantPast, ownedBy: "restarted", maximumAttempts: 2)
        _ = try await store.claimJob(owner: "restarted", kinds: nil)
        _ = try await store.claimJob(owner: "restarted", kinds: imports)
        _ = try await store.claimJob(owner: "restarted", kinds: nil)
        #expect(try await store.job(id: again)?.attempts == 2)
        #expect(try await store.job(id: upload)?.attempts == 2)
        #expect(try await store.job(id: spent)?.attempts == 1)
        #expect(try await store.stagedUploadCount() == 1)

        let runner = JobRunner(environment: environment, logger: JobRunning.logger)
        try await runner.recover(ownedByThisInstance: true)
        let failed = try #require(try await store.job(id: again))
        #expect(failed.state == .failed && failed.reason?.code == "attempts-exhausted")
        let queued = try #require(try await store.job(id: spent))
        #expect(queued.state == .queued && queued.reason?.code == "instance-stopped")
        #expect(queued.reason?.english.contains("instance restarted stopped running it") == true)
        #expect(try await store.job(id: upload)?.state == .failed)
        // The upload failed for good leaves nothing behind.
        #expect(try await store.stagedUploadCount() == 0)
    }
}
