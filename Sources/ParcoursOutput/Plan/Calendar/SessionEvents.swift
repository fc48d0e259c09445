import ParcoursModel

/// The calendar events of one session: a VEVENT per session day, with the venue, its coordinate and
/// what to bring. The UIDs derive only from keys a re-plan keeps (session id, day, agent pseudonym), so
/// importing a re-plan's file updates the events rather than duplicating them.
public struct SessionEvents: Sendable {
    public let session: TrainingSession
    public let course: Course
    /// The provider's name as people know it.
    public let providerName: String
    public let framework: CompetenceFramework
    public let language: Language

    public init(
        session: TrainingSession, course: Course, providerName: String, framework: CompetenceFramework,
        language: Language
    ) {
        self.session = session
        self.course = course
        self.providerName = providerName
        self.framework = framework
        self.language = language
    }

    /// The events of an agent's calendar, the UIDs keyed by the agent's pseudonym.
    public func events(forAgent pseudonym: String) -> [CalendarEvent] {
        events(uidSuffix: "-" + Self.token(pseudonym))
    }

    /// The events of the session's own calendar (provider, commune).
    public func sessionEvents() -> [CalendarEvent] { events(uidSuffix: "") }

    /// Equipment the session requires and does not provide: what each participant brings.
    public var equipmentToBring: [Equipment] {
        Equipment.allCases.filter { session.equipmentRequired.contains($0) && !session.equipmentProvided.contains($0) }
    }

    private func events(uidSuffix: String) -> [CalendarEvent] {
        let days = session.days.sorted { ($0.day, $0.startMinute) < ($1.day, $1.startMinute) }
        return days.enumerated().map { index, day in
            let summary =
                days.count > 1
                ? "\(course.title) (\(language.pick("jour", "day")) \(index + 1)/\(days.count))" : course.title
            return CalendarEvent(
                uid: "\(Self.token(session.id))-\(CalendarDocument.local(day, day.startMinute))\(uidSuffix)@parcours",
                summary: summary, day: day, location: location, geo: session.venue?.coordinate,
                description: description(days: days))
        }
    }

    /// Venue name and address, or the remote wording.
    public var location: String {
        guard let venue = session.venue else { return language.pick("À distance (en ligne)", "Remote (online)") }
        return venue.address.isEmpty ? venue.name : "\(venue.name), \(venue.address)"
    }

    private func description(days: [SessionDay]) -> String {
        let dates = DateText(language: language)
        var lines = [course.title, language.pick("Organisme : ", "Provider: ") + providerName]
        lines.append(language.pick("Dates :", "Dates:"))
        lines += dates.dayLines(days).map { "– " + $0 }
        let taught = course.competences.map { taught in
            let title = framework.competence(taught.code).map { language.pick($0.titleFR, $0.titleEN) }
            return
                "– \(taught.code.rawValue) \(title ?? "") (\(language.pick("jusqu’au niveau", "up to level")) \(taught.exitLevel))"
        }
        if !taught.isEmpty {
            lines.append(language.pick("Compétences travaillées :", "Competences taught:"))
            lines += taught
        }
        let bring = equipmentToBring.map { $0.label(in: language) }
        lines.append(
            bring.isEmpty
                ? language.pick(
                    "À apporter : rien, le matériel est fourni.", "To bring: nothing, equipment is provided.")
                : language.pick("À apporter : ", "To bring: ") + bring.joined(separator: ", ") + ".")
        if session.isRemote {
            lines.append(
                language.pick(
                    "Session à distance : l’organisme vous envoie le lien de connexion.",
                    "Remote session: the provider sends you the link to join."))
        } else {
            lines.append(language.pick("Lieu : ", "Venue: ") + location)
        }
        return lines.joined(separator: "\n")
    }

    /// A key safe in a UID: letters, digits, `.` and `-` kept, anything else as `_` and its hex code.
    static func token(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"):
                out.append(Character(UnicodeScalar(byte)))
            default: out += String(format: "_%02X", byte)
            }
        }
        return out
    }
}
