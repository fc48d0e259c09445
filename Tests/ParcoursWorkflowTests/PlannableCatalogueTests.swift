import Foundation
import ParcoursConfig
import ParcoursModel
import ParcoursStore
import ParcoursWorkflow
import Testing

/// Catalogue sessions as the planner takes them: concrete days, coordinates, seats, net costs; the
/// others listed with their reasons.
@Suite struct PlannableCatalogueTests {
    static let planningDate = CalendarDay(year: 2026, month: 12, day: 1)

    static func plannable(_ files: [URL]) async throws -> PlannableCatalogue {
        let store = try SQLiteStore(path: ":memory:")
        try await WorkflowFixtures.importCatalogues(files, into: store)
        return try await PlannableCatalogue(
            store: store, configuration: try WorkflowFixtures.configuration.get(), planningDate: planningDate)
    }

    @Test func everyBundledSessionIsPlannableWithItsVenueSeatsAndCosts() async throws {
        let catalogue = try await Self.plannable(try WorkflowFixtures.bundledCatalogues)
        #expect(catalogue.excluded.isEmpty)
        #expect(catalogue.courses.count == 45)
        #expect(catalogue.sessions.count == 90)
        #expect(Set(catalogue.sessions.map(\.id)).count == 90)
        #expect(catalogue.notes.isEmpty)
        let courseIDs = Set(catalogue.courses.map(\.id))
        #expect(catalogue.sessions.allSatisfy { courseIDs.contains($0.courseID) && !$0.days.isEmpty })

        // Centre Informatique Mosan, LHEO: two days of 09:00-12:30 and 13:30-16:30 in Namur.
        let namur = try #require(catalogue.sessions.first { $0.id == "CIM-01-S1" })
        #expect(namur.courseID == "CIM-01")
        #expect(
            namur.days.map { "\($0.day) \($0.startMinute)-\($0.endMinute)" } == [
                "2027-02-08 540-750", "2027-02-08 810-990", "2027-02-09 540-750", "2027-02-09 810-990",
            ])
        #expect(namur.venue?.coordinate == Coordinate(latitude: 50.46986, longitude: 4.88119))
        #expect(namur.venue?.communeCode == "92094")
        #expect(namur.venue?.address == "Salle informatique, 5000, Namur")
        #expect(namur.minimumSeats == 5 && namur.maximumSeats == 10)
        #expect(namur.fixedCost == 1800 && namur.seatCost == 25)
        #expect(namur.equipmentProvided == [.workComputer] && namur.equipmentRequired.isEmpty)
        #expect(
            namur.registration
                == DayRange(
                    first: CalendarDay(year: 2026, month: 12, day: 25), last: CalendarDay(year: 2027, month: 1, day: 29)
                ))

        // École provinciale, CSV: a remote session has no venue and needs a computer and internet.
        let remote = try #require(catalogue.sessions.first { $0.id == "EPA-01-S3" })
        #expect(remote.isRemote)
        #expect(remote.equipmentRequired == [.workComputer, .homeInternet])
        #expect(remote.minimumSeats == 6 && remote.maximumSeats == 15 && remote.fixedCost == 650)
        let course = try #require(catalogue.courses.first { $0.id == "EPA-01" })
        #expect(course.language == "fr" && course.hours == 7)
        #expect(course.competences.map(\.code) == [CompetenceCode("1.3")])

        // École provinciale, CSV: a webinar offered free (no fixed cost, no seat cost), two hours.
        let webinar = try #require(catalogue.sessions.first { $0.id == "EPA-16-S1" })
        #expect(webinar.isFree && webinar.isRemote && webinar.maximumSeats == 100)
        #expect(webinar.days.map { "\($0.day) \($0.startMinute)-\($0.endMinute)" } == ["2027-03-23 600-720"])
        #expect(catalogue.sessions.filter(\.isFree).map(\.id) == ["EPA-16-S1"])
    }

    @Test func listsRealSessionsWithUnknownDatesPlacesOrSeatsWithTheirReasons() async throws {
        let catalogue = try await Self.plannable([
            WorkflowFixtures.catalogueFixture("lheo-dates.xml"), WorkflowFixtures.catalogueFixture("lheo-places.xml"),
        ])
        #expect(catalogue.sessions.isEmpty && catalogue.courses.isEmpty)
        let reasons = Dictionary(
            uniqueKeysWithValues: catalogue.excluded.map { ($0.sessionID, $0.reasons.map(\.code)) })
        // lheo-dates.xml was replaced by lheo-places.xml: the provider's current catalogue is the latter.
        #expect(reasons["S2"] == ["venue-without-coordinate", "capacity-unknown"])
        #expect(reasons.values.allSatisfy { $0.contains("capacity-unknown") })
        let datesOnly = try await Self.plannable([WorkflowFixtures.catalogueFixture("lheo-dates.xml")])
        let byID = Dictionary(uniqueKeysWithValues: datesOnly.excluded.map { ($0.sessionID, $0.reasons) })
        #expect(byID["S-DAY"] == [.capacityUnknown])
        #expect(byID["S-MONTH"] == [.monthOnly(start: "2027-09", end: "2027-09"), .capacityUnknown])
        #expect(byID["S-UNK"] == [.unknownDates, .capacityUnknown])
        #expect(
            byID["S-MONTH"]?.first?.explanation(in: .french)
                == "dates connues au mois seulement (2027-09 – 2027-09) : jours non précisés")
    }
}

