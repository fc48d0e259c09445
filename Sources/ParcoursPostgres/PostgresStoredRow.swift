#if PostgreSQL
    import Foundation
    import ParcoursStore
    import PostgresNIO

    /// A PostgreSQL row read by column name as both stores read rows (``StoredRow``). Unquoted names are
    /// lower case in PostgreSQL: `communeCode` is the column `communecode`.
    struct PostgresStoredRow: StoredRow {
        let row: PostgresRandomAccessRow

        init(_ row: PostgresRandomAccessRow) { self.row = row }

        private func value<T: PostgresDecodable>(_ column: String, as type: T.Type) throws -> T? {
            let name = column.lowercased()
            guard row.contains(name) else {
                throw StoredRowError(column: column, problem: "is not in the query's result")
            }
            do {
                let cell = row[name]
                return cell.bytes == nil ? nil : try cell.decode(T.self)
            } catch {
                // The decoding error quotes the value: it is not repeated.
                throw StoredRowError(column: column, problem: "does not hold a \(T.self)")
            }
        }

        func optionalText(_ column: String) throws -> String? { try value(column, as: String.self) }
        func optionalInteger(_ column: String) throws -> Int? { try value(column, as: Int.self) }
        func optionalNumber(_ column: String) throws -> Double? { try value(column, as: Double.self) }
        func optionalFlag(_ column: String) throws -> Bool? { try value(column, as: Bool.self) }
        func optionalDate(_ column: String) throws -> Date? { try value(column, as: Date.self) }
        func optionalBytes(_ column: String) throws -> Data? { try value(column, as: Data.self) }
    }

    /// A column missing from a query's result, or holding another type than Parcours wrote.
    struct StoredRowError: UnreadableStoredData {
        let column: String
        let problem: String

        var description: String { "column \(column) \(problem)" }
    }
#endif
