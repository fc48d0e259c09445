#if PostgreSQL
    import Foundation
    import Logging
    import ParcoursModel
    import ParcoursStore
    import PostgresNIO

    /// The store on a PostgreSQL server, for several service instances sharing one database: the same
    /// protocols and behaviour as ``SQLiteStore`` (the same tests run against both), the schema created
    /// and migrated when opened (``PostgresSchema``), imports copied in bulk (`COPY … FROM STDIN`) inside
    /// one transaction.
    ///
    /// The connection pool runs as long as the store: it ends when the last reference to the store goes.
    public final class PostgresStore: Sendable {
        public let location: PostgresLocation
        let client: PostgresClient
        let logger: Logger
        private let pool: Task<Void, Never>

        /// Connects to the database at `location` and applies every pending migration. `logger` receives
        /// the client's own messages (connections, never query values); by default nothing is logged.
        public init(
            location: PostgresLocation,
            logger: Logger = Logger(label: "parcours.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        ) async throws {
            self.location = location
            self.logger = logger
            let client = PostgresClient(configuration: location.configuration, backgroundLogger: logger)
            self.client = client
            pool = Task { await client.run() }
            // Migrations on a connection of their own: a server that cannot be reached says why at once
            // (the pool would retry for a minute).
            do {
                let connection = try await PostgresConnection.connect(
                    configuration: try location.connectionConfiguration, id: 0, logger: logger)
                do {
                    try await PostgresSchema.migrate(on: connection, location: location, logger: logger)
                    try await connection.close()
                } catch {
                    try? await connection.close()
                    throw error
                }
            } catch {
                pool.cancel()
                throw StoreError(
                    location: location.description, message: "cannot open the database (\(Self.describe(error)))")
            }
        }

        deinit { pool.cancel() }

        /// Runs `body` in one transaction, committed when it returns and rolled back when it throws;
        /// database errors become ``StoreError``s, other errors pass through unchanged.
        func transaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
            do {
                return try await client.withConnection { connection in
                    try await Self.inTransaction(on: connection, logger: logger) { connection in
                        do {
                            return try await body(connection)
                        } catch {
                            throw BodyFailure(error: error)
                        }
                    }
                }
            } catch let failure as BodyFailure {
                throw storeError(failure.error)
            } catch {
                // The pool, the connection, BEGIN or COMMIT.
                throw StoreError(location: location.description, message: Self.describe(error))
            }
        }

        /// Runs `body` between BEGIN and COMMIT on `connection`, or ROLLBACK when it throws.
        nonisolated(nonsending) static func inTransaction<T: Sendable>(
            on connection: PostgresConnection, logger: Logger, _ body: (PostgresConnection) async throws -> T
        ) async throws -> T {
            try await connection.query("BEGIN", logger: logger)
            do {
                let value = try await body(connection)
                try await connection.query("COMMIT", logger: logger)
                return value
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }

        /// An error of the work done inside a transaction, told apart from the database's own.
        private struct BodyFailure: Error {
            let error: any Error
        }

        /// Runs an import's synchronous `body` on a thread of its own (``DedicatedThread``) inside one
        /// transaction, `body` reaching the connection through a ``ConnectionBridge``.
        func importing<T: Sendable>(_ body: (ConnectionBridge) throws -> T) async throws -> T {
            try await transaction { connection in
                let bridge = ConnectionBridge()
                async let served: Void = bridge.serve(on: connection)
                let outcome: Result<T, any Error>
                do {
                    outcome = .success(
                        try await DedicatedThread.run {
                            defer { bridge.finish() }
                            return try body(bridge)
                        })
                } catch {
                    outcome = .failure(error)
                }
                await served
                if case .success = outcome, let failure = bridge.firstFailure { throw failure }
                return try outcome.get()
            }
        }

        /// The rows of `query`, each read by `row`.
        func rows<T>(_ query: PostgresQuery, _ row: (PostgresStoredRow) throws -> T) async throws -> [T] {
            do {
                var values: [T] = []
                for try await found in try await client.query(query, logger: logger) {
                    values.append(try row(PostgresStoredRow(found.makeRandomAccess())))
                }
                return values
            } catch let error as StoreError {
                throw error
            } catch {
                throw StoreError(location: location.description, message: Self.describe(error))
            }
        }

        /// The error to report for `error`: a ``StoreError`` naming the database (without its password)
        /// for a database error, `error` itself otherwise.
        func storeError(_ error: any Error) -> any Error {
            switch error {
            case is PSQLError: StoreError(location: location.description, message: Self.describe(error))
            case let error as any UnreadableStoredData:
                StoreError(location: location.description, message: error.description)
            default: error
            }
        }

        /// The server's message, without its detail (which may quote the values of a row).
        static func describe(_ error: any Error) -> String {
            switch error {
            case let error as PSQLError:
                if let message = error.serverInfo?[.message] { return message }
                return error.underlying.map { "\(error.code): \($0)" } ?? "\(error.code)"
            case let error as any UnreadableStoredData:
                return error.description
            default:
                return "cannot reach the server (\(error))"
            }
        }
    }
#endif
