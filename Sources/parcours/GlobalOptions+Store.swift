import Foundation
import ParcoursImport
import ParcoursStore

extension GlobalOptions {
    /// Opens the database of `--database`, creating and migrating it when needed, or exits with
    /// the problem on stderr.
    func openStore() throws -> SQLiteStore {
        do {
            return try SQLiteStore(path: database)
        } catch let error as OlderExportError {
            throw CommandFailure(lines: [error.message(in: language)])
        } catch let error as StoreError {
            throw CommandFailure(lines: [error.description])
        } catch let error as CocoaError {
            throw CommandFailure(lines: [error.localizedDescription])
        }
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
        case let error as CocoaError: CommandFailure(lines: [error.localizedDescription])
        default: error
        }
    }
}
