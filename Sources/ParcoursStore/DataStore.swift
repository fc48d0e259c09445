import Foundation
import ParcoursModel

/// Where Parcours keeps what it imported: Pix exports, agent rosters, and the secret of its
/// pseudonyms. SQLite (``SQLiteStore``) is the default; a PostgreSQL store adopts the same protocol.
///
/// Every import is one transaction: it is stored whole or not at all. A file whose content was
/// imported before is not imported again (``ImportOutcome/alreadyImported(on:)``).
public protocol DataStore: Sendable {
    /// Stores export files in one transaction: for each file, the rows `produce` hands to its
    /// `add` function. Returns one outcome per file, in order.
    ///
    /// `produce` is not called for a file imported before (nor for the same content given twice).
    /// If `produce` or `add` throws, nothing of any file is stored and the error is rethrown. A
    /// campaign already stored from another file is replaced by the newer file's rows: a Pix
    /// export always holds a whole campaign.
    func importPixExports(
        _ files: [SourceFile],
        rows produce: (_ file: SourceFile, _ add: (PixRow) throws -> Void) throws -> Void
    ) throws -> [ImportOutcome]

    /// Stores the agents of a roster file. A roster is the complete list of the communes it names:
    /// agents of those communes that it no longer lists are removed; other communes are untouched.
    func importRoster(_ file: SourceFile, agents: [Agent]) throws -> ImportOutcome

    /// Every stored agent, ordered by commune then external id.
    func agents() throws -> [Agent]

    /// Every stored participation, ordered by campaign then file line.
    func participations() throws -> [PixParticipation]

    /// The files imported so far, oldest first.
    func importedFiles() throws -> [ImportedFile]

    /// The secret that keys the pseudonyms of this database's agents (created with the database).
    func pseudonymSecret() throws -> [UInt8]
}

extension DataStore {
    /// Stores one export file (see ``importPixExports(_:rows:)``).
    public func importPixExport(
        _ file: SourceFile, rows produce: (_ add: (PixRow) throws -> Void) throws -> Void
    ) throws -> ImportOutcome {
        try withoutActuallyEscaping(produce) { produce in
            try importPixExports([file]) { _, add in try produce(add) }[0]
        }
    }

    /// Stores participations as one export file (see ``importPixExports(_:rows:)`` and
    /// ``PixRow/init(_:)``).
    public func importPixExport(_ file: SourceFile, participations: [PixParticipation]) throws -> ImportOutcome {
        try importPixExport(file, rows: participations.map(PixRow.init))
    }

    /// Stores the rows of one export file (see ``importPixExports(_:rows:)``).
    public func importPixExport(_ file: SourceFile, rows: [PixRow]) throws -> ImportOutcome {
        try importPixExport(file) { add in
            for row in rows { try add(row) }
        }
    }
}
