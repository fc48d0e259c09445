import Foundation
import ParcoursStore

/// What a plan is made from, by content hash: every imported file the store holds (Pix exports,
/// rosters, catalogues) and every file of the Config folder, so that two plans made from the same
/// inputs can be recognised and a plan reproduced.
public enum PlanProvenance {
    /// The imported files of `store`, oldest first, then the files of `configDirectory` by path.
    public static func inputs(store: some DataStore, configDirectory: URL) async throws -> [PlanInput] {
        let imported = try await store.importedFiles().map {
            PlanInput(kind: $0.kind.rawValue, name: $0.name, contentHash: $0.contentHash)
        }
        return imported + (try configFiles(in: configDirectory))
    }

    private static func configFiles(in directory: URL) throws -> [PlanInput] {
        let root = directory.standardizedFileURL.resolvingSymlinksInPath()
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        else { return [] }
        var inputs: [PlanInput] = []
        for case let url as URL in enumerator
        where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            let relative = String(path.dropFirst(root.path.count + 1))
            let file = try SourceFile(path: path)
            inputs.append(PlanInput(kind: "config", name: relative, contentHash: file.contentHash))
        }
        return inputs.sorted { $0.name < $1.name }
    }
}
