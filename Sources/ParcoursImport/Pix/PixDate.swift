import Foundation
import ParcoursCSV
import ParcoursModel

/// Dates as Pix writes them: `DD/MM/YYYY HH:mm` in Europe/Paris time (current exports) or an
/// unquoted `YYYY-MM-DD` (older profile exports, the UTC date of the event, read as midnight UTC).
enum PixDate {
    /// The instant `field` stands for; nil when it is in neither form.
    static func parse(_ field: CSVField) -> Date? {
        let bytes = field.bytes
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        if bytes.count == 16, bytes[2] == UInt8(ascii: "/"), bytes[5] == UInt8(ascii: "/"),
            bytes[10] == UInt8(ascii: " "), bytes[13] == UInt8(ascii: ":"),
            let day = number(0..<2), let month = number(3..<5), let year = number(6..<10),
            let hour = number(11..<13), let minute = number(14..<16), hour < 24, minute < 60,
            let date = CalendarDay(validYear: year, month: month, day: day)
        {
            return parisInstant(day: date, minutes: hour * 60 + minute)
        }
        if bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let date = CalendarDay(validYear: year, month: month, day: day)
        {
            return Date(timeIntervalSince1970: Double(date.dayNumber) * 86_400)
        }
        return nil
    }

    /// The instant of a Paris wall-clock time. Central European Time (UTC+1), summer time
    /// (UTC+2) from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC
    /// (the EU rule, in force in France since 1996); a time in the autumn's repeated hour is
    /// read as summer time.
    static func parisInstant(day: CalendarDay, minutes: Int) -> Date {
        let localSeconds = (day.dayNumber * 1440 + minutes) * 60
        let summer = summerTime(year: day.year)
        let asSummer = localSeconds - 7200
        let utc = summer.contains(asSummer) ? asSummer : localSeconds - 3600
        return Date(timeIntervalSince1970: Double(utc))
    }

    /// Summer time of `year`, in seconds since 1970 (UTC); years 2000–2099 are computed once.
    private static func summerTime(year: Int) -> Range<Int> {
        let index = year - 2000
        return summerTimes.indices.contains(index) ? summerTimes[index] : computeSummerTime(year: year)
    }

    private static let summerTimes: [Range<Int>] = (2000..<2100).map(computeSummerTime(year:))

    private static func computeSummerTime(year: Int) -> Range<Int> {
        let start = (lastSunday(month: 3, year: year).dayNumber * 1440 + 60) * 60
        let end = (lastSunday(month: 10, year: year).dayNumber * 1440 + 60) * 60
        return start..<end
    }

    private static func lastSunday(month: Int, year: Int) -> CalendarDay {
        let last = CalendarDay(year: year, month: month, day: CalendarDay.daysIn(month: month, year: year))
        return last.adding(days: -(last.weekday.rawValue % 7))
    }
}

extension CalendarDay {
    /// The day, when year, month and day form a real date.
    init?(validYear year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...CalendarDay.daysIn(month: month, year: year)).contains(day) else {
            return nil
        }
        self.init(year: year, month: month, day: day)
    }
}
