import Foundation
import ParcoursConfig

/// What the workflow tests read: the repository's own Config.
enum WorkflowFixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The shipped configuration, loaded once.
    static let configuration = Result { try Configuration(directory: repository.appending(path: "Config")) }
}
