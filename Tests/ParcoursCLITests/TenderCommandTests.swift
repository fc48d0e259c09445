import Foundation
import Testing

@Suite struct TenderCommandTests {
    @Test func draftsOnePackagePerCountryFromTheSampleDemand() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandRunner.run(
            ["tender", "--demand", samples.appending(path: "tender-demand.json").path, "--out", "paquets"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty)
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.contains("avis valide (XSD ; Schematron TED non vérifié)") })
        let index = try String(contentsOf: folder.appending(path: "paquets/index.html"), encoding: .utf8)
        #expect(index.contains("BE-namur/cahier-special-des-charges.html"))
        #expect(index.contains("FR-bastia/dqe.html"))
        // No agent key of the demand reaches any file of the packages.
        let demand = try String(contentsOf: samples.appending(path: "tender-demand.json"), encoding: .utf8)
        let keys = Set(
            demand.components(separatedBy: "\"agent\": \"").dropFirst().compactMap { $0.split(separator: "\"").first })
        #expect(keys.count > 100)
        for country in ["BE-namur", "FR-bastia"] {
            let packageFolder = folder.appending(path: "paquets/\(country)")
            for file in try FileManager.default.contentsOfDirectory(atPath: packageFolder.path)
            where file.hasSuffix(".html") || file.hasSuffix(".xml") {
                let text = try String(contentsOf: packageFolder.appending(path: file), encoding: .utf8)
                #expect(!keys.contains { text.contains($0) }, "\(country)/\(file)")
            }
        }
    }

    @Test func namesTheFieldOfABadDemand() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(#"{"launch_date": "2026-06-01", "needs": [{"agent": "P-1", "commune": "92045"}]}"#.utf8)
            .write(to: folder.appending(path: "demande.json"))
        let result = try CommandRunner.run(["tender", "--demand", "demande.json", "--out", "paquets"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError == "demande.json: needs[0].competence: champ manquant\n")
    }
}
