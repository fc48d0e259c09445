import Foundation
import ParcoursModel
import ParcoursStore
import Testing

@testable import ParcoursCatalogue

/// Catalogues stored through ParcoursStore: one transaction per file, versions per provider.
@Suite struct CatalogueStoreTests {
    private struct Strict: Error {}

    private func importFile(_ name: String, into store: SQLiteStore, strict: Bool = false) throws -> ImportOutcome {
        let path = CatalogueFixtures.path(name)
        let reader = CatalogueReader(
            options: CatalogueReadOptions(
                schemaDirectory: CatalogueFixtures.schemas, communes: CatalogueFixtures.communes))
        return try store.importCatalogue(try SourceFile(path: path)) { add in
            let summary = try reader.read(path: path) { course, provider in try add(course, provider) }
            if strict, summary.errorCount > 0 { throw Strict() }
            return summary.format.rawValue
        }
    }

    @Test func aNewVersionReplacesTheCurrentCatalogueAndOlderVersionsAreKept() throws {
        let store = try SQLiteStore(path: ":memory:")
        #expect(try importFile("lheo-dates.xml", into: store) == .imported(rows: 1))
        #expect(try store.currentCourses().map(\.id) == ["F-DATES"])
        #expect(try importFile("lheo-places.xml", into: store) == .imported(rows: 3))
        let current = try store.currentCourses()
        #expect(current.map(\.id) == ["F-CODE", "F-AMBIGUOUS", "F-REMOTE"])
        let versions = try store.catalogueVersions(of: "SIRET:12345678900017")
        #expect(versions.map(\.isCurrent) == [false, true])
        #expect(versions.map(\.fileName) == ["lheo-dates.xml", "lheo-places.xml"])
        #expect(versions.last?.format == "LHEO")
        #expect(versions.last?.sessionCount == 3)
        // What is stored reads back as it was read.
        let original = try CatalogueFixtures.read(CatalogueFixtures.path("lheo-places.xml")).courses
        #expect(current == original)
        // The same content again changes nothing.
        if case .alreadyImported = try importFile("lheo-places.xml", into: store) {
        } else {
            Issue.record("re-imported")
        }
    }

    @Test func aRefusedOrStrictlyRejectedFileStoresNothing() throws {
        let store = try SQLiteStore(path: ":memory:")
        #expect(throws: CatalogueRefusal.self) { try importFile("hostile-xxe.xml", into: store) }
        // Its first course is read and handed to the store before the broken row is met.
        #expect(throws: CatalogueRefusal.self) { try importFile("catalogue-broken-quote.csv", into: store) }
        #expect(throws: Strict.self) { try importFile("lheo-dates.xml", into: store, strict: true) }
        #expect(try store.importedFiles().isEmpty)
        #expect(try store.currentCourses().isEmpty)
        #expect(try store.providers().isEmpty)
    }
}
