import Foundation
import Testing

/// The error contract of imports: exit status ≠ 0, nothing on stdout, one line per problem on stderr
/// naming the file, the line where the faulty record starts and the column; nothing stored.
@Suite struct ImportContractTests {
    @Test func aFaultyExportIsRefusedWholeAndNamedPrecisely() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = folder.appending(path: "export.csv")
        // A profiles collection of one competence column pair whose third record has a level "x".
        try """
        "Nom de l'organisation";"ID Campagne";"Code";"Nom de la campagne";"Nom du Participant";"Prénom du Participant";"Envoi (O/N)";"Date et heure de l'envoi (Europe/Paris)";"Nombre de pix total";"Certifiable (O/N)";"Nombre de compétences certifiables";"Niveau pour la compétence Interagir";"Nombre de pix pour la compétence Interagir"
        "Commune";1;"C";"Campagne";"Dupont";"Marie";"Oui";"14/03/2025 10:32";20;"Non";1;2;20
        "Commune";1;"C";"Campagne";"Martin";"Paul";"Oui";"14/03/2025 10:35";x;"Non";1;x;20

        """.write(to: export, atomically: true, encoding: .utf8)

        let database = folder.appending(path: "db.sqlite").path
        let result = try CommandRunner.run(["import", "pix", export.path, "--database", database], in: folder)
        #expect(result.status != 0)
        #expect(result.standardOutput.isEmpty)
        let problems = result.standardError.split(separator: "\n")
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { $0.contains("export.csv:3") }, "\(result.standardError)")

        let inspect = try CommandRunner.run(["inspect", "pix", export.path, "--json"], in: folder)
        #expect(inspect.status != 0)
        #expect(inspect.standardOutput.isEmpty)
        #expect(inspect.standardError.contains("export.csv:3"))
    }

    @Test func inspectPrintsOneObjectPerParticipantInFileOrder() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = folder.appending(path: "export.csv")
        try """
        \u{FEFF}"Nom de l'organisation";"ID Campagne";"Code";"Nom de la campagne";"Nom du Participant";"Prénom du Participant";"Matricule";"Envoi (O/N)";"Date et heure de l'envoi (Europe/Paris)";"Nombre de pix total";"Certifiable (O/N)";"Nombre de compétences certifiables";"Niveau pour la compétence Interagir";"Nombre de pix pour la compétence Interagir"
        "Commune";1;"C";"Campagne";"Dupont";"Marie";"007";"Oui";"14/03/2025 10:32";20;"Non";1;2;20
        "Commune";1;"C";"Campagne";"'=Martin";"Paul";"008";"Non";"NA";"NA";"NA";"NA";"NA";"NA"

        """.write(to: export, atomically: true, encoding: .utf8)

        let result = try CommandRunner.run(["inspect", "pix", export.path, "--json"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let rows = try #require(
            JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows[0]["externalId"] as? String == "007")
        #expect(rows[0]["shared"] as? Bool == true)
        let levels = try #require(rows[0]["levels"] as? [String: Int])
        #expect(levels.count == 16)
        #expect(levels["2.1"] == 2)
        #expect(rows[1]["lastName"] as? String == "=Martin")
        #expect(rows[1]["shared"] as? Bool == false)
        #expect(rows[1]["levels"] is NSNull)
    }
}
