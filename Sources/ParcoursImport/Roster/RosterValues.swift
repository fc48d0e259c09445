import Foundation
import ParcoursModel

/// How roster cells are read; each returns nil for a value it does not accept.
enum RosterValues {
    /// Oui/Non, Yes/No, O/N, Y/N, Vrai/Faux, True/False, 1/0.
    static func yesNo(_ text: String) -> Bool? {
        switch TitleKey.make(text) {
        case "oui", "o", "yes", "y", "vrai", "true", "1": true
        case "non", "n", "no", "faux", "false", "0": false
        default: nil
        }
    }

    /// A decimal number with a comma or a point.
    static func decimal(_ text: String) -> Double? {
        let cleaned = text.trimmingSpaces.replacingOccurrences(of: ",", with: ".")
        guard !cleaned.isEmpty, cleaned.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) else { return nil }
        return Double(cleaned)
    }

    /// Working time as a fraction of full time: `0,8`, `1` or `80 %`; more than 0, at most full time.
    static func workingTime(_ text: String) -> Double? {
        var number = text.trimmingSpaces
        let percent = number.hasSuffix("%")
        if percent { number = String(number.dropLast()) }
        guard let value = decimal(number) else { return nil }
        let fraction = percent ? value / 100 : value
        return fraction > 0 && fraction <= 1 ? fraction : nil
    }

    private static let dayNames: [String: Weekday] = [
        "lun": .monday, "lundi": .monday, "mon": .monday, "monday": .monday,
        "mar": .tuesday, "mardi": .tuesday, "tue": .tuesday, "tuesday": .tuesday,
        "mer": .wednesday, "mercredi": .wednesday, "wed": .wednesday, "wednesday": .wednesday,
        "jeu": .thursday, "jeudi": .thursday, "thu": .thursday, "thursday": .thursday,
        "ven": .friday, "vendredi": .friday, "fri": .friday, "friday": .friday,
        "sam": .saturday, "samedi": .saturday, "sat": .saturday, "saturday": .saturday,
        "dim": .sunday, "dimanche": .sunday, "sun": .sunday, "sunday": .sunday,
    ]

    /// Days in French or English, short or long, separated by spaces or commas; `lun-ven` is a
    /// range.
    static func workingDays(_ text: String) -> Set<Weekday>? {
        var days: Set<Weekday> = []
        for token in TitleKey.make(text).split(whereSeparator: { $0 == " " || $0 == "," }) {
            let ends = token.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(ends.count), let first = dayNames[String(ends[0])],
                let last = dayNames[String(ends[ends.count - 1])], first <= last
            else { return nil }
            for raw in first.rawValue...last.rawValue { days.insert(Weekday(rawValue: raw)!) }
        }
        return days.isEmpty ? nil : days
    }

    /// Periods separated by spaces or commas, each `YYYY-MM-DD` (one day) or
    /// `YYYY-MM-DD/YYYY-MM-DD` (both days included); empty means none.
    static func periods(_ text: String) -> [DayRange]? {
        var ranges: [DayRange] = []
        for token in text.split(whereSeparator: { $0 == " " || $0 == "," }) {
            let ends = token.split(separator: "/", omittingEmptySubsequences: false)
            guard (1...2).contains(ends.count), let first = CalendarDay(iso: ends[0]),
                let last = CalendarDay(iso: ends[ends.count - 1]), first <= last
            else { return nil }
            ranges.append(DayRange(first: first, last: last))
        }
        return ranges
    }

    /// ISO 639-1 codes (`fr nl co`) separated by spaces or commas; empty means French.
    static func languages(_ text: String) -> [String]? {
        let codes = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard codes.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isLetter } }) else { return nil }
        return codes.isEmpty ? ["fr"] : codes
    }
}
