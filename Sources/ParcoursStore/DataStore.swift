import Foundation
import ParcoursModel

/// Where Parcours keeps what it imported: Pix exports, agent rosters, and the secret of its
/// pseudonyms. SQLite (``SQLiteStore``) is the default; PostgreSQL adopts the same protocols to
/// scale out.
///
/// Every import is one transaction: it is stored whole or not at all. A file whose content was
/// imported before is not imported again (``ImportOutcome/alreadyImported(on:)``).
///
/// **Why `async`.** The store serves a command line and an HTTP service built on SwiftNIO, and its
/// PostgreSQL client (PostgresNIO) is asynchronous. A synchronous facade over PostgreSQL would block
/// a thread for every round trip: on the service, a thread of Swift's cooperative pool (one per
/// core), so a few slow queries would stall every request. So every method is `async`: SQLite reads
/// and writes go through GRDB's asynchronous API (the task waits without holding a thread), and
/// PostgreSQL through PostgresNIO's. Imports keep a *synchronous* producer, because the readers
/// that feed them (Pix CSV, libxml2 catalogues) call back for each row: the store runs the producer
/// and its writes on a thread of its own (``DedicatedThread``) while the calling task waits.
public protocol DataStore: Sendable {
    /// Stores export files in one transaction: for each file, the rows `produce` hands to its
    /// `add` function. Returns one outcome per file, in order.
    ///
    /// `produce` is not called for a file imported before (nor for the same content given twice).
    /// If `produce` or `add` throws, nothing of any file is stored and the error is rethrown. A
    /// campaign already stored from another file is replaced by the newer file's rows: a Pix
    /// export always holds a whole campaign. `produce` runs on a thread of the store's while the
    /// caller waits.
    func importPixExports(
        _ files: [SourceFile],
        rows produce: (_ file: SourceFile, _ add: (PixRow) throws -> Void) throws -> Void
    ) async throws -> [ImportOutcome]

    /// Stores the agents of a roster file. A roster is the complete list of the communes it names:
    /// agents of those communes that it no longer lists are removed; other communes are untouched.
    func importRoster(_ file: SourceFile, agents: [Agent]) async throws -> ImportOutcome

    /// Every stored agent, ordered by commune then external id.
    func agents() async throws -> [Agent]

    /// Every stored participation, ordered by campaign then file line.
    func participations() async throws -> [PixParticipation]

    /// The files imported so far, oldest first.
    func importedFiles() async throws -> [ImportedFile]

    /// The secret that keys the pseudonyms of this database's agents (created with the database).
    func pseudonymSecret() async throws -> [UInt8]
}

extension DataStore {
    /// Stores one export file (see ``importPixExports(_:rows:)``).
    public func importPixExport(
        _ file: SourceFile, rows produce: (_ add: (PixRow) throws -> Void) throws -> Void
    ) async throws -> ImportOutcome {
        try await withoutActuallyEscaping(produce) { produce in
            try await importPixExports([file]) { _, add in try produce(add) }[0]
        }
    }

    /// Stores participations as one export file (see ``importPixExports(_:rows:)`` and
    /// ``PixRow/init(_:)``).
    public func importPixExport(_ file: SourceFile, participations: [PixParticipation]) async throws
        -> ImportOutcome
    {
        try await importPixExport(file, rows: participations.map(PixRow.init))
    }

    /// Stores the rows of one export file (see ``importPixExports(_:rows:)``).
    public func importPixExport(_ file: SourceFile, rows: [PixRow]) async throws -> ImportOutcome {
        try await importPixExport(file) { add in
            for row in rows { try add(row) }
        }
    }
}
