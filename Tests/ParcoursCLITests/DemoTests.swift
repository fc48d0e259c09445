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

    @Test func draftsTheTenderPackageOfEachTerritoryFromItsPlan() throws {
        let demo = try DemoRun.shared.get()
        let (output, result) = (demo.output, demo.result)
        try #require(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("Mise en concurrence du plan ") }.count == 2)
        let packages = lines.filter { $0.contains("/tender/BE-namur : ") || $0.contains("/tender/FR-bastia : ") }
        #expect(packages.count == 2, "\(result.standardOutput)")
        #expect(packages.allSatisfy { $0.hasSuffix("avis valide (XSD ; Schematron TED non vérifié)") })
        #expect(
            result.standardOutput.contains("Dossiers de consultation (acheteurs) : \(output.path)/tender/index.html"))
        let files: [String: [String]] = [
            "BE-namur": [
                "cahier-special-des-charges.odt", "formulaire-offre.odt", "inventaire.ods", "demande-dume.odt",
                "communes-participantes.ods", "estimation-confidentielle.ods", "note-acheteur.odt", "avis-eforms.xml",
            ],
            "FR-bastia": [
                "reglement-de-consultation.odt", "ccap.odt", "cctp.odt", "acte-engagement.odt", "bpu.ods", "dqe.ods",
                "demande-dume.odt", "communes-participantes.ods", "estimation-confidentielle.ods", "note-acheteur.odt",
                "avis-eforms.xml",
            ],
        ]
        for (folder, names) in files {
            for name in names {
                let path = output.appending(path: "tender/\(folder)/\(name)").path
                #expect(FileManager.default.fileExists(atPath: path), "\(path)")
            }
        }
        let index = try String(contentsOf: output.appending(path: "tender/index.html"), encoding: .utf8)
        #expect(index.contains("BE-namur/cahier-special-des-charges.html") && index.contains("FR-bastia/cctp.html"))
    }
}
