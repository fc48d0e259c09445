import Foundation
import ParcoursImport
import ParcoursStore
import ParcoursWorkflow

extension GlobalOptions {
    /// Opens the database of `--database` (an SQLite file, or a `postgres://` URL), creating and
    /// migrating it when needed, or exits with the problem on stderr.
    func openStore() async throws -> any ParcoursDatabase {
        try await reportingFailures { try await StoreOpening.open(database) }
    }

    /// Whether `--database` names a database that may hold data: a PostgreSQL server, or an SQLite
    /// file that exists (a command that only reads creates none).
    var databaseExists: Bool {
        guard case .sqlite(let path) = try? DatabaseLocation(database) else { return true }
        return FileManager.default.fileExists(atPath: path)
    }

    /// The database of `--database` as people may see it: a PostgreSQL URL without its password.
    var databaseName: String { (try? DatabaseLocation(database))?.description ?? database }

    /// The database of `--database` as one location whatever the working folder: an SQLite file's
    /// absolute path, or the PostgreSQL URL as given.
    var databaseIdentity: String {
        guard case .sqlite(let path) = try? DatabaseLocation(database) else { return database }
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// Runs `body`, turning import problems, database errors and file-system errors (a folder that
    /// cannot be created, a file that cannot be written) into a ``CommandFailure``: one line per
    /// problem on stderr, in the chosen language, and nothing on stdout.
    func reportingFailures<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw commandFailure(for: error)
        }
    }

    /// Runs `body` (asynchronous: the store's calls), reporting failures as the synchronous form does.
    func reportingFailures<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw commandFailure(for: error)
        }
    }

    private func commandFailure(for error: any Error) -> any Error {
        switch error {
        case let failure as ImportFailure: CommandFailure(lines: failure.lines(in: language))
        case let error as OlderExportError: CommandFailure(lines: [error.message(in: language)])
        case let error as StoreError: CommandFailure(lines: [error.description])
        case let error as PlanMakingError: CommandFailure(lines: [error.message(in: language)])
        case let error as CocoaError: CommandFailure(lines: [error.localizedDescription])
        default: error
        }
    }
}
