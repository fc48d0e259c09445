import Foundation

/// Runs the `parcours` executable built beside the test bundle and captures what it prints.
struct CommandRunner {
    struct Result: Sendable {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    /// The `parcours` executable of this build (the test bundle and the products share a folder).
    static let executable: URL = {
        let testBundle = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return testBundle.deletingLastPathComponent().appending(path: "parcours")
    }()

    /// Runs `parcours arguments…` in `directory` with a French locale and waits for it.
    static func run(_ arguments: [String], in directory: URL) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ["LANG": "fr_FR.UTF-8", "PATH": "/usr/bin:/bin"]
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// A fresh empty folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appending(path: "parcours-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

/// The repository's `Samples/` folder, found from this source file.
let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appending(path: "Samples")

/// One `parcours demo` run, shared by the tests that read what it wrote (it imports the samples and
/// catalogues and solves a plan per territory, the longest step of the suite). Its folder is left in
/// the temporary directory.
struct DemoRun: Sendable {
    let folder: URL
    let output: URL
    let result: CommandRunner.Result

    var database: String { output.appending(path: "parcours.sqlite").path }

    static let shared = Result { try DemoRun() }

    private init() throws {
        folder = try CommandRunner.temporaryFolder()
        output = folder.appending(path: "out")
        result = try CommandRunner.run(["demo", "--out", output.path], in: folder)
    }
}
