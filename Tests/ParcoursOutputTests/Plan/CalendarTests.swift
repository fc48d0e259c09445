import Foundation
import ParcoursModel
import ParcoursOutput
import Testing

@Suite struct CalendarTests {
    static let framework = CompetenceFramework(
        areas: [
            CompetenceArea(
                code: "3", titleFR: "Création de contenus", titleEN: "Content creation",
                competences: [
                    Competence(
                        code: CompetenceCode("3.1"), titleFR: "Développer des documents textuels",
                        titleEN: "Develop text documents")
                ])
        ], levels: [])

    static let course = Course(
        id: "C-1", providerID: "technobel", title: "Traitement de texte : mise en page, styles; modèles",
        objectives: "", content: "",
        competences: [
            TaughtCompetence(code: CompetenceCode("3.1"), entryLevel: 1, exitLevel: 3, source: .declared, confidence: 1)
        ], hours: 10, price: nil, format: .onSite, language: "fr")

    /// Two days: one in winter time (UTC+1), one after the switch to summer time on 28 March 2027 (UTC+2).
    static let session = TrainingSession(
        id: "S/2027 é", courseID: "C-1",
        days: [
            SessionDay(day: CalendarDay(year: 2027, month: 3, day: 15), startMinute: 9 * 60, endMinute: 12 * 60 + 30),
            SessionDay(day: CalendarDay(year: 2027, month: 4, day: 12), startMinute: 13 * 60 + 30, endMinute: 17 * 60),
        ],
        venue: Venue(
            name: "Maison communale d’Andenne, salle du conseil", address: "Place des Tilleuls 1; 5300 Andenne \\ BE",
            communeCode: "92003", coordinate: Coordinate(latitude: 50.4896, longitude: 5.0943)),
        minimumSeats: 4, maximumSeats: 12, fixedCost: 900, seatCost: 20, equipmentProvided: [.workComputer],
        equipmentRequired: [.workComputer, .smartphone], eligibleStatuses: [], registration: nil)

    static let stamp = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15T08:00:00Z

    static func write(_ document: CalendarDocument, in folder: URL, name: String) throws -> String {
        let url = folder.appending(path: name)
        try Data(document.text.utf8).write(to: url)
        return url.path
    }

