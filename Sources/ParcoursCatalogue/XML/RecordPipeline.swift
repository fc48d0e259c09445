import Foundation

/// Runs a streaming read on a thread of its own while the caller handles the records it yields,
/// with at most `capacity` records in between: libxml2 parses and validates on one core while
/// the formats map and settle courses on the other, and memory stays flat whatever the file size.
///
/// Records reach `consume` in the order the reader yields them; when the reader fails, the
/// records it yielded before the failure are consumed first, then its refusal is thrown. When
/// `consume` throws, the reader is stopped, waited for, and the consumer's refusal is thrown.
final class RecordPipeline: @unchecked Sendable {
    /// A refusal handed back to the reader to stop it once the consumer has given up.
    private static let stopped = CatalogueRefusal(file: "", fr: "lecture arrêtée", en: "reading stopped")

    private let capacity: Int
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var buffer: [StreamedRecord] = []
    private var head = 0
    private var outcome: Result<[CatalogueDiagnostic], CatalogueRefusal>?
    private var isCancelled = false

    private init(capacity: Int) { self.capacity = capacity }

    /// Runs `read` on a new thread, handing each record it yields to `consume` on the calling
    /// thread; returns what `read` returns.
    static func run(
        capacity: Int = 64,
        read:
            @escaping @Sendable (_ yield: (StreamedRecord) throws(CatalogueRefusal) -> Void) throws(CatalogueRefusal)
            -> [CatalogueDiagnostic],
        consume: (StreamedRecord) throws(CatalogueRefusal) -> Void
    ) throws(CatalogueRefusal) -> [CatalogueDiagnostic] {
        let pipeline = RecordPipeline(capacity: capacity)
        let thread = Thread {
            let outcome = Result { () throws(CatalogueRefusal) in try read(pipeline.push) }
            pipeline.finish(outcome)
        }
        // The record reader recurses once per element level (bounded by the safety limits).
        thread.stackSize = 8 << 20
        thread.start()
        while true {
            switch pipeline.next() {
            case .record(let record):
                do {
                    try consume(record)
                } catch {
                    pipeline.cancelAndWait()
                    throw error
                }
            case .end(let outcome):
                return try outcome.get()
            }
        }
    }

    private enum Next {
        case record(StreamedRecord)
        case end(Result<[CatalogueDiagnostic], CatalogueRefusal>)
    }

    /// Called by the reader: waits for room, then queues the record.
    private func push(_ record: StreamedRecord) throws(CatalogueRefusal) {
        condition.lock()
        defer { condition.unlock() }
        while buffer.count - head >= capacity && !isCancelled { condition.wait() }
        if isCancelled { throw Self.stopped }
        if head > capacity {
            buffer.removeFirst(head)
            head = 0
        }
        buffer.append(record)
        condition.broadcast()
    }

    /// Called by the reader's thread when it is done.
    private func finish(_ result: Result<[CatalogueDiagnostic], CatalogueRefusal>) {
        condition.lock()
        outcome = result
        condition.broadcast()
        condition.unlock()
    }

    /// The next record, or the reader's outcome once every record has been taken.
    private func next() -> Next {
        condition.lock()
        defer { condition.unlock() }
        while head == buffer.count && outcome == nil { condition.wait() }
        if head < buffer.count {
            let record = buffer[head]
            head += 1
            condition.broadcast()
            return .record(record)
        }
        return .end(outcome!)
    }

    /// Stops the reader and waits until its thread has let go of the file and the schema.
    private func cancelAndWait() {
        condition.lock()
        isCancelled = true
        condition.broadcast()
        while outcome == nil { condition.wait() }
        condition.unlock()
    }
}
