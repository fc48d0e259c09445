import Foundation
import Testing

/// The plan commands end to end on the bundled samples, from one demo run: plan → explain → replan →
/// compare, with a what-if run (minimum group of 8) beside the demo's plan.
@Suite struct PlanChainTests {
    /// The first cell values of the Namur sample roster's rows: (matricule, last name, commune).
    static func rosterAgents() throws -> [(id: String, lastName: String, commune: String)] {
        let roster = try String(contentsOf: samples.appending(path: "namur/roster.csv"), encoding: .utf8)
        return roster.split(whereSeparator: \.isNewline).dropFirst().map { line in
            let cells = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            return (cells[0], cells[1], cells[3])
        }
    }

    /// The ids in "Plan N — …" lines, in order.
    static func planIDs(in text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("Plan ") else { return nil }
            return line.dropFirst(5).split(separator: " ").first.map(String.init)
        }
    }

    @Test func planExplainReplanCompareOnTheSamples() throws {
        let run = try DemoRun.shared.get()
        let (folder, database, demo) = (run.folder, run.database, run.result)
        try #require(demo.status == 0, "\(demo.standardError)")
        let demoPlans = Self.planIDs(in: demo.standardOutput)
        #expect(demoPlans.count == 2, "one plan per territory: \(demo.standardOutput)")
        #expect(demo.standardError.contains("écart"), "progress on stderr")
        // The Namur plan is made first (territory order of Config).
        let namurPlan = try #require(demoPlans.first)
        for territory in ["namur", "bastia"] {
            for file in ["report.html", "plan.json"] {
                let path = run.output.appending(path: "\(territory)/\(file)").path
                #expect(FileManager.default.fileExists(atPath: path), "\(path)")
            }
        }

        // explain --commune: the commune's own agents by name, no other commune's.
        let agents = try Self.rosterAgents()
        let commune = try #require(agents.first).commune
        let own = agents.filter { $0.commune == commune }
        let others = agents.filter { $0.commune != commune }
        let communeView = try CommandRunner.run(
            ["explain", "--database", database, "--plan", namurPlan, "--commune", commune], in: folder)
        try #require(communeView.status == 0, "\(communeView.standardError)")
        #expect(own.allSatisfy { communeView.standardOutput.contains($0.lastName.uppercased()) })
        #expect(!others.contains { communeView.standardOutput.contains("(\($0.id))") })

        // A session the commune's agents attend, and who attends it.
        let sessionLine = try #require(
            communeView.standardOutput.split(separator: "\n").first { $0.contains(" de ses agents, ") })
        let session = String(sessionLine.trimmingCharacters(in: .whitespaces).split(separator: " ")[0])
        let sessionView = try CommandRunner.run(
            ["explain", "--database", database, "--plan", namurPlan, "--session", session], in: folder)
        try #require(sessionView.status == 0, "\(sessionView.standardError)")
        let participantsLine = try #require(
            sessionView.standardOutput.split(separator: "\n").first { $0.contains("Participants : ") })
        let participants = Set(
            participantsLine.components(separatedBy: "Participants : ")[1].components(separatedBy: ", "))

        // explain --agent: a participant's need is covered by the session; `latest` is the Bastia plan.
        let participant = try #require(own.first { participants.contains($0.id) }).id
        let agentView = try CommandRunner.run(
            ["explain", "--database", database, "--plan", namurPlan, "--agent", participant], in: folder)
        try #require(agentView.status == 0, "\(agentView.standardError)")
        #expect(agentView.standardOutput.contains("couvert par \(session) "))
        let latest = try CommandRunner.run(
            ["explain", "--database", database, "--plan", "latest", "--agent", participant], in: folder)
        #expect(latest.status != 0 && latest.standardError.contains("n’est pas dans le plan \(demoPlans[1])"))

        // replan after cancelling it: exactly its participants' assignments move or go, with the cause.
        let replan = try CommandRunner.run(
            ["replan", "--database", database, "--from", namurPlan, "--cancel-session", session, "--time-limit", "8"],
            in: folder)
        try #require(replan.status == 0, "\(replan.standardError)")
        let replanID = try #require(Self.planIDs(in: replan.standardOutput).first)
        let report = replan.standardOutput.split(separator: "\n").map(String.init)
        let lines = Array(report.drop { !$0.hasPrefix("Par rapport au plan") })
        let changed = lines.filter { $0.hasPrefix("  ") && $0.contains("(session annulée : ") }
        let movedOrDropped = lines.filter {
            $0.hasPrefix("  ") && !$0.hasPrefix("    ") && ($0.contains(" → ") || $0.contains(" ("))
        }
        #expect(!changed.isEmpty)
        #expect(changed.count == movedOrDropped.count, "only the cancelled session's assignments change: \(lines)")
        #expect(
            Set(changed.map { String($0.trimmingCharacters(in: .whitespaces).split(separator: " ")[0]) })
                == participants)
        #expect(lines.first?.hasPrefix("Par rapport au plan \(namurPlan) : ") == true)
        // The re-plan's documents say it too: counts in the report, names in the commune's own document.
        let reportHTML = try String(contentsOf: run.output.appending(path: "namur/report.html"), encoding: .utf8)
        #expect(reportHTML.contains("Ce que cette version change (par rapport au plan \(namurPlan))"))
        let communeFolder = try #require(
            try FileManager.default.contentsOfDirectory(atPath: run.output.appending(path: "namur/communes").path)
                .first { $0.hasPrefix(commune + "-") })
        let communeHTML = try String(
            contentsOf: run.output.appending(path: "namur/communes/\(communeFolder)/plan.html"), encoding: .utf8)
        #expect(communeHTML.contains("Changements depuis le plan \(namurPlan)"))
        for agent in own where participants.contains(agent.id) {
            let escaped = agent.lastName.replacingOccurrences(of: "'", with: "&#39;")
            #expect(communeHTML.contains(escaped), "\(agent.id) is to be told of the change")
        }

        // compare the replan with its origin, and a what-if run (minimum group of 8) with the demo's plan.
        let whatIf = try CommandRunner.run(
            ["plan", "--database", database, "--territory", "namur", "--minimum-group-size", "8", "--time-limit", "8"],
            in: folder)
        try #require(whatIf.status == 0, "\(whatIf.standardError)")
        let badGap = try CommandRunner.run(
            ["plan", "--database", database, "--territory", "namur", "--gap-target", "1.5"], in: folder)
        #expect(badGap.status != 0 && badGap.standardOutput.isEmpty)
        #expect(badGap.standardError.contains("--gap-target : valeur hors limites (1.5)"), "\(badGap.standardError)")
        let badReplanGap = try CommandRunner.run(
            ["replan", "--database", database, "--from", namurPlan, "--gap-target", "1"], in: folder)
        #expect(badReplanGap.status != 0 && badReplanGap.standardOutput.isEmpty)
        #expect(badReplanGap.standardError.contains("--gap-target : valeur hors limites (1.0)"))
        let whatIfID = try #require(Self.planIDs(in: whatIf.standardOutput).first)
        let table = try CommandRunner.run(["compare", "--database", database, namurPlan, whatIfID], in: folder)
        try #require(table.status == 0, "\(table.standardError)")
        #expect(table.standardOutput.contains("minimum-group-size=8"))
        #expect(table.standardOutput.contains("sessions ouvertes"))
        // Communes, job families and competences by the names the compare page shows, not their codes.
        let rows = table.standardOutput.split(separator: "\n")
        #expect(rows.contains { $0.hasPrefix("  Floreffe ") })
        #expect(!rows.contains { $0.hasPrefix("  92045") })
        #expect(rows.contains { $0.hasPrefix("  1.1 ") && $0.dropFirst(6).first?.isLetter == true })
        let json = try CommandRunner.run(
            ["compare", "--database", database, namurPlan, replanID, "--json"], in: folder)
        try #require(json.status == 0, "\(json.standardError)")
        let figures = try #require(
            try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
        #expect(figures.map { "\($0["planID"] ?? "")" } == [namurPlan, replanID])
    }
}