    @Test func pythonIcalendarReadsWhatWasMeant() throws {
        let events = SessionEvents(
            session: Self.session, course: Self.course, providerName: "Technobel", framework: Self.framework,
            language: .french)
        let agentCalendar = CalendarDocument(
            name: "Formations — Camille Dubois", timeZoneIdentifier: "Europe/Brussels",
            events: events.events(forAgent: "P-3f9c2b71d0"), stamp: Self.stamp)
        let remote = TrainingSession(
            id: "R1", courseID: "C-1",
            days: [SessionDay(day: CalendarDay(year: 2027, month: 11, day: 2), startMinute: 540, endMinute: 600)],
            venue: nil, minimumSeats: 1, maximumSeats: 30, fixedCost: 0, seatCost: 0, equipmentProvided: [],
            equipmentRequired: [], eligibleStatuses: [], registration: nil)
        let remoteCalendar = CalendarDocument(
            name: "Session R1", timeZoneIdentifier: "Europe/Paris",
            events: SessionEvents(
                session: remote, course: Self.course, providerName: "CNFPT", framework: Self.framework,
                language: .english
            ).sessionEvents(), stamp: Self.stamp)
        let folder = try PythonChecker.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = [
            try Self.write(agentCalendar, in: folder, name: "agent.ics"),
            try Self.write(remoteCalendar, in: folder, name: "remote.ics"),
        ]
        let output = try PythonChecker.run("icalendar-check.py", paths)
        let files = try #require(try JSONSerialization.jsonObject(with: output) as? [[String: Any]])
        #expect(files.count == 2)
        let agent = files[0]
        #expect(agent["version"] as? String == "2.0" && agent["method"] as? String == "PUBLISH")
        #expect(agent["name"] as? String == "Formations — Camille Dubois")
        #expect(agent["timezones"] as? [String] == ["Europe/Brussels"])
        #expect(agent["crlfOnly"] as? Bool == true)
        #expect((agent["longestLineOctets"] as? Int ?? 99) <= 75)
        let agentEvents = try #require(agent["events"] as? [[String: Any]])
        #expect(agentEvents.count == 2)
        // 9:00 in Brussels is 08:00 UTC in March before the switch, 13:30 is 11:30 UTC in April after it,
        // by the file's own VTIMEZONE as by the IANA database.
        #expect(
            agentEvents.map { $0["startByVTimezone"] as? String } == ["2027-03-15T08:00:00Z", "2027-04-12T11:30:00Z"])
        #expect(
            agentEvents.map { $0["startByZoneinfo"] as? String } == ["2027-03-15T08:00:00Z", "2027-04-12T11:30:00Z"])
        #expect(
            agentEvents.map { $0["endByVTimezone"] as? String } == ["2027-03-15T11:30:00Z", "2027-04-12T15:00:00Z"])
        #expect(
            agentEvents.map { $0["uid"] as? String } == [
                "S_2F2027_20_C3_A9-20270315T090000-P-3f9c2b71d0@parcours",
                "S_2F2027_20_C3_A9-20270412T133000-P-3f9c2b71d0@parcours",
            ])
        let first = agentEvents[0]
        #expect(first["stamp"] as? String == "2027-01-15T08:00:00Z")
        #expect(first["summary"] as? String == "Traitement de texte : mise en page, styles; modèles (jour 1/2)")
        #expect(
            first["location"] as? String
                == "Maison communale d’Andenne, salle du conseil, Place des Tilleuls 1; 5300 Andenne \\ BE")
        #expect(first["geo"] as? [Double] == [50.4896, 5.0943])
        let description = try #require(first["description"] as? String)
        #expect(description.contains("– lundi 15 mars 2027, 9\u{A0}h\u{A0}00\u{A0}–\u{2060}\u{A0}12\u{A0}h\u{A0}30\n"))
        #expect(description.contains("– 3.1 Développer des documents textuels (jusqu’au niveau 3)"))
        #expect(description.contains("À apporter : smartphone."))
        let remoteFile = files[1]
        let remoteEvent = try #require((remoteFile["events"] as? [[String: Any]])?.first)
        #expect(remoteEvent["geo"] is NSNull)
        #expect(remoteEvent["location"] as? String == "Remote (online)")
        #expect(remoteEvent["uid"] as? String == "R1-20271102T090000@parcours")
        #expect(remoteEvent["startByVTimezone"] as? String == "2027-11-02T08:00:00Z")  // Paris, winter time
        #expect((remoteEvent["description"] as? String)?.contains("To bring: nothing, equipment is provided.") == true)
    }

    @Test func uidsDoNotDependOnThePlan() {
        let french = SessionEvents(
            session: Self.session, course: Self.course, providerName: "Technobel", framework: Self.framework,
            language: .french)
        let english = SessionEvents(
            session: Self.session, course: Self.course, providerName: "Other", framework: Self.framework,
            language: .english)
        #expect(french.events(forAgent: "P-1").map(\.uid) == english.events(forAgent: "P-1").map(\.uid))
        #expect(french.events(forAgent: "P-1").map(\.uid) != french.events(forAgent: "P-2").map(\.uid))
        #expect(Set(french.sessionEvents().map(\.uid)).isDisjoint(with: french.events(forAgent: "P-1").map(\.uid)))
    }

    @Test func longLinesFoldWithoutCuttingCharacters() {
        let document = CalendarDocument(
            name: String(repeating: "é", count: 100), timeZoneIdentifier: "Europe/Paris", events: [],
            stamp: Self.stamp)
        let lines = document.text.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        let unfolded = document.text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("X-WR-CALNAME:" + String(repeating: "é", count: 100) + "\r\n"))
    }
}
