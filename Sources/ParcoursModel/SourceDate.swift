/// A date exactly as precise as the source gives it: a day, a month only, or unknown. Never
/// completed by guessing (LHEO `20170900` stays September 2017, `00000000` stays unknown).
public struct SourceDate: Sendable, Hashable, Codable {
    public enum Precision: String, Sendable, Hashable, Codable {
        case day
        case month
        case unknown
    }

    public let year: Int?
    public let month: Int?
    public let day: Int?

    public var precision: Precision {
        if day != nil { return .day }
        return month != nil ? .month : .unknown
    }

    public static let unknown = SourceDate(year: nil, month: nil, day: nil)

    public init(year: Int?, month: Int?, day: Int?) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// ISO 8601 at the source's precision: `2017-10-03`, `2017-09`, or nil when unknown.
    public var iso: String? {
        guard let year, let month else { return nil }
        let yearMonth = "\(year)-" + (month < 10 ? "0\(month)" : "\(month)")
        guard let day else { return yearMonth }
        return yearMonth + "-" + (day < 10 ? "0\(day)" : "\(day)")
    }

    /// The calendar day, when the source gives one.
    public var calendarDay: CalendarDay? {
        guard let year, let month, let day else { return nil }
        return CalendarDay(year: year, month: month, day: day)
    }

    /// Reads LHEO's `AAAAMMJJ`: `00000000` and `99999999` are unknown, `AAAAMM00` is a month.
    /// Nil when the text is not such a date (the caller reports it).
    public static func lheo(_ text: String) -> SourceDate? {
        var number = 0
        var count = 0
        for byte in text.utf8 {
            guard (48...57).contains(byte), count < 8 else { return nil }
            number = number * 10 + Int(byte - 48)
            count += 1
        }
        guard count == 8 else { return nil }
        if number == 0 || number == 99_999_999 { return .unknown }
        let year = number / 10_000
        let month = number / 100 % 100
        let day = number % 100
        guard (1...12).contains(month) else { return nil }
        if day == 0 { return SourceDate(year: year, month: month, day: nil) }
        guard isValid(year: year, month: month, day: day) else { return nil }
        return SourceDate(year: year, month: month, day: day)
    }

    /// Reads ISO 8601 `YYYY-MM-DD` (optionally followed by a time), `YYYY-MM`, or the French
    /// `JJ/MM/AAAA` of spreadsheets. Nil when it is none of these.
    public static func iso(_ text: String) -> SourceDate? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.contains("/") {
            let parts = trimmed.split(separator: "/").map { Int($0) }
            guard parts.count == 3, let day = parts[0], let month = parts[1], let year = parts[2], year > 999,
                isValid(year: year, month: month, day: day)
            else { return nil }
            return SourceDate(year: year, month: month, day: day)
        }
        let datePart = trimmed.prefix { $0 != "T" && $0 != " " }
        let parts = datePart.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts[0].count == 4, let year = Int(parts[0]),
            parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month)
        else { return nil }
        guard parts.count == 3 else { return SourceDate(year: year, month: month, day: nil) }
        guard parts[2].count == 2, let day = Int(parts[2]), isValid(year: year, month: month, day: day)
        else { return nil }
        return SourceDate(year: year, month: month, day: day)
    }

    private static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1...12).contains(month) && (1...CalendarDay.daysIn(month: month, year: year)).contains(day)
    }

    enum CodingKeys: String, CodingKey {
        case date
        case precision
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(iso, forKey: .date)
        try container.encode(precision, forKey: .precision)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let text = try container.decodeIfPresent(String.self, forKey: .date) else {
            self = .unknown
            return
        }
        guard let date = SourceDate.iso(text) else {
            throw DecodingError.dataCorruptedError(forKey: .date, in: container, debugDescription: "not ISO 8601")
        }
        self = date
    }
}
