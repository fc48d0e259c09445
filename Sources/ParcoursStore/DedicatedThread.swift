import Foundation

/// Runs synchronous, blocking work on a thread of its own while the calling task waits without
/// holding a thread: an import's producer (a parser calling back for each row) and its writes block
/// for seconds, and so does a plan's solve, which would starve Swift's cooperative pool (one thread per
/// core) and every request a service answers meanwhile.
package enum DedicatedThread {
    /// The result of `work`, run on a new thread within the calling task: `work` sees the task's
    /// cancellation (`Task.isCancelled`: a long solve stops when its job is stopped) and its task-local
    /// values. `work` need not escape nor be `Sendable`: the task runs nothing else meanwhile.
    package static func run<T: Sendable>(_ work: () throws -> T) async throws -> T {
        // This function is nonisolated: it holds no actor while the work runs.
        try await withTaskExecutorPreference(NewThreadExecutor.shared) { try work() }
    }
}

/// A task executor that runs each job it is given on a new thread: the jobs of a task preferring it
/// (``DedicatedThread/run(_:)``) may block as long as they need.
private final class NewThreadExecutor: TaskExecutor {
    static let shared = NewThreadExecutor()

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let thread = Thread { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
        thread.name = "parcours-thread"
        thread.start()
    }
}
