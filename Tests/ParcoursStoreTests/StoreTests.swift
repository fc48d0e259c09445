import Foundation
import ParcoursModel
import ParcoursStore
import Testing

/// What every store does (``Backend``): imports all or nothing, rows read back as written.
@Suite struct StoreTests {
    static let profiles = PixCampaign(
        organizationName: "Commune d'Andenne", campaignID: "1001", code: "PROANDENNE", name: "Profils 2024",
        kind: .profilesCollection, targetProfileName: nil)
    static let assessment = PixCampaign(
        organizationName: "Commune d'Andenne", campaignID: "2002", code: "EVALANDENNE", name: "Socle",
        kind: .assessment, targetProfileName: "Socle de base")

    static func profileRow(_ externalID: String, level: Int, line: Int) -> PixRow {
        PixRow(
            campaign: profiles, competences: [CompetenceCode("1.1"), CompetenceCode("1.2")], externalID: externalID,
            lastName: "Dupont", firstName: "Anne", shared: true, sharedAt: Date(timeIntervalSince1970: 1_700_000_000),
            profileResults: [PixProfileResult(level: level, pix: level * 8 + 3), PixProfileResult(level: 0, pix: 0)],
            extraColumns: ["Matricule": externalID], line: line)
    }

    static let assessed = PixRow(
        campaign: assessment, competences: [CompetenceCode("3.1")], externalID: "007", lastName: "Martin",
        firstName: "Léa", shared: true, sharedAt: nil,
        assessmentResults: [
            PixAssessmentResult(mastery: 2.0 / 3.0, skills: SkillCount(total: 9, mastered: 6), estimatedLevel: 3)
        ], line: 2)

    static let notShared = PixRow(
        campaign: profiles, competences: [CompetenceCode("1.1")], externalID: nil, lastName: "Lambert",
        firstName: "Luc", shared: false, sharedAt: nil, line: 4)

    static func agent(_ id: String, commune: String) -> Agent {
        Agent(
            externalID: id, lastName: "Nom\(id)", firstName: "Prénom", communeCode: commune,
            jobFamilyID: "administrative",
            statusID: "statutaire", equipment: [.workComputer, .smartphone], workingTime: 0.8,
            workingDays: [.monday, .tuesday, .thursday], hasCar: true, maximumTravelKilometres: 25,
            unavailable: [
                DayRange(
                    first: CalendarDay(year: 2025, month: 7, day: 1), last: CalendarDay(year: 2025, month: 7, day: 31))
            ], languages: ["fr", "nl"])
    }

    struct ProducerFailure: Error {}

    @Test(arguments: Backend.available)
    func participationsRoundTripWithMeasuredAndEstimatedLevelsApart(backend: Backend) async throws {
        let store = try await backend.makeStore()
        let rows = [Self.profileRow("00042", level: 2, line: 2), Self.notShared, Self.assessed]
        let outcome = try await store.importPixExport(SourceFile(name: "a.csv", contentHash: "h1"), rows: rows)
        #expect(outcome == .imported(rows: 3))
        let stored = try await store.participations()
        #expect(stored == rows.map(\.participation))
        #expect(stored[0].levels == [CompetenceCode("1.1"): 2, CompetenceCode("1.2"): 0])
        #expect(stored[0].estimatedLevels == nil && stored[0].mastery == nil)
        #expect(stored[1].levels == nil && stored[1].pix == nil)
        #expect(stored[2].levels == nil && stored[2].mastery == [CompetenceCode("3.1"): 2.0 / 3.0])
    }

    @Test(arguments: Backend.available)
    func participationsAsTheReaderMakesThemAreStoredUnchanged(backend: Backend) async throws {
        let store = try await backend.makeStore()
        let participations = [Self.profileRow("00042", level: 2, line: 2), Self.notShared, Self.assessed].map(
            \.participation)
        _ = try await store.importPixExport(
            SourceFile(name: "a.csv", contentHash: "h1"), participations: participations)
        #expect(try await store.participations() == participations)
    }

    @Test(arguments: Backend.available)
    func importingTheSameContentAgainChangesNothing(backend: Backend) async throws {
        let store = try await backend.makeStore()
        let file = SourceFile(name: "export.csv", contents: Data("same bytes".utf8))
        _ = try await store.importPixExport(file, rows: [Self.profileRow("1", level: 2, line: 2)])
        var producerCalled = false
        let renamed = SourceFile(name: "renamed.csv", contents: Data("same bytes".utf8))
        let again = try await store.importPixExport(renamed) { _ in producerCalled = true }
        guard case .alreadyImported = again else {
            Issue.record("expected alreadyImported, got \(again)")
            return
        }
        #expect(!producerCalled)
        #expect(try await store.participations().count == 1)
        #expect(try await store.importedFiles().map(\.name) == ["export.csv"])
    }

