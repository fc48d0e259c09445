import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `parcours admin create-user` and `parcours serve`, as an operator runs them.
@Suite struct ServeCommandTests {
    @Test func createUserPrintsATokenOnceAndChecksTheScope() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let created = try CommandRunner.run(
            [
                "admin", "create-user", "--role", "commune-hr", "--commune", "92045", "--name", "RH", "--database",
                "p.sqlite",
            ],
            in: folder)
        #expect(created.status == 0, "\(created.standardError)")
        let token = created.standardOutput.trimmingCharacters(in: .newlines)
        #expect(token.count == 43 && token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        // The database keeps the token's hash only.
        let database = try Data(contentsOf: folder.appending(path: "p.sqlite"))
        #expect(database.range(of: Data(token.utf8)) == nil)

        let wrongScope = try CommandRunner.run(
            [
                "admin", "create-user", "--role", "coordinator", "--commune", "92045", "--name", "C", "--database",
                "p.sqlite",
            ],
            in: folder)
        #expect(wrongScope.status == 1)
        #expect(wrongScope.standardOutput.isEmpty)
        #expect(wrongScope.standardError == "role coordinator takes a territory and nothing else\n")

        let unknown = try CommandRunner.run(
            [
                "admin", "create-user", "--role", "coordinator", "--territory", "lyon", "--name", "C", "--database",
                "p.sqlite",
            ],
            in: folder)
        #expect(unknown.status == 1)
        #expect(unknown.standardError.contains("--territory lyon : territoire inconnu"))
    }

    @Test func serveAnswersAndStopsCleanlyOnSIGTERM() async throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let token = try CommandRunner.run(
            [
                "admin", "create-user", "--role", "coordinator", "--territory", "namur", "--name", "C", "--database",
                "p.sqlite",
            ],
            in: folder
        ).standardOutput.trimmingCharacters(in: .newlines)
        let port = Int.random(in: 20_000..<60_000)
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["serve", "--port", "\(port)", "--database", "p.sqlite"]
        process.currentDirectoryURL = folder
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()

        let base = "http://127.0.0.1:\(port)"
        var health: Int?
        for _ in 0..<100 where health == nil {
            health = try? await Self.status(of: base + "/health")
            if health == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(health == 200)
        var request = URLRequest(url: URL(string: base + "/api/plans")!)
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (body, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: body, as: UTF8.self) == #"{"plans":[]}"#)
        #expect(try await Self.status(of: base + "/api/plans") == 401)

        process.terminate()  // SIGTERM
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("route=/api/plans"))
        #expect(log.contains("stopped"))
        #expect(!log.contains(token))
    }

    private static func status(of url: String) async throws -> Int? {
        let (_, response) = try await URLSession.shared.data(from: URL(string: url)!)
        return (response as? HTTPURLResponse)?.statusCode
    }
}
