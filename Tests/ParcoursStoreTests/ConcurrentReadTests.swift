import Foundation
import GRDB
import ParcoursModel
import Testing

@testable import ParcoursStore

/// Reads while an import holds the write transaction: a service answers its pages and job states
/// during a long import, on the last committed state.
@Suite struct ConcurrentReadTests {
    /// Tells the import's producer (on the store's own thread) that the read is done.
    private final class Signal: @unchecked Sendable {
        let semaphore = DispatchSemaphore(value: 0)
    }

    @Test(arguments: Backend.available)
    func aReadAnswersWhileAnImportHoldsTheWriteTransaction(backend: Backend) async throws {
        let database = backend.newDatabase()
        defer { database.remove() }
        let store = try await database.open()
        let readDone = Signal()
        let readerStarted = Signal()
        let import_ = Task {
            try await store.importPixExport(SourceFile(name: "a.csv", contentHash: "h1")) { add in
                try add(StoreTests.profileRow("00042", level: 2, line: 2))
                readerStarted.semaphore.signal()
                // The transaction is open and has written: the read must not wait for it. A store whose
                // reads wait for the writer would keep this producer waiting until the timeout.
                let answered = readDone.semaphore.wait(timeout: .now() + 60) == .success
                if !answered { throw ReadWaited() }
                try add(StoreTests.profileRow("00043", level: 1, line: 3))
            }
        }
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                readerStarted.semaphore.wait()
                continuation.resume()
            }
        }
        let filesDuringImport = try await store.importedFiles()
        let participationsDuringImport = try await store.participations()
        readDone.semaphore.signal()
        #expect(try await import_.value == .imported(rows: 2))
        #expect(filesDuringImport.isEmpty && participationsDuringImport.isEmpty)
        #expect(try await store.participations().count == 2)
    }

    @Test func aFileDatabaseIsInWALMode() async throws {
        let database = Backend.sqlite.newDatabase()
        defer { database.remove() }
        _ = try await database.open()
        let mode = try await DatabaseQueue(path: database.location).read { db in
            try String.fetchOne(db, sql: "PRAGMA journal_mode")
        }
        #expect(mode == "wal")
    }

    struct ReadWaited: Error {}
}
