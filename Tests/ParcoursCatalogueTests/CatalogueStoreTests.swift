import Foundation
import ParcoursModel
import ParcoursStore
import Testing

@testable import ParcoursCatalogue

/// Catalogues stored through ParcoursStore: one transaction per file, versions per provider.
@Suite struct CatalogueStoreTests {
    private struct Strict: Error {}

    private func importFile(_ name: String, into store: SQLiteStore, strict: Bool = false) async throws
        -> ImportOutcome
    {
        let path = CatalogueFixtures.path(name)
        let reader = CatalogueReader(
            options: CatalogueReadOptions(
                schemaDirectory: CatalogueFixtures.schemas, communes: CatalogueFixtures.communes))
        return try await store.importCatalogue(try SourceFile(path: path)) { add in
            let summary = try reader.read(path: path) { course, provider in try add(course, provider) }
            if strict, summary.errorCount > 0 { throw Strict() }
            return summary.format.rawValue
        }
    }

    @Test func aNewVersionReplacesTheCurrentCatalogueAndOlderVersionsAreKept() async throws {
        let store = try SQLiteStore(path: ":memory:")
        #expect(try await importFile("lheo-dates.xml", into: store) == .imported(rows: 1))
        #expect(try await store.currentCourses().map(\.id) == ["F-DATES"])
        #expect(try await importFile("lheo-places.xml", into: store) == .imported(rows: 3))
        let current = try await store.currentCourses()
        #expect(current.map(\.id) == ["F-CODE", "F-AMBIGUOUS", "F-REMOTE"])
        let versions = try await store.catalogueVersions(of: "SIRET:12345678900017")
        #expect(versions.map(\.isCurrent) == [false, true])
        #expect(versions.map(\.fileName) == ["lheo-dates.xml", "lheo-places.xml"])
        #expect(versions.last?.format == "LHEO")
        #expect(versions.last?.sessionCount == 3)
        // What is stored reads back as it was read.
        let original = try CatalogueFixtures.read(CatalogueFixtures.path("lheo-places.xml")).courses
        #expect(current == original)
        // The same content again changes nothing.
        if case .alreadyImported = try await importFile("lheo-places.xml", into: store) {
        } else {
            Issue.record("re-imported")
        }
    }

    @Test func aRefusedOrStrictlyRejectedFileStoresNothing() async throws {
        let store = try SQLiteStore(path: ":memory:")
        await #expect(throws: CatalogueRefusal.self) { try await importFile("hostile-xxe.xml", into: store) }
        // Its first course is read and handed to the store before the broken row is met.
        await #expect(throws: CatalogueRefusal.self) { try await importFile("catalogue-broken-quote.csv", into: store) }
        await #expect(throws: Strict.self) { try await importFile("lheo-dates.xml", into: store, strict: true) }
        #expect(try await store.importedFiles().isEmpty)
        #expect(try await store.currentCourses().isEmpty)
        #expect(try await store.providers().isEmpty)
    }
}
