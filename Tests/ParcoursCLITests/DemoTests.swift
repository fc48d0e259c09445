import Foundation
import Testing

/// `parcours demo` end to end on the bundled samples: the README's first command.
@Suite struct DemoTests {
    @Test func writesTheTerritoryReportWithoutNamesAndEachCommuneWithItsOwn() throws {
        let demo = try DemoRun.shared.get()
        let (output, result) = (demo.output, demo.result)
        #expect(result.status == 0, "\(result.standardError)")
        for file in ["diagnosis.html", "diagnosis.json", "needs.csv", "groups.csv", "gaps.csv", "parcours.sqlite"] {
            #expect(FileManager.default.fileExists(atPath: output.appending(path: file).path), "\(file)")
        }

        // The first agent of the Namur sample roster: named in their commune's report only.
        let roster = try String(contentsOf: samples.appending(path: "namur/roster.csv"), encoding: .utf8)
        let lines = roster.split(whereSeparator: \.isNewline)
        try #require(lines.count > 1)
        let firstAgent = lines[1].split(separator: ";", omittingEmptySubsequences: false)
        let (matricule, lastName, commune) = (String(firstAgent[0]), String(firstAgent[1]), String(firstAgent[3]))
        for file in ["diagnosis.html", "diagnosis.json", "needs.csv"] {
            let territoryText = try String(contentsOf: output.appending(path: file), encoding: .utf8)
            #expect(!territoryText.contains(matricule), "matricule in territory \(file)")
            #expect(!territoryText.contains(";\(lastName);") && !territoryText.contains(">\(lastName)<"))
        }
        let communeReport = try String(
            contentsOf: output.appending(path: "communes/\(commune)/diagnosis.html"), encoding: .utf8)
        #expect(communeReport.contains(lastName))
    }
}
