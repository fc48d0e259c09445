import Foundation

/// Finds the `Config/` folder the product ships, so that `parcours` works from any directory.
///
/// Order: an explicit folder (`--config DIR`), then `$PARCOURS_CONFIG`, then a `Config/` folder
/// beside the executable or in one of its parent folders (a build inside the repository finds the
/// repository's `Config/`), then the current directory and its parents.
public enum ConfigLocator {
    /// The file whose presence marks a `Config/` folder.
    static let marker = "competences.yaml"

    public static func locate(
        explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: URL = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath(),
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) throws -> URL {
        if let explicit {
            let url = URL(fileURLWithPath: explicit)
            guard isConfigFolder(url) else {
                throw ConfigError(
                    file: explicit, message: "not a Parcours Config folder (no \(marker))",
                    fr: "pas un dossier Config de Parcours (pas de \(marker))")
            }
            return url
        }
        if let fromEnvironment = environment["PARCOURS_CONFIG"], !fromEnvironment.isEmpty {
            let url = URL(fileURLWithPath: fromEnvironment)
            guard isConfigFolder(url) else {
                throw ConfigError(
                    file: fromEnvironment, message: "PARCOURS_CONFIG is not a Parcours Config folder",
                    fr: "PARCOURS_CONFIG n'est pas un dossier Config de Parcours")
            }
            return url
        }
        for start in [executable.deletingLastPathComponent(), currentDirectory] {
            if let found = searchUpwards(from: start, for: "Config") { return found }
        }
        throw ConfigError(
            file: "Config", message: "no Config folder found; pass --config DIR or set PARCOURS_CONFIG",
            fr: "aucun dossier Config trouvé ; donnez --config DOSSIER ou PARCOURS_CONFIG")
    }

    /// The folder beside `Config/` with the given name (e.g. `Catalogues`), when it exists.
    public static func sibling(_ name: String, of config: URL) -> URL? {
        let url = config.deletingLastPathComponent().appending(path: name)
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
            ? url : nil
    }

    static func searchUpwards(from start: URL, for folder: String) -> URL? {
        var directory = start.standardizedFileURL
        while true {
            let candidate = directory.appending(path: folder)
            if isConfigFolder(candidate) { return candidate }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return nil }
            directory = parent
        }
    }

    static func isConfigFolder(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appending(path: marker).path)
    }
}
