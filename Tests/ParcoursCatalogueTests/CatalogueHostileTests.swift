import Foundation
import ParcoursModel
import Testing

@testable import ParcoursCatalogue

/// Hostile and broken files are refused as a whole, with a clear message, and nothing of them is
/// handed out.
@Suite struct CatalogueHostileTests {
    @Test func externalEntityPointingAtALocalFileIsRefused() throws {
        let refusal = try #require(CatalogueFixtures.refusal(CatalogueFixtures.path("hostile-xxe.xml")))
        #expect(refusal.messageEN.contains("DOCTYPE"))
        #expect(!refusal.messageEN.contains("root:"))
    }

    @Test func anExternalDTDIsRefused() throws {
        let refusal = try #require(CatalogueFixtures.refusal(CatalogueFixtures.path("hostile-external-dtd.xml")))
        #expect(refusal.messageEN.contains("external identifier or declarations in its DOCTYPE"))
    }

    @Test func aBareDoctypeIsAcceptedAndReported() throws {
        let outcome = try CatalogueFixtures.read(CatalogueFixtures.path("lheo-doctype-bare.xml"))
        #expect(outcome.courses.map(\.id) == ["F-DATES"])
        #expect(outcome.summary.errorCount == 0)
        #expect(outcome.summary.notes.contains { $0.en.hasPrefix("DOCTYPE without a DTD") })
    }

    @Test func billionLaughsIsRefused() throws {
        let refusal = try #require(CatalogueFixtures.refusal(CatalogueFixtures.path("hostile-billion-laughs.xml")))
        // libxml2 stops at the entity loop while reading the DTD, before any expansion.
        #expect(refusal.messageEN.contains("entit"))
    }

    @Test func deepNestingIsRefused() throws {
        let refusal = try #require(CatalogueFixtures.refusal(CatalogueFixtures.path("hostile-deep.xml")))
        #expect(refusal.messageEN.contains("nesting too deep"))
    }

    @Test func aFileOverTheSizeLimitIsRefusedBeforeReading() throws {
        let limits = XMLSafetyLimits(maximumFileBytes: 1000)
        let refusal = try #require(
            CatalogueFixtures.refusal(CatalogueFixtures.path("onisep-bts-nrc-lheo-2.2.xml"), limits: limits))
        #expect(refusal.messageEN.contains("file too large"))
    }

    @Test func malformedXMLIsRefusedWithLineAndColumn() throws {
        let refusal = try #require(CatalogueFixtures.refusal(CatalogueFixtures.path("malformed.xml")))
        #expect(refusal.messageEN.hasPrefix("malformed XML"))
        #expect(refusal.line == 5)
        #expect(refusal.column != nil)
    }

    @Test func anXMLFileThatIsNoCatalogueIsRefused() throws {
        let refusal = try #require(CatalogueFixtures.refusal(CatalogueFixtures.path("not-a-catalogue.xml")))
        #expect(refusal.messageEN.contains("not a known catalogue (root 'html'"))
    }
}
