import Foundation
import GRDB
import GRDBSQLite

/// A prepared statement run many times through SQLite's C interface: for a million rows, building
/// GRDB argument arrays (one boxed value per column) costs more than SQLite's insert itself. Use it
/// inside a write transaction of the statement's database, with no transaction observer.
struct SQLiteInsert {
    private let statement: Statement
    private let db: Database
    /// SQLite copies the bytes bound (`SQLITE_TRANSIENT`).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ sql: String, in db: Database) throws {
        statement = try db.makeStatement(sql: sql)
        self.db = db
    }

    func bind(_ index: Int32, _ value: Int) {
        sqlite3_bind_int64(statement.sqliteStatement, index, Int64(value))
    }

    func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(statement.sqliteStatement, index, value)
    }

    func bind(_ index: Int32, _ text: String?) {
        guard var text else {
            sqlite3_bind_null(statement.sqliteStatement, index)
            return
        }
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { bind(index, characters: $0) }
        }
    }

    private func bind(_ index: Int32, characters: UnsafeBufferPointer<CChar>) {
        if let base = characters.baseAddress {
            sqlite3_bind_text(statement.sqliteStatement, index, base, Int32(characters.count), Self.transient)
        } else {
            sqlite3_bind_text(statement.sqliteStatement, index, "", 0, Self.transient)
        }
    }

    /// Binds UTF-8 text.
    func bind(_ index: Int32, utf8 bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { bind(index, characters: $0) }
        }
    }

    func bindNull(_ index: Int32) {
        sqlite3_bind_null(statement.sqliteStatement, index)
    }

    /// Binds `values` to the parameters 1, 2… in order, as GRDB would store them (a flag as 0 or 1).
    func bind(_ values: [ColumnValue]) {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case .text(let text), .json(let text): bind(index, text)
            case .integer(let integer): bind(index, integer)
            case .number(let number): sqlite3_bind_double(statement.sqliteStatement, index, number)
            case .flag(let flag): bind(index, flag ? 1 : 0)
            case .null: bindNull(index)
            }
        }
    }

    /// Runs the statement with the values bound, then makes it ready for the next ones.
    func run() throws {
        let code = sqlite3_step(statement.sqliteStatement)
        sqlite3_reset(statement.sqliteStatement)
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code),
                message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
        }
    }
}
