import Foundation
import ParcoursModel

/// Dates and times as people write them: `lundi 15 mars 2027, 9 h 00 – 12 h 30` in French,
/// `Monday 15 March 2027, 9:00–12:30` in English. Names come from here, not from the system's
/// locale data, so every machine writes the same words.
public struct DateText: Sendable {
    public let language: Language

    public init(language: Language) {
        self.language = language
    }

    /// `lundi 15 mars 2027` (`1er` for the first of the month) or `Monday 15 March 2027`.
    public func day(_ day: CalendarDay) -> String {
        "\(weekday(day.weekday)) \(dayOfMonth(day)) \(month(day.month)) \(day.year)"
    }

    /// `15 mars 2027` or `15 March 2027`, without the weekday.
    public func shortDay(_ day: CalendarDay) -> String {
        "\(dayOfMonth(day)) \(month(day.month)) \(day.year)"
    }

    /// The day of `date` in UTC, as ``shortDay(_:)-(CalendarDay)`` writes it (when a file was imported, a
    /// document produced).
    public func shortDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let fields = calendar.dateComponents([.year, .month, .day], from: date)
        return shortDay(CalendarDay(year: fields.year!, month: fields.month!, day: fields.day!))
    }

    /// A time of day given in minutes after midnight: `9 h 00` or `9:00`.
    public func time(minute: Int) -> String {
        let hours = minute / 60
        let minutes = String(format: "%02d", minute % 60)
        return language.pick("\(hours)\u{A0}h\u{A0}\(minutes)", "\(hours):\(minutes)")
    }

    /// `9 h 00 – 12 h 30` or `9:00–12:30`, never broken across lines (no-break space, word joiner).
    public func hours(from start: Int, to end: Int) -> String {
        language.pick(
            "\(time(minute: start))\u{A0}–\u{2060}\u{A0}\(time(minute: end))",
            "\(time(minute: start))\u{2060}–\u{2060}\(time(minute: end))")
    }

    /// A session day: `lundi 15 mars 2027, 9 h 00 – 12 h 30`.
    public func sessionDay(_ sessionDay: SessionDay) -> String {
        "\(day(sessionDay.day)), \(hours(from: sessionDay.startMinute, to: sessionDay.endMinute))"
    }

    /// A session's days, one line per calendar day with all its hours: `mardi 16 mars 2027, 9 h 00 – 12 h 30
    /// et 13 h 30 – 16 h 30` (a morning and an afternoon are one day, not two).
    public func dayLines(_ days: [SessionDay]) -> [String] {
        let byDay = Dictionary(grouping: days, by: \.day)
        return byDay.keys.sorted().map { calendarDay in
            let slots = byDay[calendarDay, default: []].sorted { $0.startMinute < $1.startMinute }
                .map { hours(from: $0.startMinute, to: $0.endMinute) }
            return "\(day(calendarDay)), " + slots.joined(separator: language.pick(" et ", " and "))
        }
    }

    /// The dates of a session in one line: its single day, or `du 15 au 22 mars 2027 (3 jours)`.
    public func sessionDates(_ days: [SessionDay]) -> String {
        guard let first = days.map(\.day).min(), let last = days.map(\.day).max() else { return "" }
        guard first != last else { return day(first) }
        let count = Set(days.map(\.day)).count
        let start =
            first.year != last.year
            ? shortDay(first)
            : first.month != last.month ? "\(dayOfMonth(first)) \(month(first.month))" : dayOfMonth(first)
        return language.pick(
            "du \(start) au \(shortDay(last)) (\(count) jours)", "\(start) to \(shortDay(last)) (\(count) days)")
    }

    public func weekday(_ weekday: Weekday) -> String {
        let french = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
        let english = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        return language.pick(french[weekday.rawValue - 1], english[weekday.rawValue - 1])
    }

    /// The month's name, 1 = January.
    public func month(_ month: Int) -> String {
        let french = [
            "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
            "novembre", "décembre",
        ]
        let english = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        return language.pick(french[month - 1], english[month - 1])
    }

    private func dayOfMonth(_ day: CalendarDay) -> String {
        language == .french && day.day == 1 ? "1er" : String(day.day)
    }
}
