import Foundation
import ParcoursModel
import ParcoursSolver

/// Writes every document of a plan into a folder, laid out for the people who use them:
///
/// ```
/// report.html                           the territory's report (no agent named)
/// plan.json                             the whole plan, schema parcours-plan v1 (pseudonyms)
/// csv/sessions.csv, assignments.csv, costs.csv, unmet-needs.csv
/// communes/<code>-<name>/plan.html      a commune's own document (its agents named), agents.csv, unmet-needs.csv
/// sessions/<session>/provider.html      the provider's copy (pseudonyms)
/// sessions/<session>/<code>-<name>.html each commune's copy (its own agents named)
/// calendars/agents/<pseudonym>.ics      an agent's invitations
/// calendars/sessions/<session>.ics      a session's days
/// ```
public enum PlanDocuments {
    /// Writes the documents into `folder` (created if needed) and returns the files written, in order.
    @discardableResult
    public static func write(_ context: PlanContext, to folder: URL) throws -> [URL] {
        var files: [(String, Data)] = []
        files.append(("report.html", Data(PlanReportHTML.render(context).utf8)))
        files.append(("plan.json", try PlanJSON.encode(context)))
        files += PlanCSV.tables(context).map { ("csv/\($0.name)", $0.data) }
        let agentCalendars = agentCalendars(context)
        for code in communeCodes(context) {
            let folder = "communes/\(communeFolder(context, code))"
            let html = PlanCommuneHTML.render(
                context, commune: code, calendarLinks: agentCalendars.mapValues { "../../calendars/agents/\($0.file)" })
            files.append(("\(folder)/plan.html", Data(html.utf8)))
            files += PlanCSV.communeTables(context, commune: code).map { ("\(folder)/\($0.name)", $0.data) }
        }
        for planned in context.plan.sessions {
            let folder = "sessions/\(SessionEvents.token(planned.sessionID))"
            files.append(
                (
                    "\(folder)/provider.html",
                    Data(PlanSessionHTML.render(context, session: planned.sessionID, commune: nil).utf8)
                ))
            for share in planned.communes {
                let html = PlanSessionHTML.render(context, session: planned.sessionID, commune: share.communeCode)
                files.append(("\(folder)/\(communeFolder(context, share.communeCode)).html", Data(html.utf8)))
            }
            if let calendar = sessionCalendar(context, planned) {
                files.append(
                    ("calendars/sessions/\(SessionEvents.token(planned.sessionID)).ics", Data(calendar.text.utf8)))
            }
        }
        for (_, calendar) in agentCalendars.sorted(by: { $0.value.file < $1.value.file }) {
            files.append(("calendars/agents/\(calendar.file)", Data(calendar.document.text.utf8)))
        }
        return try files.map { path, data in
            let url = folder.appending(path: path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
            return url
        }
    }

    /// The communes with agents in the plan (attending or with unmet needs), by code.
    static func communeCodes(_ context: PlanContext) -> [String] {
        let codes = context.plan.communes.map(\.communeCode) + context.plan.unmetNeeds.compactMap(\.communeCode)
        return Array(Set(codes)).sorted()
    }

    /// `92003-andenne`.
    static func communeFolder(_ context: PlanContext, _ code: String) -> String {
        "\(code)-\(slug(context.communeName(code)))"
    }

    /// Lower-case ASCII letters and digits, other runs as one `-`.
    static func slug(_ text: String) -> String {
        let folded = TitleKey.make(text)
        var out = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.hasSuffix("-") {
                out += "-"
            }
        }
        return out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }

    static func events(_ context: PlanContext, _ sessionID: String) -> SessionEvents? {
        guard let session = context.session(sessionID), let course = context.course(ofSession: sessionID) else {
            return nil
        }
        return SessionEvents(
            session: session, course: course, providerName: context.providerName(course.providerID),
            framework: context.framework, language: context.language)
    }

    static func sessionCalendar(_ context: PlanContext, _ planned: PlannedSession) -> CalendarDocument? {
        guard let events = events(context, planned.sessionID),
            let territory = context.territory(ofSession: events.session)
        else { return nil }
        return CalendarDocument(
            name: events.course.title, timeZoneIdentifier: territory.timeZoneIdentifier, events: events.sessionEvents(),
            stamp: context.generatedAt, sequence: context.revision)
    }

    /// Per agent attending: the calendar of their sessions and its file name (their pseudonym).
    static func agentCalendars(_ context: PlanContext) -> [String: (file: String, document: CalendarDocument)] {
        var sessionsByAgent: [String: Set<String>] = [:]
        for planned in context.plan.sessions {
            for agentID in planned.participants { sessionsByAgent[agentID, default: []].insert(planned.sessionID) }
        }
        var calendars: [String: (file: String, document: CalendarDocument)] = [:]
        for (agentID, sessionIDs) in sessionsByAgent {
            guard let agent = context.agent(agentID)?.agent,
                let territory = context.territory(ofCommune: agent.communeCode)
            else { continue }
            let pseudonym = context.pseudonymizer.pseudonym(of: agent)
            let agentEvents = sessionIDs.sorted().compactMap { events(context, $0)?.events(forAgent: pseudonym) }
                .joined().sorted { ($0.day.day, $0.day.startMinute) < ($1.day.day, $1.day.startMinute) }
            calendars[agentID] = (
                "\(pseudonym).ics",
                CalendarDocument(
                    name: context.t("Formations numériques", "Digital training"),
                    timeZoneIdentifier: territory.timeZoneIdentifier, events: agentEvents, stamp: context.generatedAt,
                    sequence: context.revision)
            )
        }
        return calendars
    }
}
