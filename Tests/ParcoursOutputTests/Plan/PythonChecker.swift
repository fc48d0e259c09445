import Foundation

/// Runs one of the independent Python checkers of `scripts/check/` with the interpreter of the virtual
/// environment `scripts/install-deps.sh --checkers` sets up (`make test` does), and returns its output.
enum PythonChecker {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func run(_ script: String, _ arguments: [String]) throws -> Data {
        let python = root.appending(path: ".build/python-check/bin/python3")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw Failure(description: "no \(python.path): run scripts/install-deps.sh --checkers (make test does)")
        }
        let process = Process()
        process.executableURL = python
        process.arguments = [root.appending(path: "scripts/check/\(script)").path] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(script) failed: " + String(decoding: message, as: UTF8.self))
        }
        return data
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appending(path: "parcours-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