/// The rules of the conversion on sessions built in code, one rule each.
@Suite struct SessionConversionTests {
    static let namur = CatalogueVenue(
        name: "Salle", address: "Rue Martin 1", postalCode: "5000", city: "Namur", communeCode: "92094",
        country: .belgium, latitude: 50.46986, longitude: 4.88119, coordinateSource: .geolocation)
    static let taught = TaughtCompetence(
        code: CompetenceCode("3.1"), entryLevel: 0, exitLevel: 2, source: .declared, confidence: 1)

    static func session(
        id: String = "S-1", _ start: String, _ end: String, schedule: [DailySlot] = [], maximum: Int? = 12,
        minimum: Int? = 6, fixedCost: Double? = 500, registrationEnd: SourceDate? = nil
    ) -> CatalogueSession {
        CatalogueSession(
            id: id, start: SourceDate.iso(start) ?? .unknown, end: SourceDate.iso(end) ?? .unknown,
            registrationStart: nil, registrationEnd: registrationEnd, format: .onSite, venue: namur,
            minimumSeats: minimum, maximumSeats: maximum, fixedCost: fixedCost, seatCost: nil, equipmentProvided: [],
            equipmentRequired: [], eligibleStatuses: ["statutaire"], schedule: schedule, line: nil)
    }

    static func course(
        _ id: String = "C-1", provider: String = "BCE:0999111222", hours: Double? = 14, price: Price? = nil,
        competences: [TaughtCompetence] = [taught], sessions: [CatalogueSession]
    ) -> CatalogueCourse {
        CatalogueCourse(
            id: id, providerID: provider, title: "Traitement de texte", objectives: "", content: "", prerequisites: "",
            audience: [], formacodes: [], nsfCodes: [], romeCodes: [], hours: hours, price: price, format: .onSite,
            language: "fr", competences: competences, sessions: sessions, line: nil)
    }

    static let providers = [
        CatalogueProvider(
            id: "BCE:0999111222", name: "École", siret: nil, belgianCompanyNumber: "0999111222", country: .belgium),
        CatalogueProvider(id: "NOM:sans pays", name: "Sans pays", siret: nil, belgianCompanyNumber: nil, country: nil),
    ]

    static func convert(_ courses: [CatalogueCourse]) throws -> PlannableCatalogue {
        PlannableCatalogue(
            courses: courses, providers: providers, configuration: try WorkflowFixtures.configuration.get(),
            planningDate: PlannableCatalogueTests.planningDate)
    }

    @Test func runsOnEveryDayOfThePeriodButTheWeekendInsideItWithTheDefaultSchedule() throws {
        // Friday 5 to Monday 8 March 2027, 14 hours: Friday and Monday, 6.5 hours each.
        let catalogue = try Self.convert([Self.course(sessions: [Self.session("2027-03-05", "2027-03-08")])])
        let session = try #require(catalogue.sessions.first)
        #expect(session.days.map(\.day.description) == ["2027-03-05", "2027-03-05", "2027-03-08", "2027-03-08"])
        #expect(session.days.map(\.startMinute) == [540, 810, 540, 810])
        #expect(catalogue.notes["S-1"] == [.defaultSchedule])
        #expect(session.eligibleStatuses == ["statutaire"] && session.minimumSeats == 6)
    }