    @Test(arguments: Backend.available)
    func aFailingImportStoresNothing(backend: Backend) async throws {
        let store = try await backend.makeStore()
        await #expect(throws: ProducerFailure.self) {
            try await store.importPixExport(SourceFile(name: "bad.csv", contentHash: "bad")) { add in
                try add(Self.profileRow("1", level: 2, line: 2))
                throw ProducerFailure()
            }
        }
        #expect(try await store.participations().isEmpty)
        #expect(try await store.importedFiles().isEmpty)
        // The file can be imported once fixed: its hash was not recorded.
        let outcome = try await store.importPixExport(
            SourceFile(name: "bad.csv", contentHash: "bad"), rows: [Self.profileRow("1", level: 2, line: 2)])
        #expect(outcome == .imported(rows: 1))
    }

    @Test(arguments: Backend.available)
    func aNewerExportOfACampaignReplacesTheOlderOne(backend: Backend) async throws {
        let store = try await backend.makeStore()
        _ = try await store.importPixExport(
            SourceFile(name: "old.csv", contentHash: "old"),
            rows: [Self.profileRow("1", level: 1, line: 2), Self.assessed])
        _ = try await store.importPixExport(
            SourceFile(name: "new.csv", contentHash: "new"),
            rows: [Self.profileRow("1", level: 3, line: 2), Self.profileRow("2", level: 4, line: 3)])
        let stored = try await store.participations()
        #expect(stored.filter { $0.campaign.campaignID == "1001" }.map { $0.levels?[CompetenceCode("1.1")] } == [3, 4])
        #expect(stored.filter { $0.campaign.campaignID == "2002" } == [Self.assessed.participation])
    }

    @Test(arguments: Backend.available)
    func aRosterReplacesTheAgentsOfTheCommunesItNames(backend: Backend) async throws {
        let store = try await backend.makeStore()
        _ = try await store.importRoster(
            SourceFile(name: "r1.csv", contentHash: "r1"),
            agents: [
                Self.agent("1", commune: "92003"), Self.agent("2", commune: "92003"), Self.agent("1", commune: "2B033"),
            ])
        _ = try await store.importRoster(
            SourceFile(name: "r2.csv", contentHash: "r2"), agents: [Self.agent("3", commune: "92003")])
        let agents = try await store.agents()
        #expect(agents.map { "\($0.communeCode)/\($0.externalID)" } == ["2B033/1", "92003/3"])
        #expect(agents[1] == Self.agent("3", commune: "92003"))
    }

    @Test(arguments: Backend.available)
    func aDuplicateAgentFailsTheWholeRoster(backend: Backend) async throws {
        let store = try await backend.makeStore()
        await #expect(throws: StoreError.self) {
            try await store.importRoster(
                SourceFile(name: "dup.csv", contentHash: "dup"),
                agents: [Self.agent("1", commune: "92003"), Self.agent("1", commune: "92003")])
        }
        #expect(try await store.agents().isEmpty)
        #expect(try await store.importedFiles().isEmpty)
    }

    @Test func theDatabaseIsCreatedWithItsFolderAndKeepsItsSecret() async throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "parcours-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appending(path: "nested/parcours.sqlite").path
        let secret = try await SQLiteStore(path: path).pseudonymSecret()
        #expect(secret.count == 32)
        #expect(try await SQLiteStore(path: path).pseudonymSecret() == secret)
        #expect(try await SQLiteStore(path: ":memory:").pseudonymSecret() != secret)
    }
}

@Suite struct SeveralFilesTests {
    @Test(arguments: Backend.available)
    func severalFilesAreOneTransaction(backend: Backend) async throws {
        let store = try await backend.makeStore()
        let files = [SourceFile(name: "a.csv", contentHash: "a"), SourceFile(name: "b.csv", contentHash: "b")]
        await #expect(throws: StoreTests.ProducerFailure.self) {
            try await store.importPixExports(files) { file, add in
                if file.name == "b.csv" { throw StoreTests.ProducerFailure() }
                try add(StoreTests.profileRow("1", level: 2, line: 2))
            }
        }
        #expect(try await store.importedFiles().isEmpty)
        #expect(try await store.participations().isEmpty)
        // The same content twice in one call is stored once.
        let outcomes = try await store.importPixExports(files + [SourceFile(name: "a-copy.csv", contentHash: "a")]) {
            file, add in
            try add(StoreTests.profileRow(file.name, level: 2, line: 2))
        }
        #expect(outcomes.prefix(2) == [.imported(rows: 1), .imported(rows: 1)])
        guard case .alreadyImported = outcomes[2] else {
            Issue.record("the copy was imported again")
            return
        }
    }

    @Test func aFileOnDiskIsHashedByItsBytes() throws {
        let url = FileManager.default.temporaryDirectory.appending(path: "parcours-hash-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        // Just over one 1 MiB read, so that the hash runs across two pieces.
        var bytes = Data(repeating: 0x3b, count: (1 << 20) + 1000)
        bytes[5] = 0x0a
        try bytes.write(to: url)
        let file = try SourceFile(path: url.path)
        #expect(file == SourceFile(name: url.lastPathComponent, contents: bytes))
        #expect(file != SourceFile(name: url.lastPathComponent, contents: bytes.dropLast()))
    }
}
