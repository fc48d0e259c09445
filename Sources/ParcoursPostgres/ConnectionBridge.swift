#if PostgreSQL
    import Foundation
    import PostgresNIO
    import Synchronization

    /// Lets an import's synchronous producer, on its own thread (``DedicatedThread``), use the import's
    /// connection, whose API is asynchronous: the producer hands work over and the importing task runs it
    /// on the connection in the order given (``serve(on:)``).
    ///
    /// ``perform(_:)`` waits for the work's result (a campaign's row id); ``submit(_:)`` does not (a batch
    /// of rows to copy) unless several batches are already waiting, so that reading the file and writing
    /// the rows overlap without holding the whole file in memory. Once some work fails, every later call
    /// throws that error, and the import ends.
    final class ConnectionBridge: Sendable {
        private struct Job: Sendable {
            let work: @Sendable (PostgresConnection) async throws -> Void
            let completed: @Sendable ((any Error)?) -> Void
        }

        private let jobs: AsyncStream<Job>
        private let queue: AsyncStream<Job>.Continuation
        private let waitingBatches: DispatchSemaphore
        private let failure = Mutex<(any Error)?>(nil)

        /// At most `maximumWaitingBatches` submitted batches wait for the connection at a time.
        init(maximumWaitingBatches: Int = 4) {
            (jobs, queue) = AsyncStream.makeStream(of: Job.self)
            waitingBatches = DispatchSemaphore(value: maximumWaitingBatches)
        }

        /// The first error of the work handed over, if any.
        var firstFailure: (any Error)? { failure.withLock { $0 } }

        /// Runs `work` on the connection and returns its result; for the producer's thread only (it blocks).
        func perform<T: Sendable>(_ work: @escaping @Sendable (PostgresConnection) async throws -> T) throws -> T {
            if let error = firstFailure { throw error }
            let outcome = Outcome<T>()
            queue.yield(
                Job(
                    work: { connection in outcome.value = try await work(connection) },
                    completed: { error in
                        outcome.error = error
                        outcome.done.signal()
                    }))
            outcome.done.wait()
            if let error = outcome.error { throw error }
            return outcome.value!
        }

        /// Hands `work` over without waiting for it, unless as many batches as allowed already wait; for
        /// the producer's thread only.
        func submit(_ work: @escaping @Sendable (PostgresConnection) async throws -> Void) throws {
            if let error = firstFailure { throw error }
            waitingBatches.wait()
            queue.yield(Job(work: work, completed: { [waitingBatches] _ in waitingBatches.signal() }))
        }

        /// Says that the producer is done: ``serve(on:)`` returns once the work handed over is run.
        func finish() { queue.finish() }

        /// Runs the work handed over, in order, until ``finish()``; after a failure, the remaining work
        /// is not run and fails with the same error.
        func serve(on connection: PostgresConnection) async {
            for await job in jobs {
                if let error = firstFailure {
                    job.completed(error)
                    continue
                }
                do {
                    try await job.work(connection)
                    job.completed(nil)
                } catch {
                    failure.withLock { $0 = $0 ?? error }
                    job.completed(error)
                }
            }
        }
    }

    /// The result of work run for a waiting thread: written by the serving task before `done` is
    /// signalled, read by the waiting thread after.
    private final class Outcome<T>: @unchecked Sendable {
        var value: T?
        var error: (any Error)?
        let done = DispatchSemaphore(value: 0)
    }
#endif
