import Foundation
import ParcoursModel

/// `Config/calendars/public-holidays.yaml`: dated public holidays per country.
enum PublicHolidaysFile {
    static let name = "calendars/public-holidays.yaml"

    private struct Entry: Decodable {
        let date: String
        let fr: String
        let en: String
        let kind: String
    }

    static func load(from url: URL) throws -> [Country: [PublicHoliday]] {
        let yaml = try YAMLFile(url: url)
        let file = try yaml.decode([String: [Entry]].self)
        var holidays: [Country: [PublicHoliday]] = [:]
        for key in file.keys.sorted() {
            let country = try yaml.country(key, at: [.key(key)])
            var seen = Set<CalendarDay>()
            holidays[country] = try file[key, default: []].enumerated().map { index, entry in
                let path: [FieldKey] = [.key(key), .index(index)]
                let day = try yaml.day(entry.date, at: path + ["date"])
                guard seen.insert(day).inserted else {
                    throw yaml.error(
                        at: path + ["date"], "\(day) is listed twice for \(key)",
                        fr: "\(day) figure deux fois pour \(key)")
                }
                guard let kind = PublicHoliday.Kind(rawValue: entry.kind) else {
                    throw yaml.error(
                        at: path + ["kind"], "unknown kind \"\(entry.kind)\" (expected legal or customary)",
                        fr: "type inconnu « \(entry.kind) » (legal ou customary attendu)")
                }
                return PublicHoliday(day: day, nameFR: entry.fr, nameEN: entry.en, kind: kind)
            }.sorted { $0.day < $1.day }
        }
        return holidays
    }
}

/// `Config/calendars/school-holidays.yaml`: the school-holiday calendars of the territories.
enum SchoolHolidaysFile {
    static let name = "calendars/school-holidays.yaml"

    private struct File: Decodable {
        let calendars: [Calendar]
    }
    private struct Calendar: Decodable {
        let id: String
        let fr: String
        let en: String
        let country: String
        let rule: String
        let school_years: [Year]
    }
    private struct Year: Decodable {
        let year: String
        let published: Bool
        let source: String?
        let note: String?
        let periods: [Period]
    }
    private struct Period: Decodable {
        let first: String
        let last: String
        let fr: String
        let en: String
        let to_verify: Bool?
    }

    static func load(from url: URL) throws -> [SchoolCalendar] {
        let yaml = try YAMLFile(url: url)
        let file = try yaml.decode(File.self)
        var seen = Set<String>()
        return try file.calendars.enumerated().map { calendarIndex, calendar in
            let path: [FieldKey] = ["calendars", .index(calendarIndex)]
            try yaml.checkSlug(calendar.id, at: path + ["id"])
            guard seen.insert(calendar.id).inserted else {
                throw yaml.error(
                    at: path + ["id"], "calendar \(calendar.id) appears twice",
                    fr: "le calendrier \(calendar.id) apparaît deux fois")
            }
            let country = try yaml.country(calendar.country, at: path + ["country"])
            let years = try calendar.school_years.enumerated().map { yearIndex, year in
                try schoolYear(year, at: path + ["school_years", .index(yearIndex)], in: yaml)
            }
            return SchoolCalendar(
                id: calendar.id, nameFR: calendar.fr, nameEN: calendar.en, country: country,
                rule: calendar.rule.trimmingCharacters(in: .whitespacesAndNewlines), schoolYears: years)
        }
    }

    /// A school year `YYYY-YYYY` whose periods lie between 1 August of its first year and 30 September
    /// of its second (a typo in a year is the usual mistake this catches).
    private static func schoolYear(_ year: Year, at path: [FieldKey], in yaml: YAMLFile) throws -> SchoolYear {
        let parts = year.year.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, parts[1] == parts[0] + 1 else {
            throw yaml.error(
                at: path + ["year"], "\"\(year.year)\" is not a school year written YYYY-YYYY",
                fr: "« \(year.year) » n'est pas une année scolaire écrite AAAA-AAAA")
        }
        if year.published, year.source?.isEmpty ?? true {
            throw yaml.error(
                at: path + ["source"], "a published year must name its source",
                fr: "une année publiée doit citer sa source")
        }
        let window = DayRange(
            first: CalendarDay(year: parts[0], month: 8, day: 1), last: CalendarDay(year: parts[1], month: 9, day: 30))
        let periods = try year.periods.enumerated().map { index, period in
            let periodPath = path + ["periods", .index(index)]
            let first = try yaml.day(period.first, at: periodPath + ["first"])
            let last = try yaml.day(period.last, at: periodPath + ["last"])
            guard first <= last else {
                throw yaml.error(
                    at: periodPath + ["last"], "ends (\(last)) before it starts (\(first))",
                    fr: "finit (\(last)) avant de commencer (\(first))")
            }
            guard window.contains(first), window.contains(last) else {
                throw yaml.error(
                    at: periodPath + ["first"], "\(first) … \(last) is outside school year \(year.year)",
                    fr: "\(first) … \(last) sort de l'année scolaire \(year.year)")
            }
            return SchoolHolidayPeriod(
                days: DayRange(first: first, last: last), nameFR: period.fr, nameEN: period.en,
                toVerify: period.to_verify ?? false)
        }
        return SchoolYear(
            label: year.year, isPublished: year.published, source: year.source,
            note: year.note?.trimmingCharacters(in: .whitespacesAndNewlines), periods: periods)
    }
}
