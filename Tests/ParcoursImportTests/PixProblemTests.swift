import Foundation
import ParcoursImport
import ParcoursModel
import Testing

/// A profiles-collection header with two competences (1.1 and 4.1, titles written loosely).
private let header =
    "Nom de l'organisation;ID Campagne;Code;Nom de la campagne;Nom du Participant;Prénom du Participant;Matricule;Envoi (O/N);Date et heure de l'envoi (Europe/Paris);Niveau pour la compétence MENER UNE RECHERCHE ET UNE VEILLE D'INFORMATION;Nombre de pix pour la compétence Mener une recherche et une veille d’information;Niveau pour la compétence Securiser l'environnement numerique;Nombre de pix pour la compétence Sécuriser l’environnement numérique\n"

@Suite struct PixProblemTests {
    @Test func matchesCompetenceTitlesLooselyAndKeepsIdentifiersAsText() throws {
        let rows = try readPix(header + "Org;1;C;Camp;Nom;Prénom;00042;Oui;01/01/2025 10:00;2;17;3;24\n")
        #expect(rows[0].externalID == "00042")
        #expect(rows[0].levels?[code("1.1")] == 2 && rows[0].levels?[code("4.1")] == 3)
        #expect(rows[0].pix?[code("4.1")] == 24)
    }

    @Test func readsQuotedSeparatorsQuotesAndLineBreaksWithTheirLines() throws {
        let rows = try readPix(
            header + "Org;1;C;Camp;\"Van; \"\"der\"\"\nBerg\";Ann;A1;Oui;01/01/2025 10:00;2;17;3;24\r\n"
                + "Org;1;C;Camp;Lenoir;Paul;A2;Non;NA;NA;NA;NA;NA\r\n")
        #expect(rows[0].lastName == "Van; \"der\"\nBerg")
        #expect(rows.map(\.line) == [2, 4])
    }

    @Test func namesAnUnknownCompetenceColumn() {
        let problems = pixProblems(
            header.replacing("Niveau pour la compétence Securiser", with: "Niveau pour la compétence Jongler avec")
                + "Org;1;C;Camp;Nom;Prénom;A;Oui;NA;1;8;1;8\n")
        #expect(
            problems == [
                "export.csv:1: column \"Niveau pour la compétence Jongler avec l'environnement numerique\": unknown competence \"jongler avec l'environnement numerique\" (see Config/competences.yaml)"
            ])
    }

    @Test func reportsEveryFaultyFieldWithItsLineAndColumn() {
        let problems = pixProblems(
            header + "Org;1;C;Camp;Nom;Prénom;A;Oui;01/01/2025 10:00;2;17;3;24\n"
                + "Org;1;C;Camp;Nom;Prénom;B;Oui;31/02/2025 10:00;x;17;9;-1\n"
                + "Org;1;C;Camp;\"Multi\nline\";Prénom;C;Peut-être;NA;NA;NA;NA;NA\n"
                + "Org;1;C;Camp;Nom;Prénom;D;Oui\n")
        #expect(
            problems == [
                "export.csv:3: column \"Date et heure de l'envoi (Europe/Paris)\": expected a date as DD/MM/YYYY HH:mm or YYYY-MM-DD",
                "export.csv:3: column \"Niveau pour la compétence MENER UNE RECHERCHE ET UNE VEILLE D'INFORMATION\": expected a whole level from 0 to 8",
                "export.csv:3: column \"Niveau pour la compétence Securiser l'environnement numerique\": expected a whole level from 0 to 8",
                "export.csv:3: column \"Nombre de pix pour la compétence Sécuriser l’environnement numérique\": expected a whole, positive pix count",
                "export.csv:4: column \"Envoi (O/N)\": expected Oui or Non",
                "export.csv:6: 8 fields instead of 13",
            ])
    }

    @Test func reportsAnUnclosedQuoteAtTheLineItsRecordStarts() {
        #expect(
            pixProblems(header + "Org;1;C;Camp;Nom;Prénom;A;Oui;01/01/2025 10:00;2;17;3;24\nOrg;1;C;Camp;\"Nom;P\n")
                == ["export.csv:3: a quoted field is never closed"])
    }

    @Test func refusesAFileThatIsNotAPixExport() {
        #expect(
            pixProblems("Nom;Prénom\nA;B\n") == [
                "export.csv:1: neither \"Envoi (O/N)\" nor \"Partage (O/N)\" in the header: not a recognised Pix Orga export"
            ])
        #expect(pixProblems("") == ["export.csv: empty file"])
    }

    @Test func namesAMissingRequiredColumn() {
        #expect(
            pixProblems(header.replacing("Nom du Participant;", with: "") + "x\n") == [
                "export.csv:1: column \"Nom du Participant\": required column missing"
            ])
    }

    @Test func namesAMissingTwinColumn() {
        let problems = pixProblems(
            header.replacing(";Nombre de pix pour la compétence Sécuriser l’environnement numérique", with: "") + "x\n")
        #expect(
            problems == [
                "export.csv:1: column \"Nombre de pix pour la compétence Sécuriser l’environnement numérique\": column missing while its twin is present"
            ])
    }

    @Test func writesProblemsInFrench() throws {
        let failure = #expect(throws: ImportFailure.self) {
            try readPix(header + "Org;1;C;Camp;Nom;Prénom;A;Oui;NA;2;17;3;\n")
        }
        #expect(
            failure?.lines(in: .french) == [
                "export.csv:2: colonne « Nombre de pix pour la compétence Sécuriser l’environnement numérique » : nombre de pix entier positif attendu"
            ])
    }
}
