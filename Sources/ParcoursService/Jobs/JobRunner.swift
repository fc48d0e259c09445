import Foundation
import Logging
import ParcoursModel
import ParcoursStore
import ServiceLifecycle
import Synchronization

/// Runs the service's background jobs, as a service of the application's service group beside the HTTP
/// server: at start-up it recovers the jobs an instance left running (its own before a restart, or any
/// whose heartbeat went stale: queued again, or failed after the maximum of attempts, with the reason);
/// then ``JobSettings/workers`` workers claim queued jobs, run them with a heartbeat carrying their
/// progress, and finish or fail them. Orphaned jobs are looked for again every half ``JobSettings/staleAfter``.
///
/// On graceful shutdown (SIGINT, SIGTERM) the workers take no new job; a plan job stops at once and is
/// queued again with nothing stored (``JobQueue/releaseJob(_:owner:reason:)``), for another instance or
/// the next start, and a catalogue import finishes. A job cut short harder (kill -9) is recovered by the
/// next instance.
public struct JobRunner: Service {
    /// The queue, and where catalogue uploads wait for their job.
    let queue: any JobQueue & StagedUploadStore
    let settings: JobSettings
    let handlers: [String: any JobHandler]
    let logger: Logger
    /// The jobs this instance runs now, by id.
    private let running = RunningJobs()

