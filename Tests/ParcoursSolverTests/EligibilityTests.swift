import ParcoursModel
import Testing

@testable import ParcoursSolver

@Suite struct EligibilityTests {
    private let origin = Coordinate(latitude: 50.0, longitude: 4.9)
    /// 1° of latitude north of the origin: 6 371 × π / 180 km in a straight line.
    private let oneDegreeNorth = Coordinate(latitude: 51.0, longitude: 4.9)
    private let oneDegreeKilometres = 6371 * Double.pi / 180
    /// Monday 1 March 2027.
    private let monday = CalendarDay(year: 2027, month: 3, day: 1)
    /// Wednesday 3 March 2027.
    private let wednesday = CalendarDay(year: 2027, month: 3, day: 3)
    /// Thursday 6 May 2027, Ascension.
    private let ascension = PublicHoliday(
        day: CalendarDay(year: 2027, month: 5, day: 6), nameFR: "Ascension", nameEN: "Ascension Day", kind: .legal)

    private func agent(
        status: String = "statutaire", equipment: Set<Equipment> = [.workComputer],
        workingDays: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday], hasCar: Bool = true,
        limit: Double = 200, unavailable: [DayRange] = [], languages: [String] = ["fr"]
    ) -> Agent {
        Agent(
            externalID: "A1", lastName: "Test", firstName: "Agent", communeCode: "92094", jobFamilyID: "accueil",
            statusID: status, equipment: equipment, workingTime: 1, workingDays: workingDays, hasCar: hasCar,
            maximumTravelKilometres: limit, unavailable: unavailable, languages: languages)
    }

    private func need(current: Int = 1, target: Int = 3) -> Need {
        Need(
            agentID: "A1", competence: CompetenceCode("3.2"), currentLevel: current, targetLevel: target,
            levelSource: .measured, weight: 1)
    }

    private func course(entry: Int = 1, exit: Int = 3, code: String = "3.2", language: String = "fr") -> Course {
        Course(
            id: "C1", providerID: "P1", title: "Tableur", objectives: "", content: "",
            competences: [
                TaughtCompetence(
                    code: CompetenceCode(code), entryLevel: entry, exitLevel: exit, source: .declared, confidence: 1)
            ],
            hours: 7, price: nil, format: .onSite, language: language)
    }

    private func session(
        id: String = "S1", days: [CalendarDay]? = nil, hours: (Int, Int) = (540, 1020), remote: Bool = false,
        required: Set<Equipment> = [], provided: Set<Equipment> = [], statuses: Set<String> = [],
        registration: DayRange? = nil
    ) -> TrainingSession {
        let venue = Venue(name: "Salle", address: "Rue 1", communeCode: nil, coordinate: oneDegreeNorth)
        return TrainingSession(
            id: id, courseID: "C1",
            days: (days ?? [monday]).map { SessionDay(day: $0, startMinute: hours.0, endMinute: hours.1) },
            venue: remote ? nil : venue, minimumSeats: 4, maximumSeats: 12, fixedCost: 900, seatCost: 20,
            equipmentProvided: provided, equipmentRequired: required, eligibleStatuses: statuses,
            registration: registration)
    }

    private func context(
        circuity: Circuity = Circuity(factor: 1.3), holidays: [PublicHoliday] = [], noCarLimit: Double = 30
    ) -> EligibilityContext {
        EligibilityContext(
            circuity: circuity, publicHolidays: holidays, agentOrigin: origin, planningDate: monday.adding(days: -30),
            policy: EligibilityPolicy(noCarMaximumKilometres: noCarLimit))
    }

    private func failures(
        agent: Agent? = nil, need: Need? = nil, course: Course? = nil, session: TrainingSession? = nil,
        context: EligibilityContext? = nil
    ) -> [EligibilityFailure] {
        Eligibility.failures(
            agent: agent ?? self.agent(), need: need ?? self.need(), course: course ?? self.course(),
            session: session ?? self.session(), context: context ?? self.context())
    }

    @Test func aFittingPairFailsNothing() {
        #expect(failures().isEmpty)
    }

    @Test func levelFitNeedsEntryAtMostCurrentBelowExit() {
        #expect(failures(need: need(current: 1), course: course(entry: 1, exit: 2)).isEmpty)
        #expect(
            failures(need: need(current: 0), course: course(entry: 1, exit: 3)) == [
                .levelFit(
                    competence: CompetenceCode("3.2"), currentLevel: 0, targetLevel: 3, entryLevel: 1, exitLevel: 3)
            ])
        #expect(
            failures(need: need(current: 3, target: 4), course: course(entry: 1, exit: 3)).map(\.constraint)
                == [.levelFit])
        let other = failures(course: course(code: "1.1"))
        #expect(
            other == [
                .levelFit(
                    competence: CompetenceCode("3.2"), currentLevel: 1, targetLevel: 3, entryLevel: nil, exitLevel: nil)
            ])
    }

    @Test func travelComparesStraightLineTimesCircuityWithTheLimit() throws {
        #expect(failures(agent: agent(limit: 145)).isEmpty)
        let failure = try #require(failures(agent: agent(limit: 140)).first)
        guard
            case .travel(let straight, let factor, let road, let agentLimit, let noCarLimit, let limit) = failure
        else {
            Issue.record("expected a travel failure, got \(failure)")
            return
        }
        #expect(abs(straight - oneDegreeKilometres) < 1e-9)
        #expect(factor == 1.3)
        #expect(abs(road - oneDegreeKilometres * 1.3) < 1e-9)
        #expect(agentLimit == 140)
        #expect(noCarLimit == nil)
        #expect(limit == 140)
    }

    @Test func travelUsesTheShortTripFactorAndTheTighterNoCarLimit() throws {
        let shortTrips = Circuity(factor: 1.3, shortTripBelowKilometres: 200, shortTripFactor: 1.5)
        let failure = try #require(failures(agent: agent(hasCar: false), context: context(circuity: shortTrips)).first)
        guard case .travel(_, let factor, let road, let agentLimit, let noCarLimit, let limit) = failure else {
            Issue.record("expected a travel failure, got \(failure)")
            return
        }
        #expect(factor == 1.5)
        #expect(abs(road - oneDegreeKilometres * 1.5) < 1e-9)
        #expect(agentLimit == 200)
        #expect(noCarLimit == 30)
        #expect(limit == 30)
        #expect(failures(agent: agent(hasCar: false), context: context(noCarLimit: 150)).isEmpty)
    }

    @Test func remoteSessionsNeedADeviceAndAConnection() {
        let remote = session(remote: true)
        #expect(failures(agent: agent(equipment: [.workComputer], limit: 0), session: remote).isEmpty)
        #expect(failures(agent: agent(equipment: [.tablet, .homeInternet]), session: remote).isEmpty)
        #expect(
            failures(agent: agent(equipment: [.tablet]), session: remote)
                == [.remoteAccess(hasDevice: true, hasConnection: false)])
        #expect(
            failures(agent: agent(equipment: [.smartphone, .homeInternet]), session: remote)
                == [.remoteAccess(hasDevice: false, hasConnection: true)])
        #expect(
            failures(agent: agent(equipment: []), session: remote)
                == [.remoteAccess(hasDevice: false, hasConnection: false)])
    }

    @Test func statusIsAllowedByAnEmptySetOrMembership() {
        #expect(failures(session: session(statuses: [])).isEmpty)
        #expect(failures(session: session(statuses: ["statutaire", "ape"])).isEmpty)
        let failed = failures(
            agent: agent(status: "apprenti"), session: session(statuses: ["titulaire", "contractuel"]))
        #expect(failed == [.status(statusID: "apprenti", eligibleStatuses: ["contractuel", "titulaire"])])
    }

    @Test func requiredEquipmentIsHeldOrProvided() {
        #expect(failures(session: session(required: [.workComputer])).isEmpty)
        #expect(
            failures(agent: agent(equipment: []), session: session(required: [.tablet], provided: [.tablet])).isEmpty)
        #expect(
            failures(agent: agent(equipment: []), session: session(required: [.homeInternet, .tablet]))
                == [.equipment(missing: [.tablet, .homeInternet])])
    }

    @Test func theCourseLanguageIsOneOfTheAgents() {
        #expect(failures(agent: agent(languages: ["nl", "FR"])).isEmpty)
        #expect(
            failures(agent: agent(languages: ["fr", "co"]), course: course(language: "nl"))
                == [.language(courseLanguage: "nl", agentLanguages: ["fr", "co"])])
    }

    @Test func everyDayIsAWorkingDayOfAPartTimeAgent() {
        let partTime = agent(workingDays: [.monday, .tuesday, .thursday])
        #expect(failures(agent: partTime, session: session(days: [monday])).isEmpty)
        #expect(
            failures(agent: partTime, session: session(days: [monday, wednesday]))
                == [.schedule(nonWorkingDays: [wednesday])])
    }

    @Test func noDayFallsInAnUnavailablePeriod() {
        let away = agent(unavailable: [DayRange(first: monday.adding(days: 1), last: monday.adding(days: 10))])
        #expect(failures(agent: away, session: session(days: [monday])).isEmpty)
        #expect(
            failures(agent: away, session: session(days: [monday, wednesday])) == [.unavailability(days: [wednesday])])
    }

    @Test func noDayIsAPublicHoliday() {
        let withAscension = context(holidays: [ascension])
        #expect(failures(session: session(days: [monday]), context: withAscension).isEmpty)
        let failed = failures(session: session(days: [ascension.day]), context: withAscension)
        #expect(failed == [.publicHoliday(holidays: [ascension])])
    }

    @Test func registrationMustNotHaveClosedBeforeThePlanningDate() {
        let planning = monday.adding(days: -30)
        let open = DayRange(first: planning.adding(days: -10), last: planning)
        #expect(failures(session: session(registration: open)).isEmpty)
        #expect(failures(session: session(registration: nil)).isEmpty)
        let closed = DayRange(first: planning.adding(days: -10), last: planning.adding(days: -1))
        #expect(
            failures(session: session(registration: closed))
                == [.registration(closedOn: planning.adding(days: -1), planningDate: planning)])
    }

    @Test func aPairFailingSeveralConstraintsReportsAllInConstraintOrder() {
        let failed = failures(
            agent: agent(
                status: "apprenti", equipment: [], workingDays: [.tuesday], hasCar: false, languages: ["nl"]),
            need: need(current: 4, target: 5),
            session: session(
                days: [ascension.day], required: [.tablet], statuses: ["titulaire"],
                registration: DayRange(first: monday.adding(days: -90), last: monday.adding(days: -60))),
            context: context(holidays: [ascension]))
        #expect(
            failed.map(\.constraint) == [
                .levelFit, .travel, .status, .equipment, .language, .schedule, .publicHoliday, .registration,
            ])
        #expect(failed.map(\.constraint.rawValue).first == "level-fit")
        #expect(
            EligibilityConstraint.allCases.map(\.rawValue) == [
                "level-fit", "travel", "remote-access", "status", "equipment", "language", "schedule",
                "unavailability", "public-holiday", "registration",
            ])
    }

    @Test func sessionsClashWhenTheirHoursOverlapOnADay() throws {
        let morning = session(id: "S1", days: [monday, wednesday], hours: (540, 720))
        let afternoon = session(id: "S2", days: [wednesday], hours: (720, 1020))
        let overlapping = session(id: "S14", days: [wednesday], hours: (660, 780))
        #expect(TimeClash(morning, afternoon) == nil)
        let clash = try #require(TimeClash(morning, overlapping))
        #expect(clash.firstDay == SessionDay(day: wednesday, startMinute: 540, endMinute: 720))
        #expect(clash.secondDay == SessionDay(day: wednesday, startMinute: 660, endMinute: 780))
        #expect(clash.firstSessionID == "S1" && clash.secondSessionID == "S14")
    }
}
