import Foundation

/// The VTIMEZONE of an IANA time zone (RFC 5545 §3.6.5), built from the system's time-zone data for
/// the years the events span: one STANDARD or DAYLIGHT observance per transition, with its local start
/// and the offsets before and after, so that a client without the zone's rules still places the events
/// at the right instant (Europe/Brussels and Europe/Paris: UTC+1, UTC+2 from the last Sunday of March
/// to the last Sunday of October).
struct TimeZoneComponent {
    let identifier: String
    let years: ClosedRange<Int>

    /// Writes the component; returns false, writing nothing, when the system does not know the zone.
    func write(into lines: inout ContentLines) -> Bool {
        guard let zone = TimeZone(identifier: identifier) else { return false }
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        // The transition before the first year governs its first weeks: start a year earlier.
        let start = utc.date(from: DateComponents(year: years.lowerBound - 1, month: 1, day: 1))!
        let end = utc.date(from: DateComponents(year: years.upperBound + 1, month: 1, day: 1))!
        var transitions: [Date] = []
        var cursor = start
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < end {
            transitions.append(next)
            cursor = next
        }
        lines.begin("VTIMEZONE")
        lines.raw("TZID", identifier)
        if transitions.isEmpty {
            let offset = zone.secondsFromGMT(for: start)
            observance(
                "STANDARD", localStart: "19700101T000000", from: offset, to: offset,
                name: zone.abbreviation(for: start), into: &lines)
        }
        for transition in transitions {
            let before = zone.secondsFromGMT(for: transition.addingTimeInterval(-1))
            let after = zone.secondsFromGMT(for: transition)
            observance(
                zone.isDaylightSavingTime(for: transition) ? "DAYLIGHT" : "STANDARD",
                localStart: Self.localTime(transition.addingTimeInterval(TimeInterval(before)), calendar: utc),
                from: before, to: after, name: zone.abbreviation(for: transition), into: &lines)
        }
        lines.end("VTIMEZONE")
        return true
    }

    private func observance(
        _ kind: String, localStart: String, from: Int, to: Int, name: String?, into lines: inout ContentLines
    ) {
        lines.begin(kind)
        lines.raw("DTSTART", localStart)
        lines.raw("TZOFFSETFROM", Self.offset(from))
        lines.raw("TZOFFSETTO", Self.offset(to))
        // Linux's data may only know "GMT+2": a name is written only when it is a real abbreviation.
        if let name, !name.hasPrefix("GMT"), !name.hasPrefix("UTC") { lines.text("TZNAME", name) }
        lines.end(kind)
    }

    /// `+0200`.
    static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return sign + String(format: "%02d%02d", minutes / 60, minutes % 60)
    }

    /// `20270315T090000`: the wall-clock fields of `date` read in UTC.
    static func localTime(_ date: Date, calendar: Calendar) -> String {
        let fields = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d%02d%02dT%02d%02d%02d", fields.year!, fields.month!, fields.day!, fields.hour!, fields.minute!,
            fields.second!)
    }
}
