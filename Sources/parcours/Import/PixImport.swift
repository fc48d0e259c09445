import Foundation
import ParcoursImport
import ParcoursModel
import ParcoursStore

/// Imports Pix Orga exports into a store, all files in one transaction, with progress; shared by
/// `import pix` and `demo`.
enum PixImport {
    /// Reads and stores `paths`; returns one outcome per path. Throws ``ImportFailure`` (every
    /// problem of the first faulty file) or ``StoreError``; then nothing is stored.
    static func run(
        paths: [String], into store: some DataStore, framework: CompetenceFramework, language: Language
    ) async throws -> [ImportOutcome] {
        let sources = try paths.map { try SourceFile.reading($0) }
        let pathsBySource = Dictionary(zip(sources, paths), uniquingKeysWith: { first, _ in first })
        let progress = ImportProgress(language: language)
        defer { progress.finish() }
        return try await store.importPixExports(sources) { source, add in
            let path = pathsBySource[source] ?? source.name
            let reader = try PixExportReader(path: path, framework: framework)
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            var rows = 0
            try reader.forEachRow { row in
                try add(row)
                rows += 1
                if rows % 1000 == 0 {
                    progress.update(file: source.name, bytes: reader.bytesConsumed, totalBytes: size, rows: rows)
                }
            }
        }
    }
}
