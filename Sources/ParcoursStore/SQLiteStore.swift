import Foundation
import GRDB
import ParcoursModel

/// The default ``DataStore``: one SQLite file, created and migrated when opened.
///
/// A file is opened in WAL mode through a pool of connections (its `-wal` and `-shm` files lie beside
/// it): reads run at once on a connection of their own, on the last committed state, while one write
/// transaction at a time (an import may hold one for seconds) runs on the writer. Every write is one
/// transaction, begun IMMEDIATE: all or nothing, and never two at once, even from two processes.
public struct SQLiteStore: DataStore {
    private let database: any DatabaseWriter
    let location: String

    /// Opens the database at `path`, creating its folder and file and applying every pending
    /// migration. `":memory:"` opens a private in-memory database (one serial connection).
    public init(path: String) throws {
        location = path
        do {
            if path == ":memory:" {
                database = try DatabaseQueue()
            } else {
                let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                var configuration = Configuration()
                configuration.foreignKeysEnabled = true
                // Another process writing (a second service instance on the same file): wait for it.
                configuration.busyMode = .timeout(10)
                database = try DatabasePool(path: path, configuration: configuration)
            }
            try Schema.migrator.migrate(database)
        } catch {
            throw StoreError(location: path, message: "cannot open the database (\(Self.describe(error)))")
        }
    }

    public func importPixExports(
        _ files: [SourceFile],
        rows produce: (_ file: SourceFile, _ add: (PixRow) throws -> Void) throws -> Void
    ) async throws -> [ImportOutcome] {
        try await importing { db in
            try files.map { file in
                if let date = try previousImport(of: file, in: db) { return .alreadyImported(on: date) }
                let fileID = try insert(file, kind: .pixExport, in: db)
                let writer = try ParticipationWriter(db: db, fileID: fileID, fileName: file.name)
                try produce(file) { try writer.add($0) }
                try writer.finish()
                try setRowCount(writer.count, ofFile: fileID, in: db)
                return .imported(rows: writer.count)
            }
        }
    }

    public func importRoster(_ file: SourceFile, agents: [Agent]) async throws -> ImportOutcome {
        try await importing { db in
            if let date = try previousImport(of: file, in: db) { return .alreadyImported(on: date) }
            let fileID = try insert(file, kind: .roster, in: db)
            for commune in Set(agents.map(\.communeCode)) {
                try db.execute(sql: "DELETE FROM agent WHERE communeCode = ?", arguments: [commune])
            }
            let statement = try db.makeStatement(sql: Self.insertSQL(into: "agent", columns: AgentColumns.names))
            for agent in agents {
                try statement.execute(arguments: StatementArguments(AgentColumns.values(agent, fileID: fileID)))
            }
            try setRowCount(agents.count, ofFile: fileID, in: db)
            return .imported(rows: agents.count)
        }
    }

    public func agents() async throws -> [Agent] {
        try await reading { db in
            try Row.fetchAll(db, sql: "SELECT * FROM agent ORDER BY communeCode, externalID").map {
                try AgentColumns.agent($0)
            }
        }
    }

    public func participations() async throws -> [PixParticipation] {
        try await reading { db in try ParticipationReader.all(in: db) }
    }

    public func importedFiles() async throws -> [ImportedFile] {
        try await reading { db in
            try Row.fetchAll(db, sql: "SELECT * FROM importedFile ORDER BY id").map {
                try StoredValues.importedFile($0)
            }
        }
    }

    public func pseudonymSecret() async throws -> [UInt8] {
        try await reading { db in
            let data = try Data.fetchOne(
                db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [SettingKey.pseudonymSecret])
            return data.map { Array($0) } ?? []
        }
    }

    // MARK: - Helpers (shared with the catalogue import, SQLiteStore+Catalogues.swift)

    func previousImport(of file: SourceFile, in db: Database) throws -> Date? {
        try Date.fetchOne(
            db, sql: "SELECT importedAt FROM importedFile WHERE contentHash = ?", arguments: [file.contentHash])
    }

    func insert(_ file: SourceFile, kind: ImportKind, in db: Database) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO importedFile (name, contentHash, kind, importedAt, rowCount) VALUES (?, ?, ?, ?, 0)",
            arguments: [file.name, file.contentHash, kind.rawValue, Date()])
        return db.lastInsertedRowID
    }

    /// `INSERT INTO table (columns…) VALUES (?, …)`.
    static func insertSQL(into table: String, columns: [String]) -> String {
        "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
    }

    func setRowCount(_ count: Int, ofFile fileID: Int64, in db: Database) throws {
        try db.execute(sql: "UPDATE importedFile SET rowCount = ? WHERE id = ?", arguments: [count, fileID])
    }

    /// Runs `body` in one transaction on a thread of its own (``DedicatedThread``: an import's
    /// producer blocks while it reads its file); database errors become ``StoreError``s, other
    /// errors (those of the rows' producer) pass through unchanged. Either way nothing is kept.
    func importing<T: Sendable>(_ body: (Database) throws -> T) async throws -> T {
        try await DedicatedThread.run {
            do {
                return try database.write(body)
            } catch let error as DatabaseError {
                throw StoreError(location: location, message: Self.describe(error))
            } catch let error as any UnreadableStoredData {
                throw StoreError(location: location, message: error.description)
            }
        }
    }

    /// Runs `body` in one transaction, the task waiting without holding a thread.
    func writing<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await database.write(body)
        } catch let error as DatabaseError {
            throw StoreError(location: location, message: Self.describe(error))
        } catch let error as any UnreadableStoredData {
            throw StoreError(location: location, message: error.description)
        }
    }

    /// Runs `body` outside of any transaction (it opens its own), the task waiting without holding a thread.
    func writingWithoutTransaction<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await database.writeWithoutTransaction(body)
        } catch let error as DatabaseError {
            throw StoreError(location: location, message: Self.describe(error))
        } catch let error as any UnreadableStoredData {
            throw StoreError(location: location, message: error.description)
        }
    }

    func reading<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await database.read(body)
        } catch let error as DatabaseError {
            throw StoreError(location: location, message: Self.describe(error))
        } catch let error as any UnreadableStoredData {
            throw StoreError(location: location, message: error.description)
        }
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return error.localizedDescription
    }
}
