import Foundation
import GRDB

/// A value to write into a column, whichever the database: the stores' writers turn model values
/// into rows of these once (``AgentColumns``, ``CatalogueColumns``), and each database binds them its
/// own way.
package enum ColumnValue: Hashable, Sendable {
    case text(String)
    case integer(Int64)
    case number(Double)
    case flag(Bool)
    /// JSON text, for a JSON column (TEXT in SQLite, jsonb in PostgreSQL).
    case json(String)
    case null

    package init(_ text: String?) { self = text.map(ColumnValue.text) ?? .null }
    package init(_ integer: Int?) { self = integer.map { .integer(Int64($0)) } ?? .null }
    package init(_ number: Double?) { self = number.map(ColumnValue.number) ?? .null }
    package init(_ flag: Bool) { self = .flag(flag) }

    /// The value as SQLite stores it.
    var databaseValue: DatabaseValue {
        switch self {
        case .text(let text), .json(let text): text.databaseValue
        case .integer(let integer): integer.databaseValue
        case .number(let number): number.databaseValue
        case .flag(let flag): flag.databaseValue
        case .null: .null
        }
    }
}

extension StatementArguments {
    init(_ values: [ColumnValue]) {
        self.init(values.map(\.databaseValue))
    }
}
