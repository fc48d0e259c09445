import Foundation
import ParcoursConfig
import ParcoursImport
import ParcoursModel
import ParcoursStore

/// Imports an agent roster into a store in one transaction; shared by `import roster` and `demo`.
enum RosterImport {
    /// Reads and stores the roster at `path`. Throws ``ImportFailure`` (every problem of the file)
    /// or ``StoreError``; then nothing is stored.
    static func run(path: String, into store: some DataStore, configuration: Configuration) async throws
        -> ImportOutcome
    {
        let source = try SourceFile.reading(path)
        let agents = try RosterReader.read(path: path, vocabulary: RosterVocabulary(configuration: configuration))
        return try await store.importRoster(source, agents: agents)
    }
}
