import Dispatch
import Foundation

/// Independent work over `0..<count` cut into contiguous ranges run on parallel threads: for passes of the
/// bound whose items (options, sessions) read shared prices and write only their own results.
enum ParallelRanges {
    /// How many ranges to cut `items` into: one per processor (up to 8), each of at least `minimumPerPart`
    /// items (below that, starting a thread costs more than it saves).
    static func parts(items: Int, minimumPerPart: Int) -> Int {
        max(1, min(8, ProcessInfo.processInfo.activeProcessorCount, items / max(1, minimumPerPart)))
    }

    /// `transform` of each range of `0..<count` cut into `parts` nearly equal ranges, computed on parallel
    /// threads when there are several, in range order.
    static func map<Result: Sendable>(count: Int, parts: Int, _ transform: @Sendable (Range<Int>) -> Result)
        -> [Result]
    {
        let parts = max(1, min(parts, count))
        var results = [Result?](repeating: nil, count: parts)
        results.withUnsafeMutableBufferPointer { buffer in
            let output = DisjointWrites(buffer: buffer)
            ParallelRanges.forEach(count: parts, parts: parts) { indices in
                for part in indices { output[part] = transform(count * part / parts..<count * (part + 1) / parts) }
            }
        }
        return results.map { $0! }
    }

    /// Calls `body` once per range of `0..<count` cut into `parts` nearly equal ranges, on parallel threads
    /// when there are several, and returns once every range has run. Which thread runs a range does not
    /// change what it computes, so results are the same whatever the machine's load.
    static func forEach(count: Int, parts: Int, _ body: @Sendable (Range<Int>) -> Void) {
        let parts = max(1, min(parts, count))
        guard parts > 1 else {
            body(0..<count)
            return
        }
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            body(count * part / parts..<count * (part + 1) / parts)
        }
    }
}

/// A buffer that parallel workers write at disjoint indices, each index by one worker only (what the
/// ranges of ``ParallelRanges`` guarantee); the owner reads it once they have all returned.
struct DisjointWrites<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>

    subscript(index: Int) -> Element {
        get { buffer[index] }
        nonmutating set { buffer[index] = newValue }
    }
}
