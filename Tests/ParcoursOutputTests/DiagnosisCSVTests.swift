import Foundation
import ParcoursOutput
import Testing

@Suite struct DiagnosisCSVTests {
    static func table(_ name: String, _ audience: DiagnosisReport.Audience) throws -> [[String]] {
        let data = try #require(DiagnosisCSV.tables(ReportFixture.report(audience)).first { $0.name == name }?.data)
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        return text.split(separator: "\r\n").map {
            $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        }
    }

    @Test func gapsUseTheDecimalCommaAndLeaveHiddenFiguresEmpty() throws {
        let rows = try Self.table("gaps.csv", .territories)
        #expect(rows[0].first == "Territoire")
        // Andenne, 1.1: 1 of 3 below, share 0,333, mean gap 0,33, 1 estimated level.
        #expect(
            rows.contains([
                "namur", "commune", "92003", "Andenne", "1.1", "Mener une recherche", "3", "1", "0,333", "0,33", "1",
            ]))
        // Assesse: 1 agent → every figure but the count is empty.
        #expect(rows.contains(["namur", "commune", "92006", "Assesse", "2.1", "Interagir", "1", "", "", "", ""]))
        // Territory, 2.1: gaps 2, 0, 1, 3, 0, 0 → 3 of 6 below, mean 1.
        #expect(
            rows.contains([
                "namur", "territoire", "namur", "Province de Namur", "2.1", "Interagir", "6", "3", "0,500", "1,00", "1",
            ]))
    }

    @Test func territoryNeedsArePseudonymised() throws {
        let rows = try Self.table("needs.csv", .territories)
        #expect(rows[0][1] == "Pseudonyme")
        let pseudonym = ReportFixture.pseudonymizer.pseudonym(communeCode: "92006", externalID: "004")
        // Zeller (004): 1.1 0 → 2 (weight 2), 2.1 0 → 3 (weight 9).
        #expect(
            rows.contains([
                "namur", pseudonym, "Assesse", "Gestionnaires administratifs", "2.1", "Interagir", "0", "mesuré", "3",
                "3", "3", "9,00",
            ]))
        let text = rows.flatMap { $0 }.joined(separator: " ")
        for name in ["Dubois", "Zeller", "004"] { #expect(!text.contains(name)) }
    }

    @Test func aCommunesNeedsNameItsAgentsOnly() throws {
        let rows = try Self.table("needs.csv", .commune("92003"))
        #expect(rows[0][1...3] == ["Matricule", "Nom", "Prénom"])
        #expect(
            rows.contains([
                "namur", "003", "Peeters", "Camille", "Andenne", "Gestionnaires administratifs", "2.1", "Interagir",
                "2", "estimé", "3", "1", "3", "3,00",
            ]))
        #expect(!rows.contains { $0.contains("Zeller") })
    }
}

@Suite struct DiagnosisCSVEnglishTests {
    @Test func englishUsesCommasAndDecimalPoints() throws {
        let tables = DiagnosisCSV.tables(ReportFixture.report(.territories, language: .english))
        let gaps = try #require(tables.first { $0.name == "gaps.csv" }?.data)
        let text = String(decoding: gaps.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("Territory,Level,Code,Name,Competence,Title,"))
        #expect(text.contains("namur,commune,92003,Andenne,1.1,Search for information,3,1,0.333,0.33,1\r\n"))
    }
}
