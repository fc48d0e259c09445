import Foundation
import ParcoursModel

/// Everything Parcours reads from its `Config/` folder, loaded and validated once.
public struct Configuration: Sendable {
    /// The folder it was read from.
    public let directory: URL
    public let framework: CompetenceFramework

    /// Reads and validates every file of `directory`; the first problem found is thrown as a
    /// ``ConfigError`` naming its file and field.
    public init(directory: URL) throws {
        self.directory = directory
        framework = try CompetenceFrameworkFile.load(from: directory.appending(path: CompetenceFrameworkFile.name))
    }
}
