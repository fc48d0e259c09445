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
        } catch let failure as ImportFailure {
            throw CommandFailure(lines: failure.lines(in: language))
        } catch let error as OlderExportError {
            throw CommandFailure(lines: [error.message(in: language)])
        } catch let error as StoreError {
            throw CommandFailure(lines: [error.description])
        } catch let error as CocoaError {
            throw CommandFailure(lines: [error.localizedDescription])
        }
    }
}
