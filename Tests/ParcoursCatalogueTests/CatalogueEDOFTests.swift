import Foundation
import ParcoursModel
import Testing

@testable import ParcoursCatalogue

/// EDOF's LHEO files (Mon Compte Formation): their own namespace, ISO-8859-1, the provider given by
/// SIRET only and the price in the action's extras are tolerated, and the report says so.
@Suite struct CatalogueEDOFTests {
    static let outcome = Result { try CatalogueFixtures.read(CatalogueFixtures.path("lheo-edof-latin1.xml")) }

    @Test func everyCourseIsAcceptedWithTheDeparturesAsWarnings() throws {
        let outcome = try Self.outcome.get()
        #expect(outcome.summary.format == .lheo)
        #expect(outcome.courses.map(\.id) == ["EDOF-SECU", "EDOF-TABLEUR"])
        #expect(outcome.summary.errorCount == 0)
        #expect(outcome.summary.notes.contains { $0.en.hasPrefix("EDOF profile (Mon Compte Formation)") })
        #expect(outcome.summary.notes.contains { $0.en.contains("mapped to LHEO 2.3") })
        let schema = outcome.diagnostics(of: "EDOF-SECU").filter { $0.messageEN.hasSuffix("(tolerated: EDOF profile)") }
        #expect(schema.count == 1)
        #expect(schema.first?.line == 5)
        #expect(
            outcome.diagnostics(of: "EDOF-SECU").contains {
                $0.severity == .warning && $0.messageEN.contains("identified by its SIRET")
            })
    }

    @Test func latin1TextIsDecoded() throws {
        let course = try #require(try Self.outcome.get().course("EDOF-SECU"))
        #expect(course.title == "Sécurité numérique au quotidien : mots de passe, hameçonnage, mises à jour")
        #expect(course.prerequisites == "Aucun prérequis.")
    }

    @Test func pricesComeFromTheFeesExtrasWithWhatTheySayOfVAT() throws {
        let outcome = try Self.outcome.get()
        // frais-ttc with taux-tva 0.0: exempt.
        #expect(outcome.course("EDOF-SECU")?.price == Price(amount: 690, vat: .exempt))
        // frais-ht alone with taux-tva 20.0: net of VAT, never grossed up.
        #expect(outcome.course("EDOF-TABLEUR")?.price == Price(amount: 1250, vat: .exclusive))
    }

    @Test func theProviderIsIdentifiedByItsSIRET() throws {
        let outcome = try Self.outcome.get()
        #expect(outcome.summary.providers.map(\.id) == ["SIRET:12345678900017"])
        #expect(outcome.summary.providers.first?.name == "SIRET 12345678900017")
        #expect(outcome.summary.providers.first?.country == .france)
    }

    @Test func hoursFormatsAndDatesAreRead() throws {
        let outcome = try Self.outcome.get()
        let onSite = try #require(outcome.course("EDOF-SECU"))
        #expect(onSite.hours == 14)
        #expect(onSite.sessions.first?.venue?.latitude == 42.6997)
        let remote = try #require(outcome.course("EDOF-TABLEUR"))
        #expect(remote.format == .remote)
        #expect(remote.hours == 21)
        #expect(remote.sessions.first?.start.iso == "2027-04")
    }
}
