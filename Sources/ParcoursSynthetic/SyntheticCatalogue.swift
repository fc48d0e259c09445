import ParcoursModel

/// Synthetic courses and sessions for planning benchmarks: for each competence of the framework, courses
/// for four level bands (0→2, 1→3, 2→4, 3→5; every other one also teaching the next competence of its
/// area), and dated sessions spread over the territory's communes in proportion to their population,
/// about 8 % of them remote. Invented offers, reproducible from the seed.
public struct SyntheticCatalogue: Sendable {
    public let courses: [Course]
    public let sessions: [TrainingSession]

    /// Draws `sessionCount` sessions on working days of `period` (public holidays excluded).
    public init(
        territory: Territory, framework: CompetenceFramework, sessionCount: Int, period: DayRange,
        holidays: [PublicHoliday], seed: UInt64
    ) {
        var random = SeededGenerator(seed: seed, stream: "catalogue")
        var courses: [Course] = []
        for area in framework.areas {
            for (position, competence) in area.competences.enumerated() {
                for (band, entry) in [0, 1, 2, 3].enumerated() {
                    var taught = [competence.code]
                    if band % 2 == 1, position + 1 < area.competences.count {
                        taught.append(area.competences[position + 1].code)
                    }
                    courses.append(
                        Course(
                            id: "C-\(competence.code)-\(entry)", providerID: "synthetic",
                            title: "\(competence.titleFR) (\(entry) → \(entry + 2))", objectives: "", content: "",
                            competences: taught.map {
                                TaughtCompetence(
                                    code: $0, entryLevel: entry, exitLevel: entry + 2, source: .declared, confidence: 1)
                            }, hours: nil, price: nil, format: .onSite, language: "fr"))
                }
            }
        }
        let holidayDays = Set(holidays.map(\.day))
        let days = (period.first.dayNumber...period.last.dayNumber).map(CalendarDay.init(dayNumber:)).filter {
            $0.weekday < .saturday && !holidayDays.contains($0)
        }
        let venues = territory.communes.map { ($0, Double($0.population ?? 1)) }
        var sessions: [TrainingSession] = []
        for index in 0..<sessionCount {
            let course = courses[index % courses.count]
            let remote = random.chance(0.08)
            let commune = random.pick(venues)
            let day = random.element(of: days)
            let slot = random.pick([((540, 750), 0.35), ((810, 1020), 0.35), ((540, 1020), 0.3)])
            let minimum = remote ? 4 : random.pick([(5, 0.3), (6, 0.5), (8, 0.2)])
            sessions.append(
                TrainingSession(
                    id: "S\(index + 1)", courseID: course.id,
                    days: [SessionDay(day: day, startMinute: slot.0, endMinute: slot.1)],
                    venue: remote
                        ? nil
                        : Venue(
                            name: "Salle \(commune.name)", address: commune.name, communeCode: commune.code,
                            coordinate: commune.coordinate),
                    minimumSeats: minimum, maximumSeats: remote ? 15 : random.pick([(10, 0.4), (12, 0.4), (15, 0.2)]),
                    fixedCost: Double(random.integer(in: 6...14) * 100),
                    seatCost: Double(random.integer(in: 0...4) * 10),
                    equipmentProvided: remote ? [] : [.workComputer], equipmentRequired: [.workComputer],
                    eligibleStatuses: [], registration: nil))
        }
        self.courses = courses
        self.sessions = sessions
    }
}
