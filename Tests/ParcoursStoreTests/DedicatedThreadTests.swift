import Foundation
import ParcoursStore
import Testing

/// Blocking work on a thread of its own, within the calling task: it holds no thread of Swift's
/// cooperative pool, and it sees the task's cancellation (a long solve stops when its job is stopped).
@Suite struct DedicatedThreadTests {
    @Test func moreBlockingWorkThanCoresRunsAtOnce() async throws {
        // On the cooperative pool (one thread per core) they could not all wait at the barrier together.
        let count = ProcessInfo.processInfo.activeProcessorCount + 2
        let barrier = Barrier(count: count)
        let arrived = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<count { group.addTask { try await DedicatedThread.run { barrier.arriveAndWait() } } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(arrived == Array(repeating: true, count: count))
    }

    @Test func theWorkSeesItsTasksCancellation() async throws {
        let seen = try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask { try await DedicatedThread.run { Task.isCancelled } }
            let running = try await group.next()!
            group.cancelAll()
            group.addTask { try await DedicatedThread.run { Task.isCancelled } }
            return [running, try await group.next()!]
        }
        #expect(seen == [false, true])
    }
}

/// Threads waiting until `count` of them arrived (or a minute passed: then false).
private final class Barrier: @unchecked Sendable {
    private let condition = NSCondition()
    private var arrived = 0
    private let count: Int

    init(count: Int) { self.count = count }

    func arriveAndWait() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        arrived += 1
        condition.broadcast()
        let deadline = Date(timeIntervalSinceNow: 60)
        while arrived < count {
            guard condition.wait(until: deadline) else { return false }
        }
        return true
    }
}
