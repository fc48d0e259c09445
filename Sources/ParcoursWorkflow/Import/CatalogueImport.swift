import ParcoursCatalogue
import ParcoursModel
import ParcoursStore

/// Stores provider catalogues as `parcours import catalogue FILE` does without options; for the demo,
/// the service and the tests.
public enum CatalogueImport {
    /// Reads and stores the catalogue at `path` in one transaction: courses in error are left out and
    /// listed in the summary; a refused file stores nothing and throws its ``CatalogueRefusal``. The
    /// summary is nil when the same content was imported before (the file is not read again).
    /// `checkProvider` sees each course's provider before it is stored: what it throws refuses the
    /// whole file (the service refuses a provider's upload that names another provider).
    public static func run(
        path: String, into store: some CatalogueStore, reader: CatalogueReader,
        checkProvider: (CatalogueProvider) throws -> Void = { _ in }
    ) async throws -> (outcome: ImportOutcome, summary: CatalogueSummary?) {
        var summary: CatalogueSummary?
        let outcome = try await store.importCatalogue(try SourceFile(path: path)) { add in
            let read = try reader.read(path: path) { course, provider in
                try checkProvider(provider)
                try add(course, provider)
            }
            summary = read
            return read.format.rawValue
        }
        return (outcome, summary)
    }
}
