import Foundation
import ParcoursModel
import ParcoursOutput
import ParcoursSolver
import Testing

/// The documents of a plan the engine solved, checked from the files written: plan.json against its
/// schema by an independent validator, the cost split, privacy, the calendars by Python's icalendar.
@Suite struct PlanDocumentsTests {
    /// Writes the fixture's documents into a fresh folder; the caller removes it.
    static func written(_ language: Language = .french) throws -> URL {
        let folder = try PythonChecker.temporaryFolder()
        try PlanDocuments.write(PlanFixture.context(language), to: folder)
        return folder
    }

    /// `scripts/check/plan-report.sh` looks at the documents in a browser: it asks for them here.
    static func keepForTheBrowserCheck() throws {
        guard let path = ProcessInfo.processInfo.environment["PARCOURS_PLAN_DOCUMENTS"] else { return }
        try PlanDocuments.write(PlanFixture.context(), to: URL(fileURLWithPath: path))
    }

    static func json(_ folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appending(path: "plan.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func files(under folder: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { !$0.hasDirectoryPath }
    }

    @Test func theEngineOpensSessionsAndLeavesSomeNeedsUnmet() {
        // The fixture means something only if the plan has both.
        #expect(!PlanFixture.plan.sessions.isEmpty && !PlanFixture.plan.unmetNeeds.isEmpty)
    }

    @Test func layout() throws {
        try Self.keepForTheBrowserCheck()
        let folder = try Self.written()
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = Set(Self.files(under: folder).map { String($0.path.dropFirst(folder.path.count + 1)) })
        for expected in [
            "report.html", "plan.json", "csv/sessions.csv", "csv/assignments.csv", "csv/costs.csv",
            "csv/unmet-needs.csv", "communes/92003-andenne/plan.html", "communes/92003-andenne/agents.csv",
            "communes/2B033-bastia/plan.html",
        ] {
            #expect(paths.contains(expected), "missing \(expected)")
        }
        for planned in PlanFixture.plan.sessions {
            #expect(paths.contains("sessions/\(planned.sessionID)/provider.html"))
            #expect(paths.contains("calendars/sessions/\(planned.sessionID).ics"))
        }
        let attending = Set(PlanFixture.plan.sessions.flatMap(\.participants))
        #expect(paths.filter { $0.hasPrefix("calendars/agents/") }.count == attending.count)
    }

    @Test func planJSONFollowsItsSchema() throws {
        let folder = try Self.written()
        defer { try? FileManager.default.removeItem(at: folder) }
        let schema = PythonChecker.root.appending(path: "Sources/ParcoursOutput/Schemas/plan-v1.schema.json").path
        let plan = folder.appending(path: "plan.json")
        let output = try PythonChecker.run("json-schema-check.py", [schema, plan.path])
        #expect(output.isEmpty)
        // The validator is not a rubber stamp: a plan without its gap is refused.
        var broken = try Self.json(folder)
        broken["gap"] = nil
        let brokenURL = folder.appending(path: "broken.json")
        try JSONSerialization.data(withJSONObject: broken).write(to: brokenURL)
        #expect(throws: PythonChecker.Failure.self) {
            try PythonChecker.run("json-schema-check.py", [schema, brokenURL.path])
        }
    }