    init(queue: any JobQueue & StagedUploadStore, settings: JobSettings, handlers: [any JobHandler], logger: Logger) {
        self.queue = queue
        self.settings = settings
        self.handlers = Dictionary(handlers.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })
        self.logger = logger
    }

    /// The runner of the service's jobs (plans, catalogue imports) on `environment`'s database.
    public init(environment: ServiceEnvironment, logger: Logger) {
        self.init(
            queue: environment.store, settings: environment.jobs,
            handlers: [
                PlanJobHandler(environment: environment),
                CatalogueImportJobHandler(environment: environment),
            ], logger: logger)
    }

    public func run() async throws {
        try await recover(ownedByThisInstance: true)
        await withDiscardingTaskGroup { group in
            for _ in 0..<settings.workers {
                group.addTask { await work() }
            }
            group.addTask { await sweep() }
        }
        logger.info("job runner stopped", metadata: ["instance": "\(settings.instance)"])
    }

    /// Queues again (or fails) the running jobs whose heartbeat is older than `threshold` (default:
    /// ``JobSettings/staleAfter`` ago), and with `ownedByThisInstance` those this instance ran before it
    /// restarted.
    func recover(ownedByThisInstance: Bool, heartbeatBefore threshold: Date? = nil) async throws {
        let recovered = try await queue.recoverJobs(
            heartbeatBefore: threshold ?? Date(timeIntervalSinceNow: -settings.staleAfter.seconds),
            ownedBy: ownedByThisInstance ? settings.instance : nil, maximumAttempts: settings.maximumAttempts)
        for job in recovered {
            logger.warning(
                "job recovered",
                metadata: ["job": "\(job.id)", "state": "\(job.state.rawValue)", "reason": "\(job.reason.code)"])
            // A job failed for good leaves no upload behind.
            if job.state == .failed, let failed = try await queue.job(id: job.id) {
                try await CatalogueImportJobHandler.discardStagedUpload(of: failed, store: queue, settings: settings)
            }
        }
    }

    /// One worker: claims and runs jobs until the service shuts down.
    private func work() async {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            do {
                if let job = try await queue.claimJob(owner: settings.instance, kinds: Set(handlers.keys)) {
                    await execute(job)
                    continue
                }
            } catch {
                logger.error("job queue unreachable", metadata: ["error": "\(type(of: error))"])
            }
            await pause(settings.pollInterval)
        }
    }

    /// Looks for orphaned jobs, every half ``JobSettings/staleAfter``.
    private func sweep() async {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            await pause(settings.staleAfter / 2)
            guard !Task.isShuttingDownGracefully, !Task.isCancelled else { return }
            do {
                try await recoverOrphans(now: Date())
            } catch {
                logger.error("job recovery failed", metadata: ["error": "\(type(of: error))"])
            }
        }
    }

    /// Queues again (or fails) the running jobs of other instances whose heartbeat is older than
    /// ``JobSettings/staleAfter`` at `now`. This instance's own jobs beat first, after the limit is set:
    /// however late their heartbeat task or the database's writer is (a busy machine), this instance never
    /// takes its own running jobs for orphans.
    func recoverOrphans(now: Date) async throws {
        let threshold = now.addingTimeInterval(-settings.staleAfter.seconds)
        for reporter in running.reporters { try await reporter.beat() }
        try await recover(ownedByThisInstance: false, heartbeatBefore: threshold)
    }

    /// Runs `job` with its heartbeat, then finishes or fails it.
    func execute(_ job: Job) async {
        let started = ContinuousClock.now
        let reporter = JobReporter(jobID: job.id, queue: queue, owner: settings.instance)
        running.add(reporter)
        defer { running.remove(reporter) }
        logger.info("job started", metadata: ["job": "\(job.id)", "kind": "\(job.kind)", "attempt": "\(job.attempts)"])
        // A job run again starts from nothing: the last attempt's progress goes at once.
        reporter.report(JobProgress(phase: "starting", percent: 0))
        _ = try? await reporter.beat()
        let outcome = await withTaskGroup(of: Result<Data?, any Error>?.self) { group in
            group.addTask {
                // The heartbeat, until the job ends (the group then cancels it).
                while !Task.isCancelled {
                    try? await Task.sleep(for: settings.heartbeatInterval)
                    guard !Task.isCancelled else { break }
                    do { try await reporter.beat() } catch is CancellationError {
                        break  // the job ended while its heartbeat was on its way: nothing failed
                    } catch {
                        logger.error("heartbeat failed", metadata: ["job": "\(job.id)", "error": "\(type(of: error))"])
                    }
                }
                return nil
            }
            group.addTask {
                guard let handler = handlers[job.kind] else {
                    return .failure(
                        JobFailure.refused(
                            JobReason(
                                code: "no-handler",
                                french: "cette instance ne sait pas exécuter les travaux de type \(job.kind)",
                                english: "this instance cannot run jobs of kind \(job.kind)")))
                }
                do { return .success(try await handler.run(job, reporter: reporter)) } catch { return .failure(error) }
            }
            var outcome: Result<Data?, any Error>?
            for await result in group {
                if let result {
                    outcome = result
                    group.cancelAll()
                }
            }
            return outcome!
        }
        let seconds = (ContinuousClock.now - started).seconds
        do {
            switch outcome {
            case .success(let result):
                let ended = try await queue.finishJob(job.id, owner: settings.instance, result: result)
                logger.info(
                    ended ? "job done" : "job done after another instance took it over",
                    metadata: ["job": "\(job.id)", "seconds": "\(seconds)"])
            case .failure(let error) where error is CancellationError:
                // Stopped, not failed: the instance shuts down. Stored even when this task is cancelled
                // too (an unstructured task does not inherit its cancellation).
                let instance = settings.instance
                let released = try await Task {
                    try await queue.releaseJob(job.id, owner: instance, reason: Self.shutdownReason(instance: instance))
                }.value
                logger.info(
                    released
                        ? "job queued again: the instance stops" : "job stopped after another instance took it over",
                    metadata: ["job": "\(job.id)", "seconds": "\(seconds)"])
            case .failure(JobFailure.lost):
                logger.warning("job taken over by another instance", metadata: ["job": "\(job.id)"])
            case .failure(let error):
                let reason = JobFailure.reason(for: error)
                _ = try await queue.failJob(job.id, owner: settings.instance, reason: reason)
                logger.warning(
                    "job failed",
                    metadata: ["job": "\(job.id)", "seconds": "\(seconds)", "error": "\(type(of: error))"])
            }
        } catch {
            logger.error("job end not stored", metadata: ["job": "\(job.id)", "error": "\(type(of: error))"])
        }
    }

    /// Why a job stopped by `instance`'s shutdown is queued again.
    static func shutdownReason(instance: String) -> JobReason {
        JobReason(
            code: "instance-shutdown",
            french: "l’instance \(instance) s’est arrêtée pendant l’exécution ; remis en file",
            english: "instance \(instance) shut down while running it; queued again")
    }

    /// Waits `duration`, or less when the service starts shutting down.
    private func pause(_ duration: Duration) async {
        try? await cancelWhenGracefulShutdown { try await Task.sleep(for: duration) }
    }
}

/// The reporters of the jobs an instance runs now.
private final class RunningJobs: Sendable {
    private let jobs = Mutex<[Int64: JobReporter]>([:])

    var reporters: [JobReporter] { jobs.withLock { Array($0.values) } }

    func add(_ reporter: JobReporter) { jobs.withLock { $0[reporter.jobID] = reporter } }

    func remove(_ reporter: JobReporter) { jobs.withLock { $0[reporter.jobID] = nil } }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
