/// A day on which no session is planned in a country.
public struct PublicHoliday: Hashable, Codable, Sendable {
    /// Whether the day off is set by law or only by custom and local work rules.
    public enum Kind: String, Hashable, Codable, Sendable {
        /// A legal public holiday of the country.
        case legal
        /// A regulatory day off of local administrations that each employer's work rules confirm.
        case customary
    }

    public let day: CalendarDay
    public let nameFR: String
    public let nameEN: String
    public let kind: Kind

    public init(day: CalendarDay, nameFR: String, nameEN: String, kind: Kind) {
        self.day = day
        self.nameFR = nameFR
        self.nameEN = nameEN
        self.kind = kind
    }
}

/// A period of school holidays (first and last free day included).
public struct SchoolHolidayPeriod: Hashable, Codable, Sendable {
    public let days: DayRange
    public let nameFR: String
    public let nameEN: String
    /// True when the dates were derived from a rule, not confirmed from a published calendar.
    public let toVerify: Bool

    public init(days: DayRange, nameFR: String, nameEN: String, toVerify: Bool) {
        self.days = days
        self.nameFR = nameFR
        self.nameEN = nameEN
        self.toVerify = toVerify
    }
}

/// One school year of a school calendar, e.g. `2026-2027`.
public struct SchoolYear: Hashable, Codable, Sendable {
    /// The year as written, `YYYY-YYYY`.
    public let label: String
    /// Whether the official calendar of the year was published and its dates confirmed.
    public let isPublished: Bool
    /// Where the dates come from, when published.
    public let source: String?
    /// What is known and what is missing, in words.
    public let note: String?
    public let periods: [SchoolHolidayPeriod]

    public init(label: String, isPublished: Bool, source: String?, note: String?, periods: [SchoolHolidayPeriod]) {
        self.label = label
        self.isPublished = isPublished
        self.source = source
        self.note = note
        self.periods = periods
    }
}

/// The school-holiday calendar of a school authority (Fédération Wallonie-Bruxelles, academy of Corsica).
public struct SchoolCalendar: Hashable, Codable, Sendable {
    /// A stable slug, e.g. `fwb`, `corse`.
    public let id: String
    public let nameFR: String
    public let nameEN: String
    public let country: Country
    /// How the authority sets its dates, in words.
    public let rule: String
    public let schoolYears: [SchoolYear]

    public init(id: String, nameFR: String, nameEN: String, country: Country, rule: String, schoolYears: [SchoolYear]) {
        self.id = id
        self.nameFR = nameFR
        self.nameEN = nameEN
        self.country = country
        self.rule = rule
        self.schoolYears = schoolYears
    }

    /// The holiday period that contains a day, if any (confirmed or to verify).
    public func period(containing day: CalendarDay) -> SchoolHolidayPeriod? {
        schoolYears.lazy.flatMap(\.periods).first { $0.days.contains(day) }
    }
}
