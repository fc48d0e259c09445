import Foundation
import ParcoursConfig
import ParcoursDiagnose
import ParcoursModel
import ParcoursStore
import ParcoursWorkflow
import Testing

/// The diagnosis of what a store holds: Pix rows linked to roster agents by matricule, else by name
/// within the commune of the row's organisation; ambiguous and unmatched rows counted and left out.
@Suite struct DiagnosisAssemblyTests {
    static let gesves = "92054"
    static let furiani = "2B120"

    static func agent(_ id: String, _ lastName: String, _ firstName: String, commune: String = gesves) -> Agent {
        Agent(
            externalID: id, lastName: lastName, firstName: firstName, communeCode: commune,
            jobFamilyID: "administrative", statusID: commune == gesves ? "statutaire" : "titulaire",
            equipment: [.workComputer], workingTime: 1, workingDays: [.monday, .tuesday], hasCar: true,
            maximumTravelKilometres: 30, unavailable: [], languages: ["fr"])
    }

    static func row(
        organization: String, externalID: String?, _ lastName: String, _ firstName: String, level: Int, line: Int
    ) -> PixParticipation {
        PixParticipation(
            campaign: PixCampaign(
                organizationName: organization, campaignID: "C-\(organization.count)", code: "CODE", name: "Profils",
                kind: .profilesCollection, targetProfileName: nil),
            externalID: externalID, lastName: lastName, firstName: firstName, shared: true, sharedAt: nil,
            levels: [CompetenceCode("3.1"): level], pix: [CompetenceCode("3.1"): level * 8], mastery: nil,
            skills: nil, estimatedLevels: nil, extraColumns: [:], line: line)
    }

    /// Five agents (two of Gesves with the same names) and six Pix rows: two linked (matricule, name),
    /// one ambiguous, three unmatched (unknown names, a supra-communal organisation without matricule,
    /// a matricule no roster holds).
    static func assembled() async throws -> DiagnosisAssembly {
        let store = try SQLiteStore(path: ":memory:")
        let agents = [
            agent("G-1", "Lambert", "Anne"), agent("G-2", "Piron", "Marc"), agent("G-3", "Dupont", "Marie"),
            agent("G-4", "Dupont", "Marie"), agent("F-1", "Santoni", "Paul", commune: furiani),
        ]
        _ = try await store.importRoster(SourceFile(name: "roster.csv", contentHash: "r"), agents: agents)
        let gesvesOrganization = "Administration communale de Gesves"
        let rows = [
            row(organization: gesvesOrganization, externalID: "G-1", "Autre", "Nom", level: 4, line: 2),
            row(organization: gesvesOrganization, externalID: nil, "PIRON", "Marc", level: 1, line: 3),
            row(organization: gesvesOrganization, externalID: nil, "Dupont", "Marie", level: 2, line: 4),
            row(organization: gesvesOrganization, externalID: nil, "Inconnu", "Jean", level: 2, line: 5),
            row(organization: "Province de Namur", externalID: nil, "Lambert", "Anne", level: 5, line: 6),
            row(organization: "Commune de Furiani", externalID: "F-99", "Santoni", "Paula", level: 3, line: 7),
        ]
        _ = try await store.importPixExport(SourceFile(name: "pix.csv", contentHash: "p"), participations: rows)
        return try await DiagnosisAssembly(configuration: try WorkflowFixtures.configuration.get(), store: store)
    }

    @Test func countsAmbiguousAndUnmatchedRowsAndLinksTheOthers() async throws {
        let assembly = try await Self.assembled()
        #expect(assembly.ambiguousRows == 1)
        #expect(assembly.unmatchedRows == 3)
        let agents = assembly.territories.flatMap(\.agents)
        func standing(_ id: String) -> Standing? {
            agents.first { $0.agent.externalID == id }?.standings.first { $0.competence == CompetenceCode("3.1") }
        }
        // Linked by matricule although the names differ, and by name (case aside) without one.
        #expect(standing("G-1")?.current == CurrentLevel(level: 4, source: .measured))
        #expect(standing("G-2")?.current == CurrentLevel(level: 1, source: .measured))
        // The namesakes get nothing: their row is ambiguous, never given to one of them.
        for id in ["G-3", "G-4", "F-1"] {
            #expect(agents.first { $0.agent.externalID == id }?.isAssessed == false, "\(id)")
        }
    }

    @Test func placesAgentsInTheirTerritoryAndListsTheirCommunes() async throws {
        let assembly = try await Self.assembled()
        let byTerritory = Dictionary(
            uniqueKeysWithValues: assembly.territories.map { ($0.territory.id, $0.agents.map(\.agent.externalID)) })
        #expect(byTerritory["namur"] == ["G-1", "G-2", "G-3", "G-4"])
        #expect(byTerritory["bastia"] == ["F-1"])
        #expect(assembly.communesWithAgents == [Self.gesves, Self.furiani])
    }

    @Test func linkingNoteCountsRowsWithoutNamingAnyone() async throws {
        let assembly = try await Self.assembled()
        let note = try #require(assembly.linkingNote(language: .english))
        #expect(note.hasPrefix("1 Pix rows ambiguous"))
        #expect(note.contains("3 matching no agent"))
        for name in ["Dupont", "Inconnu", "Lambert", "Santoni"] {
            #expect(!note.contains(name))
        }
    }

    @Test func noLinkingNoteWhenEveryRowIsLinked() async throws {
        let store = try SQLiteStore(path: ":memory:")
        _ = try await store.importRoster(
            SourceFile(name: "roster.csv", contentHash: "r"), agents: [Self.agent("G-1", "Lambert", "Anne")])
        _ = try await store.importPixExport(
            SourceFile(name: "pix.csv", contentHash: "p"),
            participations: [
                Self.row(
                    organization: "Administration communale de Gesves", externalID: "G-1", "Lambert", "Anne", level: 3,
                    line: 2)
            ])
        let assembly = try await DiagnosisAssembly(
            configuration: try WorkflowFixtures.configuration.get(), store: store)
        #expect(assembly.linkingNote(language: .french) == nil)
        #expect(assembly.ambiguousRows == 0 && assembly.unmatchedRows == 0)
    }
}
