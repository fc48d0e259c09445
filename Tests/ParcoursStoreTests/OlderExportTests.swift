import Foundation
import ParcoursModel
import ParcoursStore
import Testing

@Suite struct OlderExportTests {
    static func row(_ externalID: String, level: Int, sharedOn day: Int?) -> PixRow {
        PixRow(
            campaign: StoreTests.profiles, competences: [CompetenceCode("1.1")], externalID: externalID,
            lastName: "Dupont", firstName: "Anne", shared: day != nil,
            sharedAt: day.map { Date(timeIntervalSince1970: Double($0) * 86_400) },
            profileResults: day == nil ? [] : [PixProfileResult(level: level, pix: level * 8)], line: 2)
    }

    @Test(arguments: Backend.available)
    func anOlderExportOfAStoredCampaignIsRefusedAndChangesNothing(backend: Backend) async throws {
        let store = try await backend.makeStore()
        // The newer export (shares up to day 20 000) is imported first.
        _ = try await store.importPixExport(
            SourceFile(name: "new.csv", contentHash: "new"),
            rows: [Self.row("1", level: 3, sharedOn: 19_990), Self.row("2", level: 4, sharedOn: 20_000)])

        let error = await #expect(throws: OlderExportError.self) {
            try await store.importPixExport(
                SourceFile(name: "old.csv", contentHash: "old"),
                rows: [Self.row("1", level: 1, sharedOn: 19_990), Self.row("2", level: 0, sharedOn: nil)])
        }
        #expect(error?.file == "old.csv")
        #expect(error?.campaignCode == "PROANDENNE")
        #expect(error?.exportLatestShare == Date(timeIntervalSince1970: 19_990 * 86_400))
        #expect(error?.message(in: .english).contains("2024-09-24") == true)

        let stored = try await store.participations().map { $0.levels?[CompetenceCode("1.1")] }
        #expect(stored == [3, 4])
        #expect(try await store.importedFiles().map(\.name) == ["new.csv"])
    }

    @Test(arguments: Backend.available)
    func anExportWithTheSameLatestShareReplacesTheStoredOne(backend: Backend) async throws {
        let store = try await backend.makeStore()
        _ = try await store.importPixExport(
            SourceFile(name: "a.csv", contentHash: "a"), rows: [Self.row("1", level: 2, sharedOn: 20_000)])
        _ = try await store.importPixExport(
            SourceFile(name: "b.csv", contentHash: "b"),
            rows: [Self.row("1", level: 2, sharedOn: 20_000), Self.row("2", level: 5, sharedOn: 19_000)])
        #expect(try await store.participations().count == 2)
    }
}
