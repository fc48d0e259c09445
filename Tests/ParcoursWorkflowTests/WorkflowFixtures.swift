import Foundation
import ParcoursCatalogue
import ParcoursConfig
import ParcoursImport
import ParcoursStore
import ParcoursWorkflow

/// What the workflow tests read: the repository's own Config, Samples and Catalogues, and the
/// catalogue fixtures of `Tests/ParcoursCatalogueTests/Fixtures`.
enum WorkflowFixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The shipped configuration, loaded once.
    static let configuration = Result { try Configuration(directory: repository.appending(path: "Config")) }

    /// Every file of `Catalogues/`.
    static var bundledCatalogues: [URL] {
        get throws {
            try FileManager.default.contentsOfDirectory(
                at: repository.appending(path: "Catalogues"), includingPropertiesForKeys: nil
            ).filter { ["xml", "csv"].contains($0.pathExtension) }.sorted { $0.path < $1.path }
        }
    }

    /// A catalogue fixture of the catalogue tests.
    static func catalogueFixture(_ name: String) -> URL {
        repository.appending(path: "Tests/ParcoursCatalogueTests/Fixtures/\(name)")
    }

    /// Imports catalogue files as `parcours import catalogue` does (courses in error left out).
    static func importCatalogues(_ files: [URL], into store: some CatalogueStore) async throws {
        let reader = CatalogueReader(options: CatalogueReadOptions(configuration: try configuration.get()))
        for file in files { _ = try await CatalogueImport.run(path: file.path, into: store, reader: reader) }
    }

    /// Imports the rosters and Pix exports of `Samples/` as `parcours demo` does.
    static func importSamples(into store: some DataStore) async throws {
        let configuration = try configuration.get()
        let vocabulary = RosterVocabulary(configuration: configuration)
        for territory in ["bastia", "namur"] {
            let folder = repository.appending(path: "Samples/\(territory)")
            let roster = folder.appending(path: "roster.csv")
            _ = try await store.importRoster(
                try SourceFile(path: roster.path),
                agents: try RosterReader.read(path: roster.path, vocabulary: vocabulary))
            let exports = try FileManager.default.contentsOfDirectory(
                at: folder.appending(path: "pix"), includingPropertiesForKeys: nil
            ).sorted { $0.path < $1.path }
            _ = try await store.importPixExports(try exports.map { try SourceFile(path: $0.path) }) { file, add in
                let path = exports.first { $0.lastPathComponent == file.name }!.path
                try PixExportReader(path: path, framework: configuration.framework).forEachRow(add)
            }
        }
    }
}
