import Foundation
import ParcoursConfig

/// The repository's Config folder, loaded once for the tests that only read it.
let shippedConfiguration = Result { try Configuration(directory: repositoryConfig) }

/// Loads a copy of the repository's Config folder in which `file` was changed by `edit`, and returns
/// the error the change causes (nil when it loads).
func configErrorAfterEditing(_ file: String, _ edit: (String) -> String) throws -> ConfigError? {
    do {
        _ = try configurationAfterEditing(file, edit)
        return nil
    } catch let error as ConfigError {
        return error
    }
}

/// The 1-based line of the first line of `file` (in the repository's Config, changed by `edit` if
/// given) containing `text`.
func shippedLine(of text: String, in file: String, after edit: (String) -> String = { $0 }) throws -> Int? {
    let content = edit(try String(contentsOf: repositoryConfig.appending(path: file), encoding: .utf8))
    return content.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }.map {
        $0 + 1
    }
}

/// Loads a copy of the repository's Config folder in which `file` was changed by `edit`.
func configurationAfterEditing(_ file: String, _ edit: (String) -> String) throws -> Configuration {
    let folder = FileManager.default.temporaryDirectory.appending(path: "parcours-config-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: repositoryConfig, to: folder)
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appending(path: file)
    let original = try String(contentsOf: url, encoding: .utf8)
    let edited = edit(original)
    precondition(edited != original, "the edit changed nothing in \(file)")
    try edited.write(to: url, atomically: true, encoding: .utf8)
    return try Configuration(directory: folder)
}
