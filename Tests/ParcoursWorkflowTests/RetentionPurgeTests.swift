import Foundation
import ParcoursModel
import ParcoursStore
import ParcoursWorkflow
import Testing

/// The retention period (36 months in the shipped Config), measured from the roster import and the
/// latest shared Pix participation of each agent; run at dates after the import, as if it were in the past.
@Suite struct RetentionPurgeTests {
    static let month: TimeInterval = 31 * 86_400

    static func agent(_ id: String, lastName: String) -> Agent {
        Agent(
            externalID: id, lastName: lastName, firstName: "Anne", communeCode: "92003", jobFamilyID: "administrative",
            statusID: "statutaire", equipment: [.smartphone], workingTime: 1, workingDays: [.monday], hasCar: false,
            maximumTravelKilometres: 20, unavailable: [], languages: ["fr"])
    }

    @Test(arguments: AgentErasureTests.databases)
    func agentsWithoutNewsForThePeriodAreErasedOnceTogether(database: String) async throws {
        let configuration = try WorkflowFixtures.configuration.get()
        let store = try await StoreOpening.open(database)
        _ = try await store.importRoster(
            SourceFile(name: "r.csv", contentHash: "r"),
            agents: [Self.agent("A1", lastName: "Lemaire"), Self.agent("A2", lastName: "Dubois")])
        let imported = try #require(try await store.importedFiles().first).importedAt
        // A1 shared Pix results 24 months after the roster import; A2 never took part.
        let campaign = PixCampaign(
            organizationName: "Administration communale d'Andenne", campaignID: "77", code: "ANDENNE",
            name: "Profils", kind: .profilesCollection, targetProfileName: nil)
        _ = try await store.importPixExport(
            SourceFile(name: "p.csv", contentHash: "p"),
            rows: [
                PixRow(
                    campaign: campaign, competences: [CompetenceCode("1.1")], externalID: nil, lastName: "Lemaire",
                    firstName: "Anne", shared: true, sharedAt: imported.addingTimeInterval(24 * Self.month),
                    profileResults: [PixProfileResult(level: 2, pix: 19)], line: 2)
            ])
        let purge = RetentionPurge(store: store, configuration: configuration)
        let key = { (id: String) in AgentEraser.AgentKey(communeCode: "92003", externalID: id) }

        #expect(try await purge.dueAgents(at: imported.addingTimeInterval(35 * Self.month)).isEmpty)
        #expect(try await purge.dueAgents(at: imported.addingTimeInterval(40 * Self.month)) == [key("A2")])
        let late = imported.addingTimeInterval(61 * Self.month)
        #expect(try await purge.dueAgents(at: late) == [key("A1"), key("A2")])

        let outcome = try #require(try await purge.run(at: late, route: "parcours admin purge"))
        #expect(outcome.agents == 2 && outcome.participations == 1)
        let agents = try await store.agents()
        #expect(agents.allSatisfy { $0.externalID.hasPrefix(AgentErasure.surrogatePrefix) && $0.lastName.isEmpty })
        #expect(try await store.participations().allSatisfy { $0.lastName.isEmpty && $0.levels != nil })
        let audit = try await store.auditEntries()
        #expect(audit.count == 1 && audit[0].agentCount == 2 && audit[0].userID == AuditEntry.systemUserID)
        #expect(audit[0].subject == "retention purge, 36 months")
        // Erased agents are not purged again.
        #expect(try await purge.run(at: late, route: "parcours admin purge") == nil)
    }
}
