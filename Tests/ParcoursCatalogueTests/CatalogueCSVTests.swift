import Foundation
import ParcoursModel
import Testing

@testable import ParcoursCatalogue

/// The Parcours CSV template: French Excel conventions, one row per session.
@Suite struct CatalogueCSVTests {
    @Test func rowsBecomeCoursesWithTheirSessionsAndErrorsNameLineAndColumn() throws {
        let outcome = try CatalogueFixtures.read(CatalogueFixtures.path("catalogue-bad.csv"))
        #expect(outcome.summary.format == .parcoursCSV)
        let course = try #require(outcome.course("G-1"))
        #expect(course.title == "Tableur ; bases")
        #expect(course.price == .init(amount: 1250, vat: .exempt))
        #expect(course.hours == 7)
        #expect(course.sessions.map(\.start.iso) == ["2027-03-15", "2027-09"])
        #expect(course.sessions[1].start.precision == .month)
        #expect(course.sessions[0].venue?.communeCode == "92142")
        #expect(course.sessions[0].venue?.coordinateSource == .commune)
        #expect(outcome.summary.providers.first?.belgianCompanyNumber == "0216689981")

        #expect(outcome.course("G-2") == nil)
        let date = try #require(outcome.diagnostics(of: "G-2").first { $0.severity == .error })
        #expect(date.line == 4)
        #expect(date.path == "debut")
        #expect(date.messageFR.contains("date illisible « 31/02/2027 »"))

        let remote = try #require(outcome.course("G-3"))
        #expect(remote.format == .remote)
        #expect(remote.hours == 3.5)
        #expect(outcome.diagnostics(of: "G-3").contains { $0.messageEN.contains("schedule") })
        #expect(outcome.summary.exitStatus == 1)
    }

    @Test func errorsKeepThePhysicalLineOfTheirRowWhileStreaming() throws {
        let outcome = try CatalogueFixtures.read(CatalogueFixtures.path("catalogue-lines.csv"))
        let course = try #require(outcome.course("C-1"))
        // The first row spans lines 2-4 (line breaks inside quotes).
        #expect(course.sessions.map(\.id) == ["C-1-S1", "C-1-S2"])
        #expect(course.sessions.map(\.line) == [2, 5])
        #expect(course.objectives == "Trier ses courriels. Classer les pièces jointes. Répondre à plusieurs.")
        let date = try #require(outcome.diagnostics(of: "C-2").first { $0.path == "debut" })
        #expect(date.line == 6)
        let rowErrors = outcome.summary.diagnostics.filter { $0.courseID == nil }
        #expect(rowErrors.map(\.line) == [7, 8])
        #expect(rowErrors.map(\.path) == ["formation_id", "formation_id"])
        #expect(
            rowErrors.first?.messageEN.contains("rows of course C-1 must follow one another (its first row is line 2)")
                == true)
    }

    @Test func anUnreadableRowRefusesTheFileNamingLineAndColumn() throws {
        let refusal = try #require(CatalogueFixtures.refusal(CatalogueFixtures.path("catalogue-broken-quote.csv")))
        #expect(refusal.line == 3)
        #expect(refusal.messageEN == "unreadable CSV: column 3 (intitule): text after a closing quote")
    }

    @Test func amountsAreReadTheWayProvidersWriteThem() {
        #expect(Amount.parse("1 250,00") == 1250)
        #expect(Amount.parse("1.250,50 €") == 1250.5)
        #expect(Amount.parse("1250.00") == 1250)
        #expect(Amount.parse("1,250.75") == 1250.75)
        #expect(Amount.parse("GBP155.00; Ireland fee") == 155)
        #expect(Amount.parse("1.250.000") == 1_250_000)
        #expect(Amount.parse("gratuit") == nil)
    }
}
