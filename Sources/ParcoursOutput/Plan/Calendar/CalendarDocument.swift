import Foundation
import ParcoursModel

/// One event of a calendar: a day of a session.
public struct CalendarEvent: Hashable, Sendable {
    /// Stable across re-plans, so that a client updates the event instead of adding a second one.
    public let uid: String
    public let summary: String
    public let day: SessionDay
    /// Venue name and address, or the wording of a remote session.
    public let location: String
    /// The venue's coordinate; nil for a remote session.
    public let geo: Coordinate?
    public let description: String

    public init(uid: String, summary: String, day: SessionDay, location: String, geo: Coordinate?, description: String)
    {
        self.uid = uid
        self.summary = summary
        self.day = day
        self.location = location
        self.geo = geo
        self.description = description
    }
}

/// An iCalendar file (RFC 5545) of events in one time zone, published to be imported (METHOD:PUBLISH):
/// a VTIMEZONE for the zone, then a VEVENT per event with DTSTART/DTEND in local time with TZID.
public struct CalendarDocument: Sendable {
    /// The calendar's name as clients show it.
    public let name: String
    /// IANA identifier, e.g. `Europe/Brussels`.
    public let timeZoneIdentifier: String
    public let events: [CalendarEvent]
    /// When the plan was made (DTSTAMP).
    public let stamp: Date
    /// The plan's revision: a client replaces an event when a later file has a higher SEQUENCE.
    public let sequence: Int

    public init(name: String, timeZoneIdentifier: String, events: [CalendarEvent], stamp: Date, sequence: Int = 0) {
        self.name = name
        self.timeZoneIdentifier = timeZoneIdentifier
        self.events = events
        self.stamp = stamp
        self.sequence = sequence
    }

    /// The file's text, CRLF line ends, folded lines.
    public var text: String {
        var lines = ContentLines()
        lines.begin("VCALENDAR")
        lines.raw("VERSION", "2.0")
        lines.raw("PRODID", "-//Parcours//Plans de formation//FR")
        lines.raw("CALSCALE", "GREGORIAN")
        lines.raw("METHOD", "PUBLISH")
        lines.text("X-WR-CALNAME", name)
        lines.raw("X-WR-TIMEZONE", timeZoneIdentifier)
        let years = events.map(\.day.day.year)
        let zoned =
            TimeZoneComponent(
                identifier: timeZoneIdentifier, years: (years.min() ?? 2000)...(years.max() ?? 2000)
            ).write(into: &lines)
        let stampText = Self.utc(stamp)
        for event in events {
            lines.begin("VEVENT")
            lines.raw("UID", event.uid)
            lines.raw("DTSTAMP", stampText)
            lines.raw("SEQUENCE", String(sequence))
            lines.raw(
                zoned ? "DTSTART;TZID=\(timeZoneIdentifier)" : "DTSTART", Self.local(event.day, event.day.startMinute))
            lines.raw(zoned ? "DTEND;TZID=\(timeZoneIdentifier)" : "DTEND", Self.local(event.day, event.day.endMinute))
            lines.text("SUMMARY", event.summary)
            lines.text("LOCATION", event.location)
            if let geo = event.geo {
                lines.raw("GEO", String(format: "%.6f;%.6f", geo.latitude, geo.longitude))
            }
            lines.text("DESCRIPTION", event.description)
            lines.raw("STATUS", "CONFIRMED")
            lines.raw("TRANSP", "OPAQUE")
            lines.end("VEVENT")
        }
        lines.end("VCALENDAR")
        return lines.text
    }

    /// `20270315T090000`: a local date-time.
    static func local(_ day: SessionDay, _ minute: Int) -> String {
        String(format: "%04d%02d%02dT%02d%02d00", day.day.year, day.day.month, day.day.day, minute / 60, minute % 60)
    }

    /// `20270301T120000Z`.
    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return TimeZoneComponent.localTime(date, calendar: calendar) + "Z"
    }
}