    @Test func aShortOneDayCourseTakesTheFirstHoursOfTheDefaultSchedule() throws {
        let catalogue = try Self.convert([
            Self.course(hours: 3.5, sessions: [Self.session("2027-03-02", "2027-03-02")])
        ])
        #expect(
            catalogue.sessions.first?.days == [
                SessionDay(day: CalendarDay(iso: "2027-03-02")!, startMinute: 540, endMinute: 750)
            ])
    }

    @Test func aPeriodLongerThanTheCourseHoursIsNotPlanned() throws {
        let catalogue = try Self.convert([Self.course(sessions: [Self.session("2027-03-01", "2027-03-05")])])
        #expect(catalogue.sessions.isEmpty)
        #expect(catalogue.excluded.first?.reasons == [.daysNotGiven(workingDays: 5, courseHours: 14, dailyHours: 6.5)])
        // Without hours, the source's period is taken as it is.
        let noHours = try Self.convert([
            Self.course(
                hours: nil,
                sessions: [Self.session("2027-03-01", "2027-03-03", schedule: [DailySlot(text: "14:00-17:00")!])])
        ])
        #expect(noHours.sessions.first?.days.map(\.day.description) == ["2027-03-01", "2027-03-02", "2027-03-03"])
        #expect(noHours.notes.isEmpty)
    }

    @Test func pricesPerParticipantAreCountedNetOfVATWithoutGuessing() throws {
        func seatCost(_ price: Price, provider: String = "BCE:0999111222") throws -> (Double?, [SessionNote]?) {
            let catalogue = try Self.convert([
                Self.course(
                    provider: provider, price: price,
                    sessions: [
                        Self.session(
                            "2027-03-01", "2027-03-02", schedule: [DailySlot(text: "09:00-16:00")!], fixedCost: nil)
                    ])
            ])
            return (catalogue.sessions.first?.seatCost, catalogue.notes["S-1"])
        }
        let inclusive = try seatCost(Price(amount: 121, vat: .inclusive))
        #expect(abs((inclusive.0 ?? 0) - 100) < 1e-9)
        #expect(inclusive.1 == [.vatRemoved(rate: 0.21)])
        #expect(
            try seatCost(Price(amount: 121, vat: .inclusive), provider: "NOM:sans pays") == (121, [.vatRateUnknown]))
        #expect(try seatCost(Price(amount: 90, vat: .unknown)) == (90, [.vatStatusUnknown]))
        #expect(try seatCost(Price(amount: 90, vat: .exclusive)) == (90, nil))
        #expect(try seatCost(Price(amount: 90, vat: .exempt)) == (90, nil))
        // Session costs of the extension win over the course price.
        let withSessionCost = try Self.convert([
            Self.course(
                price: Price(amount: 121, vat: .inclusive), sessions: [Self.session("2027-03-01", "2027-03-02")])
        ])
        let session = try #require(withSessionCost.sessions.first)
        #expect(session.fixedCost == 500 && session.seatCost == 0)
    }

    @Test func listsEveryReasonASessionCannotBePlanned() throws {
        let catalogue = try Self.convert([
            Self.course(
                "C-1", competences: [],
                sessions: [
                    Self.session(id: "S-1", "2027-03", "2027-03", maximum: nil, fixedCost: nil),
                    Self.session(id: "S-2", "2026-11-30", "2026-12-01", minimum: 14),
                    Self.session(id: "S-3", "2027-03-09", "2027-03-08"),
                ])
        ])
        let reasons = catalogue.excluded.map(\.reasons)
        #expect(
            reasons[0] == [.noCompetence, .monthOnly(start: "2027-03", end: "2027-03"), .capacityUnknown, .costUnknown])
        #expect(
            reasons[1] == [
                .noCompetence,
                .startsBeforePlanningDate(
                    start: CalendarDay(iso: "2026-11-30")!, planningDate: PlannableCatalogueTests.planningDate),
                .minimumAboveMaximum(minimum: 14, maximum: 12),
            ])
        #expect(
            reasons[2] == [
                .noCompetence,
                .endsBeforeStart(start: CalendarDay(iso: "2027-03-09")!, end: CalendarDay(iso: "2027-03-08")!),
            ])
        #expect(catalogue.courses.isEmpty)
    }

    @Test func qualifiesIdsTwoProvidersShareAndBoundsAMonthOnlyRegistration() throws {
        let registration = SourceDate(year: 2027, month: 2, day: nil)
        let catalogue = try Self.convert([
            Self.course(sessions: [Self.session("2027-03-01", "2027-03-02", registrationEnd: registration)]),
            Self.course(
                provider: "NOM:sans pays",
                sessions: [
                    Self.session("2027-03-01", "2027-03-02"), Self.session(id: "S-2", "2027-03-03", "2027-03-04"),
                ]),
        ])
        #expect(catalogue.courses.map(\.id) == ["BCE:0999111222/C-1", "NOM:sans pays/C-1"])
        #expect(catalogue.sessions.map(\.id) == ["BCE:0999111222/S-1", "NOM:sans pays/S-1", "S-2"])
        #expect(catalogue.sessions.map(\.courseID) == ["BCE:0999111222/C-1", "NOM:sans pays/C-1", "NOM:sans pays/C-1"])
        #expect(
            catalogue.sessions.first?.registration
                == DayRange(
                    first: PlannableCatalogueTests.planningDate, last: CalendarDay(year: 2027, month: 2, day: 28)))
    }
}
