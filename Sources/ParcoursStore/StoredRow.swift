import Foundation
import GRDB

/// A row read back from a store's database, by column name: what SQLite and PostgreSQL rows share,
/// so that one function turns a row into a model value for both stores. A NULL reads as nil.
package protocol StoredRow {
    func optionalText(_ column: String) throws -> String?
    func optionalInteger(_ column: String) throws -> Int?
    func optionalNumber(_ column: String) throws -> Double?
    func optionalFlag(_ column: String) throws -> Bool?
    func optionalDate(_ column: String) throws -> Date?
    func optionalBytes(_ column: String) throws -> Data?
}

/// Stored data that does not read as Parcours wrote it: the database was changed outside Parcours.
/// Each store reports it as a ``StoreError``.
package protocol UnreadableStoredData: Error, CustomStringConvertible {}

/// A NULL where the schema allows none.
package struct UnexpectedNull: UnreadableStoredData {
    package let column: String

    package var description: String { "column \(column) holds NULL" }
}

extension StoredRow {
    package func text(_ column: String) throws -> String { try required(optionalText(column), column) }
    package func integer(_ column: String) throws -> Int { try required(optionalInteger(column), column) }
    package func identifier(_ column: String) throws -> Int64 { Int64(try integer(column)) }
    package func number(_ column: String) throws -> Double { try required(optionalNumber(column), column) }
    package func flag(_ column: String) throws -> Bool { try required(optionalFlag(column), column) }
    package func date(_ column: String) throws -> Date { try required(optionalDate(column), column) }
    package func bytes(_ column: String) throws -> Data { try required(optionalBytes(column), column) }

    private func required<T>(_ value: T?, _ column: String) throws -> T {
        guard let value else { throw UnexpectedNull(column: column) }
        return value
    }
}

extension Row: StoredRow {
    package func optionalText(_ column: String) -> String? { self[column] }
    package func optionalInteger(_ column: String) -> Int? { self[column] }
    package func optionalNumber(_ column: String) -> Double? { self[column] }
    package func optionalFlag(_ column: String) -> Bool? { self[column] }
    package func optionalDate(_ column: String) -> Date? { self[column] }
    package func optionalBytes(_ column: String) -> Data? { self[column] }
}
