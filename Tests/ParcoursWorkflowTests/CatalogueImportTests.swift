import Foundation
import ParcoursCatalogue
import ParcoursStore
import ParcoursWorkflow
import Testing

/// Catalogue files stored as `parcours import catalogue FILE` stores them.
@Suite struct CatalogueImportTests {
    @Test func storesAFileOnceAndRefusesAHostileOneWhole() async throws {
        let store = try SQLiteStore(path: ":memory:")
        let reader = CatalogueReader(
            options: CatalogueReadOptions(configuration: try WorkflowFixtures.configuration.get()))
        let csv = WorkflowFixtures.repository.appending(path: "Catalogues/ecole-administration-namur.csv").path
        let first = try await CatalogueImport.run(path: csv, into: store, reader: reader)
        #expect(first.outcome == .imported(rows: 16))
        #expect(first.summary?.acceptedSessions == 34 && first.summary?.errorCount == 0)
        let again = try await CatalogueImport.run(path: csv, into: store, reader: reader)
        #expect(again.summary == nil)
        if case .imported = again.outcome { Issue.record("imported twice") }

        let hostile = WorkflowFixtures.catalogueFixture("hostile-xxe.xml").path
        await #expect(throws: CatalogueRefusal.self) {
            try await CatalogueImport.run(path: hostile, into: store, reader: reader)
        }
        #expect(try await store.importedFiles().map(\.name) == ["ecole-administration-namur.csv"])
    }
}
