import Foundation
import ParcoursModel
import Testing

@testable import ParcoursCatalogue

/// LHEO 2.3 files written for the cases the standard allows: every date form, every way of
/// placing a venue, Belgian details.
@Suite struct CatalogueLHEOTests {
    @Test func datesAreKeptAtTheirSourcePrecision() throws {
        let outcome = try CatalogueFixtures.read(CatalogueFixtures.path("lheo-dates.xml"))
        let course = try #require(outcome.course("F-DATES"))
        #expect(course.title == "Tableur : les bases du calcul")
        let byID = Dictionary(uniqueKeysWithValues: course.sessions.map { ($0.id, $0) })
        #expect(byID["S-DAY"]?.start.iso == "2027-10-03")
        #expect(byID["S-DAY"]?.start.precision == .day)
        #expect(byID["S-MONTH"]?.start.iso == "2027-09")
        #expect(byID["S-MONTH"]?.start.precision == .month)
        #expect(byID["S-UNK"]?.start.iso == nil)
        #expect(byID["S-UNK"]?.start.precision == .unknown)
        #expect(byID["S-UNK"]?.end.precision == .unknown)
        #expect(course.hours == 14)
        #expect(course.price?.amount == 450)
        #expect(course.price?.vat == .inclusive)
        #expect(outcome.diagnostics(of: "F-DATES").allSatisfy { $0.severity == .warning })
    }

    @Test func aCourseWithoutAnyDatedSessionIsInErrorAndLeftOut() throws {
        let outcome = try CatalogueFixtures.read(CatalogueFixtures.path("lheo-dates.xml"))
        #expect(outcome.course("F-NODATE") == nil)
        #expect(outcome.summary.rejectedCourses == ["F-NODATE"])
        #expect(outcome.summary.exitStatus == 1)
        let error = try #require(outcome.diagnostics(of: "F-NODATE").first { $0.severity == .error })
        #expect(error.messageFR.contains("aucune session datée"))
        #expect(error.path == "lheo/offres/formation/action/session/periode")
    }

    @Test func venuesArePlacedByCoordinatesCommuneOrSinglePostalCodeNeverByGuess() throws {
        let outcome = try CatalogueFixtures.read(CatalogueFixtures.path("lheo-places.xml"))
        let byCode = try #require(outcome.course("F-CODE")?.sessions.first?.venue)
        #expect(byCode.coordinateSource == .commune)
        #expect(byCode.communeCode == "2B033")
        #expect(byCode.latitude == 42.68641)

        let ambiguous = try #require(outcome.course("F-AMBIGUOUS")?.sessions.first?.venue)
        #expect(ambiguous.latitude == nil)
        let warning = try #require(outcome.diagnostics(of: "F-AMBIGUOUS").first { $0.severity == .warning })
        #expect(warning.messageFR.contains("20200 couvre plusieurs communes"))
        #expect(warning.messageFR.contains("Ville-di-Pietrabugno"))

        #expect(outcome.course("F-UNKNOWN") == nil)
        #expect(
            outcome.diagnostics(of: "F-UNKNOWN").contains {
                $0.severity == .error && $0.messageEN.contains("unreadable place")
            })

        let remote = try #require(outcome.course("F-REMOTE"))
        #expect(remote.format == .remote)
        #expect(remote.sessions.first?.venue == nil)
    }

    @Test func belgianDetailsAreErrorsInTheFrenchProfileAndWarningsInTheBelgianOne() throws {
        let path = CatalogueFixtures.path("lheo-belgian.xml")
        let french = try CatalogueFixtures.read(path, profile: .fr)
        #expect(french.course("BE-1") == nil)
        let postcode = try #require(french.diagnostics(of: "BE-1").first { $0.path?.hasSuffix("codepostal") == true })
        #expect(postcode.severity == .error)
        #expect(postcode.line != nil)
        #expect(postcode.messageFR.contains("trop courte"))

        for profile in [CatalogueProfile.be, .auto] {
            let belgian = try CatalogueFixtures.read(path, profile: profile)
            let course = try #require(belgian.course("BE-1"))
            #expect(belgian.diagnostics(of: "BE-1").allSatisfy { $0.severity == .warning })
            #expect(belgian.diagnostics(of: "BE-1").contains { $0.messageEN.contains("tolerated: Belgian profile") })
            #expect(belgian.summary.providers.first?.belgianCompanyNumber == "0212345678")
            #expect(belgian.summary.providers.first?.id == "BCE:0212345678")
            #expect(course.competences.map(\.code.rawValue) == ["1.3"])
            #expect(course.competences.first?.source == .declared)
            let session = try #require(course.sessions.first)
            #expect(session.minimumSeats == 6)
            #expect(session.maximumSeats == 12)
            #expect(session.seatCost == 95.5)
            #expect(session.equipmentProvided == [.workComputer])
            #expect(
                session.schedule == [
                    DailySlot(startMinute: 540, endMinute: 750), DailySlot(startMinute: 810, endMinute: 990),
                ])
            // A course without a title breaks matching: an error whatever the profile.
            #expect(belgian.course("BE-2") == nil)
            #expect(
                belgian.diagnostics(of: "BE-2").contains {
                    $0.severity == .error && $0.messageEN == "course without a title"
                })
        }
    }
}

/// The summary feed, an older namespace and a Latin-1 file together.
@Suite struct CatalogueLHEOIndexTests {
    @Test func latin1SummaryFeedInTheOldNamespaceIsMappedValidatedAndRead() throws {
        let outcome = try CatalogueFixtures.read(CatalogueFixtures.path("lheo-index-2.0-latin1.xml"))
        #expect(outcome.summary.format == .lheoIndex)
        #expect(outcome.summary.errorCount == 0)
        #expect(outcome.summary.notes.contains { $0.en.contains("http://www.lheo.org/2.0 mapped to LHEO 2.3") })
        let course = try #require(outcome.course("IDX-1"))
        #expect(course.title == "Tableur : données et graphiques")
        #expect(outcome.summary.providers.first?.name == "Formations Numériques de Haute-Corse")
        #expect(course.hours == 14)
        let session = try #require(course.sessions.first)
        #expect(session.start.iso == "2027-05")
        #expect(session.start.precision == .month)
        #expect(session.venue?.communeCode == "2B120")
        #expect(session.venue?.coordinateSource == .commune)
    }
}
