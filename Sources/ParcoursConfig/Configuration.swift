import Foundation
import ParcoursModel

/// Everything Parcours reads from its `Config/` folder, loaded and validated once.
public struct Configuration: Sendable {
    /// The folder it was read from.
    public let directory: URL
    public let framework: CompetenceFramework
    /// The programme's job families (`job-families.yaml`), in file order.
    public let jobFamilies: [JobFamily]
    /// The territories with their communes and statuses (`territories.yaml`).
    public let territories: [Territory]
    /// Every commune Parcours can place a venue in (`places/`).
    public let gazetteer: Gazetteer
    /// Employment statuses per country (`statuses.yaml`).
    public let statuses: [Country: [EmploymentStatus]]
    /// Public holidays per country, by date (`calendars/public-holidays.yaml`).
    public let publicHolidays: [Country: [PublicHoliday]]
    /// School-holiday calendars (`calendars/school-holidays.yaml`).
    public let schoolCalendars: [SchoolCalendar]
    /// Need weights, fragility and minimum cell size (`policy.yaml`).
    public let policy: DiagnosisPolicy
    /// How pseudonyms look (`policy.yaml`).
    public let pseudonym: PseudonymPolicy
    /// Rules proposing competences for courses that declare none (`tagging.yaml`).
    public let tagging: TaggingRules
    /// Thresholds, buyers, reference prices, themes and grouping of tenders (`procurement/`).
    public let procurement: ProcurementRules
    /// The planning policy per country and how catalogue sessions become plannable (`planning.yaml`).
    public let planning: PlanningSettings
    /// How long agents' personal data is kept without news of them (`retention.yaml`).
    public let retention: RetentionPolicy

    /// Reads and validates every file of `directory`; the first problem found is thrown as a
    /// ``ConfigError`` naming its file, line and field.
    public init(directory: URL) throws {
        self.directory = directory
        framework = try CompetenceFrameworkFile.load(from: directory.appending(path: CompetenceFrameworkFile.name))
        (policy, pseudonym) = try PolicyFile.load(
            from: directory.appending(path: PolicyFile.name), framework: framework)
        jobFamilies = try JobFamiliesFile.load(
            from: directory.appending(path: JobFamiliesFile.name), framework: framework)
        statuses = try StatusesFile.load(from: directory.appending(path: StatusesFile.name))
        gazetteer = try GazetteerFile.load(from: directory.appending(path: GazetteerFile.folder))
        publicHolidays = try PublicHolidaysFile.load(from: directory.appending(path: PublicHolidaysFile.name))
        schoolCalendars = try SchoolHolidaysFile.load(from: directory.appending(path: SchoolHolidaysFile.name))
        territories = try TerritoriesFile.load(
            from: directory.appending(path: TerritoriesFile.name),
            references: .init(gazetteer: gazetteer, statuses: statuses, schoolCalendars: schoolCalendars))
        tagging = try TaggingRulesFile.load(
            from: directory.appending(path: TaggingRulesFile.name), framework: framework)
        procurement = try ProcurementFiles.load(from: directory, framework: framework, territories: territories)
        planning = try PlanningFile.load(from: directory.appending(path: PlanningFile.name), territories: territories)
        retention = try RetentionFile.load(from: directory.appending(path: RetentionFile.name))
    }

    public func jobFamily(id: String) -> JobFamily? { jobFamilies.first { $0.id == id } }

    public func territory(id: String) -> Territory? { territories.first { $0.id == id } }

    /// The territory a commune (NIS or INSEE code) belongs to.
    public func territory(ofCommune code: String) -> Territory? {
        territories.first { $0.commune(code: code) != nil }
    }

    /// The school calendar that applies to a territory.
    public func schoolCalendar(of territory: Territory) -> SchoolCalendar? {
        schoolCalendars.first { $0.id == territory.schoolCalendarID }
    }
}
