import ParcoursConfig
import ParcoursModel
import ParcoursStore

/// The current catalogues as the planner takes them: courses, and sessions with concrete days, venue
/// coordinates, seats and costs net of VAT; every session that cannot be planned is listed with its
/// reasons, and every figure that rests on something the catalogue did not say is noted.
///
/// Rules (see ``SessionConversion`` for the details):
/// - days: start and end must be days (not unknown, not month-only); the session runs on every day of
///   the period except the Saturdays and Sundays strictly inside it; when the course's hours are known
///   and the period holds more such days than the hours fill, the session days are not given;
/// - hours of the day: the session's schedule, else the default of `Config/planning.yaml` (for a
///   one-day course shorter than it, its first hours);
/// - seats: the maximum is required; no minimum means 1;
/// - costs: the session's fixed and seat costs from the `parcours:` extension (net of VAT by
///   definition) when it gives either; else the course price per participant, net of VAT (a TTC price
///   divided by 1 + the standard rate of the provider's country, from `Config/procurement/prices.yaml`; HT or exempt as given; an unknown VAT status
///   kept as given and noted); neither: not plannable;
/// - venue: the catalogue's coordinate; a remote session has none;
/// - ids: the catalogue's course and session ids, qualified by provider (`provider/id`) where two
///   providers use the same id.
public struct PlannableCatalogue: Sendable {
    /// The courses that have at least one plannable session, in catalogue order.
    public let courses: [Course]
    public let sessions: [TrainingSession]
    /// The notes of each plannable session that has some, by session id.
    public let notes: [String: [SessionNote]]
    public let excluded: [ExcludedSession]

    /// Converts `courses` (with the providers that offer them) for a plan made on `planningDate`, with
    /// the default schedule of `Config/planning.yaml` and the VAT rates of `Config/procurement/prices.yaml`.
    public init(
        courses catalogueCourses: [CatalogueCourse], providers: [CatalogueProvider], configuration: Configuration,
        planningDate: CalendarDay
    ) {
        let countries = Dictionary(providers.map { ($0.id, $0.country) }, uniquingKeysWith: { first, _ in first })
        let keys = PlanningKeys(catalogueCourses)
        var courses: [Course] = []
        var sessions: [TrainingSession] = []
        var notes: [String: [SessionNote]] = [:]
        var excluded: [ExcludedSession] = []
        for catalogueCourse in catalogueCourses {
            let courseID = keys.course(catalogueCourse)
            let conversion = SessionConversion(
                course: catalogueCourse, courseID: courseID,
                vatRate: countries[catalogueCourse.providerID].flatMap { $0 }.flatMap {
                    configuration.procurement.vatRule(country: $0).map { $0.standardRatePercent / 100 }
                },
                defaultSchedule: configuration.planning.defaultSchedule, planningDate: planningDate)
            var plannable = false
            for catalogueSession in catalogueCourse.sessions {
                let sessionID = keys.session(catalogueSession, of: catalogueCourse)
                switch conversion.convert(catalogueSession, id: sessionID) {
                case .plannable(let session, let sessionNotes):
                    sessions.append(session)
                    if !sessionNotes.isEmpty { notes[sessionID] = sessionNotes }
                    plannable = true
                case .excluded(let reasons):
                    excluded.append(
                        ExcludedSession(
                            providerID: catalogueCourse.providerID, courseID: courseID, sessionID: sessionID,
                            courseTitle: catalogueCourse.title, reasons: reasons))
                }
            }
            if plannable { courses.append(conversion.plannerCourse) }
        }
        self.courses = courses
        self.sessions = sessions
        self.notes = notes
        self.excluded = excluded
    }

    /// Converts the current catalogue of every provider in `store`.
    public init(store: some CatalogueStore, configuration: Configuration, planningDate: CalendarDay) async throws {
        self.init(
            courses: try await store.currentCourses(), providers: try await store.providers(),
            configuration: configuration,
            planningDate: planningDate)
    }
}

/// A catalogue session left out of planning, with every reason that applies.
public struct ExcludedSession: Hashable, Sendable {
    public let providerID: String
    public let courseID: String
    public let sessionID: String
    public let courseTitle: String
    public let reasons: [SessionExclusion]
}

/// The ids courses and sessions take in a plan: the catalogue's, qualified by provider where two
/// providers use the same one.
struct PlanningKeys {
    private let sharedCourseIDs: Set<String>
    private let sharedSessionIDs: Set<String>

    init(_ courses: [CatalogueCourse]) {
        sharedCourseIDs = Self.shared(courses.map { ($0.providerID, $0.id) })
        sharedSessionIDs = Self.shared(courses.flatMap { course in course.sessions.map { (course.providerID, $0.id) } })
    }

    func course(_ course: CatalogueCourse) -> String {
        sharedCourseIDs.contains(course.id) ? "\(course.providerID)/\(course.id)" : course.id
    }

    func session(_ session: CatalogueSession, of course: CatalogueCourse) -> String {
        sharedSessionIDs.contains(session.id) ? "\(course.providerID)/\(session.id)" : session.id
    }

    /// The ids used by more than one provider.
    private static func shared(_ pairs: [(provider: String, id: String)]) -> Set<String> {
        let providers = Dictionary(grouping: pairs, by: \.id).mapValues { Set($0.map(\.provider)) }
        return Set(providers.filter { $0.value.count > 1 }.keys)
    }
}