    @Test func costSharesAddUpToSessionCosts() throws {
        let folder = try Self.written()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = try Self.json(folder)
        let sessions = try #require(document["sessions"] as? [[String: Any]])
        #expect(!sessions.isEmpty)
        var perCommune: [String: Double] = [:]
        for session in sessions {
            let shares = try #require(session["communes"] as? [[String: Any]])
            let total = try #require(session["totalCost"] as? Double)
            let amounts = shares.compactMap { $0["amount"] as? Double }
            #expect(abs(amounts.reduce(0, +) - total) < 0.01, "session \(session["id"] ?? "")")
            let seats = shares.compactMap { $0["seats"] as? Int }.reduce(0, +)
            #expect(seats == (session["participants"] as? [Any])?.count)
            let fixed = try #require(session["fixedCost"] as? Double)
            let seatCost = try #require(session["seatCost"] as? Double)
            #expect(abs(fixed + seatCost * Double(seats) - total) < 0.01)
            for share in shares {
                perCommune[share["commune"] as? String ?? "", default: 0] += share["amount"] as? Double ?? 0
            }
        }
        for commune in try #require(document["communes"] as? [[String: Any]]) {
            let code = try #require(commune["code"] as? String)
            #expect(abs((commune["sessionCosts"] as? Double ?? -1) - perCommune[code, default: 0]) < 0.01, "\(code)")
        }
    }

    @Test func namesStayInTheirCommune() throws {
        let folder = try Self.written()
        defer { try? FileManager.default.removeItem(at: folder) }
        let agents = PlanFixture.problem.agents.map(\.agent)
        func names(in text: String) -> [String] {
            agents.flatMap { [$0.lastName, $0.externalID] }.filter { text.contains($0) }
        }
        for file in Self.files(under: folder) {
            let text = try String(contentsOf: file, encoding: .utf8)
            let relative = String(file.path.dropFirst(folder.path.count + 1))
            let parts = relative.split(separator: "/")
            if parts.first == "communes" {
                // A commune's folder names its own agents only.
                let code = String(parts[1].prefix { $0 != "-" })
                let foreign = agents.filter { $0.communeCode != code }.flatMap { [$0.lastName, $0.externalID] }
                #expect(foreign.allSatisfy { !text.contains($0) }, "\(relative) names another commune's agent")
            } else if parts.first == "sessions", parts.last != "provider.html" {
                let code = String(parts.last!.prefix { $0 != "-" })
                let foreign = agents.filter { $0.communeCode != code }.flatMap { [$0.lastName, $0.externalID] }
                #expect(foreign.allSatisfy { !text.contains($0) }, "\(relative) names another commune's agent")
            } else {
                #expect(names(in: text).isEmpty, "\(relative) names \(names(in: text))")
            }
        }
        // The commune's copy of a session does name its own participants.
        let planned = try #require(PlanFixture.plan.sessions.first)
        let own = try #require(planned.communes.first)
        let copies = Self.files(under: folder.appending(path: "sessions/\(planned.sessionID)"))
        let copy = try #require(copies.first { $0.lastPathComponent.hasPrefix(own.communeCode + "-") })
        let ownCopy = try String(contentsOf: copy, encoding: .utf8)
        let participant = try #require(
            planned.participants.compactMap { id in
                agents.first { $0.externalID == id && $0.communeCode == own.communeCode }
            }.first)
        #expect(ownCopy.contains(participant.lastName))
    }

    @Test func calendarsParseWithPythonIcalendar() throws {
        let folder = try Self.written()
        defer { try? FileManager.default.removeItem(at: folder) }
        let calendars = Self.files(under: folder).filter { $0.pathExtension == "ics" }.map(\.path).sorted()
        let output = try PythonChecker.run("icalendar-check.py", calendars)
        let files = try #require(try JSONSerialization.jsonObject(with: output) as? [[String: Any]])
        #expect(files.count == calendars.count)
        let sessions = Dictionary(uniqueKeysWithValues: PlanFixture.problem.sessions.map { ($0.id, $0) })
        for file in files {
            let path = file["path"] as? String ?? ""
            let events = file["events"] as? [[String: Any]] ?? []
            #expect(file["crlfOnly"] as? Bool == true && (file["longestLineOctets"] as? Int ?? 99) <= 75)
            #expect(Set(events.compactMap { $0["uid"] as? String }).count == events.count, "\(path)")
            for event in events {
                // The file's own time zone and the IANA database agree on every instant.
                #expect(event["startByVTimezone"] as? String == event["startByZoneinfo"] as? String)
                let tzid = event["tzid"] as? String
                #expect(tzid == "Europe/Brussels" || tzid == "Europe/Paris")
            }
            if path.contains("/calendars/agents/") {
                let pseudonym = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
                let agentID = try #require(
                    PlanFixture.problem.agents.first {
                        PlanFixture.context().pseudonymizer.pseudonym(of: $0.agent) == pseudonym
                    }?.agent.externalID)
                let days = PlanFixture.plan.sessions.filter { $0.participants.contains(agentID) }
                    .map { sessions[$0.sessionID]?.days.count ?? 0 }.reduce(0, +)
                #expect(events.count == days, "\(path)")
                #expect(events.allSatisfy { ($0["uid"] as? String)?.contains(pseudonym) == true })
            }
        }
    }

    @Test func englishDocumentsSpeakEnglish() throws {
        let report = PlanReportHTML.render(PlanFixture.context(.english))
        #expect(report.contains("<html lang=\"en\">") && report.contains("fill rates"))
        #expect(!report.contains("Remplissage"))
        let french = PlanReportHTML.render(PlanFixture.context())
        #expect(french.contains("Remplissage des sessions") && french.contains("Besoins non couverts"))
    }

    @Test func communeDocumentsUseTheirCountrysWording() {
        let belgian = PlanCommuneHTML.render(PlanFixture.context(), commune: "92003")
        #expect(belgian.contains("Annexe au plan de formation"))
        // What the texts could not confirm offline is left for the commune to check, not asserted.
        #expect(belgian.contains("collège communal ou conseil communal") && belgian.contains("À vérifier"))
        let french = PlanCommuneHTML.render(PlanFixture.context(), commune: "2B033")
        #expect(french.contains("Plan de développement des compétences"))
        #expect(french.contains("Avis du comité social territorial") && french.contains("assemblée délibérante"))
        #expect(french.contains("délégation du CNFPT") && !french.contains("Adopté par l’autorité territoriale"))
    }

    /// A solve stopped before its first bound: plan.json says so with nulls its schema accepts, and the
    /// report says the gap is unknown instead of printing a number.
    @Test func aPlanWithoutABoundIsWrittenWithNulls() throws {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        var fields = try #require(
            try JSONSerialization.jsonObject(with: encoder.encode(PlanFixture.plan)) as? [String: Any])
        fields["bound"] = "inf"
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let plan = try decoder.decode(TrainingPlan.self, from: JSONSerialization.data(withJSONObject: fields))
        #expect(plan.bound == .infinity)
        let fixture = PlanFixture.context()
        let context = PlanContext(
            plan: plan, problem: fixture.problem, territories: fixture.territories, framework: fixture.framework,
            families: fixture.families, providers: fixture.providers, language: .french,
            pseudonymizer: fixture.pseudonymizer, minimumCellSize: 1, generatedAt: fixture.generatedAt)
        let folder = try PythonChecker.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try PlanDocuments.write(context, to: folder)
        let json = try Self.json(folder)
        #expect(json["bound"] is NSNull && json["gap"] is NSNull)
        let schema = PythonChecker.root.appending(path: "Sources/ParcoursOutput/Schemas/plan-v1.schema.json").path
        #expect(
            try PythonChecker.run("json-schema-check.py", [schema, folder.appending(path: "plan.json").path]).isEmpty)
        let report = try String(contentsOf: folder.appending(path: "report.html"), encoding: .utf8)
        #expect(report.contains("pas de borne") && !report.contains("nan") && !report.contains("inf\u{202F}%"))
    }
}
