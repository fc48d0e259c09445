import Synchronization
import Testing

@testable import ParcoursCatalogue

/// The reader thread and the caller of ``RecordPipeline``: order, back-pressure, failures on
/// either side.
@Suite struct RecordPipelineTests {
    private static func record(_ number: Int) -> StreamedRecord {
        StreamedRecord(
            element: XMLRecord(name: "formation", text: "\(number)", line: number), ancestors: ["lheo", "offres"],
            isCourse: true, containerSerial: 1, diagnostics: [])
    }

    private static let outside = [CatalogueDiagnostic(severity: .warning, line: 1, fr: "hors", en: "outside")]

    @Test func everyRecordArrivesInOrderThenTheReadersResult() throws {
        var seen: [Int] = []
        let result = try RecordPipeline.run(
            capacity: 4,
            read: { (yield) throws(CatalogueRefusal) in
                for number in 1...1_000 { try yield(Self.record(number)) }
                return Self.outside
            },
            consume: { record in seen.append(record.element.line) })
        #expect(seen == Array(1...1_000))
        #expect(result == Self.outside)
    }

    @Test func aReaderFailureComesAfterTheRecordsItYielded() {
        var seen: [Int] = []
        let failure = CatalogueRefusal(file: "f.xml", line: 8, fr: "mal formé", en: "not well-formed")
        #expect(throws: failure) {
            try RecordPipeline.run(
                capacity: 2,
                read: { (yield) throws(CatalogueRefusal) in
                    for number in 1...7 { try yield(Self.record(number)) }
                    throw failure
                },
                consume: { record in seen.append(record.element.line) })
        }
        #expect(seen == Array(1...7))
    }

    @Test func aConsumerFailureStopsTheReaderBeforeItReturns() {
        let yielded = Atomic(0)
        let readerStopped = Atomic(false)
        let failure = CatalogueRefusal(file: "f.xml", fr: "refusé", en: "refused")
        #expect(throws: failure) {
            try RecordPipeline.run(
                capacity: 3,
                read: { (yield) throws(CatalogueRefusal) in
                    do throws(CatalogueRefusal) {
                        for number in 1...100_000 {
                            try yield(Self.record(number))
                            yielded.add(1, ordering: .relaxed)
                        }
                    } catch {
                        readerStopped.store(true, ordering: .relaxed)
                        throw error
                    }
                    return []
                },
                consume: { (record) throws(CatalogueRefusal) in
                    if record.element.line == 5 { throw failure }
                })
        }
        // The reader was waited for: it has given up by the time `run` returns, having queued at
        // most the records consumed plus the buffer's capacity.
        let stopped = readerStopped.load(ordering: .relaxed)
        let queued = yielded.load(ordering: .relaxed)
        #expect(stopped)
        #expect(queued <= 5 + 3)
    }
}
