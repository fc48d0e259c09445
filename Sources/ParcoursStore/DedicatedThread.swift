import Foundation

/// Runs synchronous, blocking work on a thread of its own while the calling task waits without
/// holding a thread: an import's producer (a parser calling back for each row) and its writes block
/// for seconds, which would starve Swift's cooperative pool (one thread per core) and every request
/// a service answers meanwhile.
package enum DedicatedThread {
    /// The result of `work`, run on a new thread. `work` need not escape nor be `Sendable`: the
    /// caller is suspended until it returns, so nothing else touches what it captures meanwhile.
    package static func run<T: Sendable>(_ work: () throws -> T) async throws -> T {
        try await withoutActuallyEscaping(work) { escapable in
            try await run(handingOver: Handover(escapable))
        }
    }

    private static func run<T: Sendable>(handingOver handover: Handover<() throws -> T>) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                // The closure is released before the caller resumes: `withoutActuallyEscaping`
                // checks, when `run` returns, that nothing kept it.
                let result = Result { () throws -> T in try handover.take()() }
                continuation.resume(with: result)
            }
            thread.name = "parcours-store"
            thread.start()
        }
    }
}

/// Hands a value to exactly one other thread, once; the caller waits for that thread meanwhile.
private final class Handover<Value>: @unchecked Sendable {
    private var value: Value?

    init(_ value: Value) { self.value = value }

    func take() -> Value {
        defer { value = nil }
        return value!
    }
}
