import ParcoursCatalogue
import ParcoursStore

/// Stores provider catalogues as `parcours import catalogue FILE` does without options; for the demo,
/// the service and the tests.
public enum CatalogueImport {
    /// Reads and stores the catalogue at `path` in one transaction: courses in error are left out and
    /// listed in the summary; a refused file stores nothing and throws its ``CatalogueRefusal``. The
    /// summary is nil when the same content was imported before (the file is not read again).
    public static func run(
        path: String, into store: some CatalogueStore, reader: CatalogueReader
    ) async throws -> (outcome: ImportOutcome, summary: CatalogueSummary?) {
        var summary: CatalogueSummary?
        let outcome = try await store.importCatalogue(try SourceFile(path: path)) { add in
            let read = try reader.read(path: path) { course, provider in try add(course, provider) }
            summary = read
            return read.format.rawValue
        }
        return (outcome, summary)
    }
}
