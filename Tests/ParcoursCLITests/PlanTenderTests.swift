import Foundation
import Testing

/// `parcours tender --plan` on the plans the demo stored from the bundled samples. Only Bastia's plan
/// is read through `latest`: the plan chain tests add Namur plans to the same database meanwhile.
@Suite struct PlanTenderTests {
    /// The figures of a "Mise en concurrence du plan N (territory) : U besoins non couverts ; T mis en consultation (…) ; S laissés
    /// au plan, … ; L hors du plan" line.
    struct PlanFigures {
        let plan: String
        let territory: String
        let unmet: Int
        let tendered: Int
        let setAside: Int
        let leftOut: Int

        init?(_ line: Substring) {
            let pattern =
                #/^Mise en concurrence du plan (\d+) \((\w+)\) : (\d+) besoins non couverts ; (\d+) mis en consultation.* ; (\d+) laissés au plan.* ; (\d+) hors du plan$/#
            guard let match = line.wholeMatch(of: pattern) else { return nil }
            plan = String(match.1)
            territory = String(match.2)
            (unmet, tendered, setAside, leftOut) = (Int(match.3)!, Int(match.4)!, Int(match.5)!, Int(match.6)!)
        }
    }

    /// The plan ids the demo printed ("Plan N — …"), in territory order (Namur, Bastia).
    static func demoPlans() throws -> (run: DemoRun, namur: String, bastia: String) {
        let run = try DemoRun.shared.get()
        try #require(run.result.status == 0, "\(run.result.standardError)")
        let ids = PlanChainTests.planIDs(in: run.result.standardOutput)
        try #require(ids.count == 2)
        return (run, ids[0], ids[1])
    }

    /// The text of every HTML and XML file of a package folder.
    static func texts(in folder: URL) throws -> [String: String] {
        var texts: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path)
        where file.hasSuffix(".html") || file.hasSuffix(".xml") {
            texts[file] = try String(contentsOf: folder.appending(path: file), encoding: .utf8)
        }
        return texts
    }

    @Test func tendersWhatNoCatalogueSessionCanTake() throws {
        let (run, _, bastia) = try Self.demoPlans()
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandRunner.run(
            [
                "tender", "--database", run.database, "--plan", "latest", "--territory", "bastia", "--launch-date",
                "2026-06-01", "--out", "paquets",
            ], in: folder)
        try #require(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty)
        let lines = result.standardOutput.split(separator: "\n")
        try #require(lines.count == 2, "\(result.standardOutput)")
        let figures = try #require(PlanFigures(lines[0]), "\(lines[0])")
        #expect(figures.plan == bastia && figures.territory == "bastia")
        // Every unmet need is tendered, left to the plan (a session could take it), or outside the plan.
        #expect(figures.unmet == figures.tendered + figures.setAside + figures.leftOut)
        #expect(figures.tendered > 0)
        #expect(lines[1].hasSuffix("avis valide (XSD ; Schematron TED non vérifié)"))
        let package = folder.appending(path: "paquets/FR-bastia")
        #expect(!FileManager.default.fileExists(atPath: folder.appending(path: "paquets/BE-namur").path))

        // The CCTP counts the tendered needs that fall in a lot; the buyer's note, those left to the plan.
        let texts = try Self.texts(in: package)
        let cctp = try #require(texts["cctp.html"])
        let covered = try #require(cctp.firstMatch(of: #/Besoins à couvrir : (\d+) besoins? de (\d+) agents?/#))
        #expect(Int(covered.1)! <= figures.tendered && Int(covered.1)! > 0)
        let note = try #require(texts["note-acheteur.html"])
        let setAside = note.matches(of: #/(\d+) besoins? qu&#39;une session de catalogue pouvait prendre/#)
            .map { Int($0.1)! }.reduce(0, +)
        #expect(setAside == figures.setAside)

        // No agent of the roster is named or keyed in any document or the notice.
        let roster = try String(contentsOf: samples.appending(path: "bastia/roster.csv"), encoding: .utf8)
        let ids = roster.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ";")[0] }
        #expect(ids.count > 100)
        for (file, text) in texts {
            #expect(!ids.contains { text.contains($0) }, "\(file)")
        }
    }

    @Test func addsTheCoordinatorsChangesToThePlan() throws {
        let (run, _, _) = try Self.demoPlans()
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(
            #"""
            {"launch_date": "2026-06-01", "needs": [],
             "additions": [{"theme": "protection-securite", "commune": "2B033", "agents": 12, "from_level": 1,
                            "to_level": 3, "format": "on-site"}]}
            """#.utf8
        ).write(to: folder.appending(path: "changements.json"))
        let result = try CommandRunner.run(
            [
                "tender", "--database", run.database, "--plan", "latest", "--territory", "bastia", "--demand",
                "changements.json", "--out", "paquets",
            ], in: folder)
        try #require(result.status == 0, "\(result.standardError)")
        let cctp = try String(contentsOf: folder.appending(path: "paquets/FR-bastia/cctp.html"), encoding: .utf8)
        #expect(cctp.contains("auxquels la coordination ajoute 12 stagiaires"))
    }

    @Test func refusesAPlanOfAnotherTerritory() throws {
        let (run, namur, _) = try Self.demoPlans()
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandRunner.run(
            ["tender", "--database", run.database, "--plan", namur, "--territory", "bastia", "--out", "paquets"],
            in: folder)
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError == "le plan \(namur) est celui du territoire namur, pas de bastia\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appending(path: "paquets").path))
    }
}
