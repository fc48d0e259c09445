import Foundation

/// Equipment an agent has, or a course provides or requires.
public enum Equipment: String, Hashable, Codable, Sendable, CaseIterable {
    case workComputer = "computer"
    case tablet
    case smartphone
    case homeInternet = "internet"
}

/// A day of the week, Monday first (ISO 8601).
public enum Weekday: Int, Hashable, Codable, Sendable, CaseIterable, Comparable {
    case monday = 1
    case tuesday, wednesday, thursday, friday, saturday, sunday

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A calendar day, without time zone: the unit of holidays, unavailability and session dates.
public struct CalendarDay: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; returns nil for anything else or an impossible date.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...CalendarDay.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for arithmetic on days.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        Weekday(rawValue: ((dayNumber % 7 + 7) % 7 + 3) % 7 + 1)!
    }

    public func adding(days: Int) -> CalendarDay { CalendarDay(dayNumber: dayNumber + days) }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// A closed range of calendar days (both ends included).
public struct DayRange: Hashable, Codable, Sendable {
    public let first: CalendarDay
    public let last: CalendarDay

    public init(first: CalendarDay, last: CalendarDay) {
        self.first = first
        self.last = last
    }

    public func contains(_ day: CalendarDay) -> Bool { first <= day && day <= last }
}

/// An agent of a commune, as the roster describes them. Personal data: never log it.
public struct Agent: Hashable, Codable, Sendable {
    /// The organisation's identifier (matricule), kept as text; the key across imports.
    public let externalID: String
    public let lastName: String
    public let firstName: String
    /// NIS or INSEE code of the agent's commune (their workplace).
    public let communeCode: String
    public let jobFamilyID: String
    public let statusID: String
    public let equipment: Set<Equipment>
    /// Working time as a fraction of full time (1.0 = full time).
    public let workingTime: Double
    public let workingDays: Set<Weekday>
    public let hasCar: Bool
    /// The furthest the agent may travel to a session, in road kilometres.
    public let maximumTravelKilometres: Double
    public let unavailable: [DayRange]
    /// ISO 639-1 codes, e.g. `fr`, `nl`, `co`.
    public let languages: [String]

    public init(
        externalID: String, lastName: String, firstName: String, communeCode: String, jobFamilyID: String,
        statusID: String, equipment: Set<Equipment>, workingTime: Double, workingDays: Set<Weekday>,
        hasCar: Bool, maximumTravelKilometres: Double, unavailable: [DayRange], languages: [String]
    ) {
        self.externalID = externalID
        self.lastName = lastName
        self.firstName = firstName
        self.communeCode = communeCode
        self.jobFamilyID = jobFamilyID
        self.statusID = statusID
        self.equipment = equipment
        self.workingTime = workingTime
        self.workingDays = workingDays
        self.hasCar = hasCar
        self.maximumTravelKilometres = maximumTravelKilometres
        self.unavailable = unavailable
        self.languages = languages
    }
}
