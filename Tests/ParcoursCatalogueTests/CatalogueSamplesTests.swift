import Foundation
import ParcoursModel
import Testing

@testable import ParcoursCatalogue

/// The real samples of the standards (copied from shared/reference/catalogue-standards, see
/// Fixtures/README.md) are read and reported correctly.
@Suite struct CatalogueSamplesTests {
    @Test func onisepLHEO22IsValidatedAsLHEO23AndRead() throws {
        let outcome = try CatalogueFixtures.read(CatalogueFixtures.path("onisep-bts-nrc-lheo-2.2.xml"))
        #expect(outcome.summary.format == .lheo)
        #expect(outcome.summary.errorCount == 0)
        #expect(outcome.summary.notes.contains { $0.en.contains("http://www.lheo.org/2.2 mapped to LHEO 2.3") })
        let course = try #require(outcome.course("9436_18706"))
        #expect(course.title == "BTS négociation et relation client")
        #expect(course.formacodes == ["34582", "34076"])
        #expect(course.romeCodes == ["D1402", "D1403", "D1408"])
        #expect(course.objectives.hasPrefix("A la fois vendeur, manager et commercial"))
        #expect(!course.objectives.contains("<p>"))
        #expect(course.format == .onSite)
        let session = try #require(course.sessions.first)
        #expect(session.start.iso == "2015-09-01")
        #expect(session.end.iso == "2017-08-31")
        #expect(session.venue?.latitude == 47.882108)
        #expect(session.venue?.longitude == -3.5526545)
        #expect(session.venue?.coordinateSource == .geolocation)
        #expect(outcome.summary.providers.map(\.id) == ["SIRET:19290076900014"])
    }

    @Test func openUniversityXCRIIsValidAndRead() throws {
        let outcome = try CatalogueFixtures.read(CatalogueFixtures.path("ou-example.xml"))
        #expect(outcome.summary.format == .xcriCap)
        #expect(!outcome.summary.diagnostics.contains { $0.severity == .error && $0.courseID == nil })
        let course = try #require(outcome.course("http://data.open.ac.uk/course/a174"))
        #expect(course.title == "Start writing fiction")
        #expect(course.sessions.count == 3)
        #expect(course.sessions[0].start.iso == "2011-05-07")
        #expect(course.sessions[0].registrationEnd?.iso == "2011-04-08")
        #expect(course.sessions[0].format == .remote)
        #expect(course.price?.amount == 155)
        #expect(course.price?.vat == .unknown)
        #expect(outcome.summary.providers.first?.name == "The Open University")
    }

    @Test func utf16XCRIIsValidAndTakesTheDateFromDtf() throws {
        let outcome = try CatalogueFixtures.read(CatalogueFixtures.path("xcri-schemas-test-utf16.xml"))
        #expect(outcome.summary.format == .xcriCap)
        #expect(outcome.summary.errorCount == 0)
        let course = try #require(outcome.course("http://www.craighawker.co.uk/courses/hnd-business-computing/"))
        #expect(course.title == "HND Business Computing")
        #expect(course.sessions.first?.start.iso == "2011-09-30")
        #expect(course.sessions.first?.start.precision == .day)
    }

    @Test func genericXCRIWithUnshippedExtensionSchemasIsReportedInvalidNotCrashed() throws {
        let outcome = try CatalogueFixtures.read(CatalogueFixtures.path("PG_Generic_XCRI-CAP-1.2.xml"))
        #expect(outcome.summary.format == .xcriCap)
        #expect(outcome.summary.exitStatus == 1)
        let unresolved = outcome.summary.diagnostics.filter { $0.messageEN.contains("extension schema") }
        #expect(!unresolved.isEmpty)
        #expect(unresolved.allSatisfy { $0.line != nil && $0.path != nil })
    }
}
