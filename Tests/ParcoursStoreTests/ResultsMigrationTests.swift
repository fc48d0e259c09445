import Foundation
import GRDB
import ParcoursModel
import Testing

@testable import ParcoursStore

/// Migration "v3 results in participation" on a database written by the v2 schema.
@Suite struct ResultsMigrationTests {
    @Test func aVersion2DatabaseKeepsEveryResultInItsParticipationRow() async throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "parcours-v2-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appending(path: "v2.sqlite").path
        let sharedAt = Date(timeIntervalSince1970: 1_700_000_000)
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v2 catalogues")
            try await queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO importedFile (id, name, contentHash, kind, importedAt, rowCount)
                        VALUES (1, 'p.csv', 'h1', 'pix', ?, 3);
                        INSERT INTO campaign (id, pixCampaignID, code, name, organizationName, kind, targetProfileName, fileID)
                        VALUES (1, '1001', 'PRO', 'Profils', 'Commune d''Andenne', 'profiles-collection', NULL, 1),
                               (2, '2002', 'EVAL', 'Socle', 'Commune d''Andenne', 'assessment', 'Socle de base', 1);
                        INSERT INTO participation (id, campaignID, externalID, lastName, firstName, shared, sharedAt, line, extraColumns)
                        VALUES (1, 1, '00042', 'Dupont', 'Anne', 1, ?, 2, '{"Groupe":"B"}'),
                               (2, 1, NULL, 'Lambert', 'Luc', 0, NULL, 3, '{}'),
                               (3, 2, '007', 'Martin', 'Léa', 1, NULL, 2, '{}');
                        INSERT INTO participationResult
                        (participationID, competence, measuredLevel, pix, mastery, skillsTotal, skillsMastered, estimatedLevel)
                        VALUES (1, '1.1', 2, 19, NULL, NULL, NULL, NULL),
                               (1, '5.2', 0, 0, NULL, NULL, NULL, NULL),
                               (3, '3.1', NULL, NULL, 0.6666666666666666, 9, 6, 3),
                               (3, '1.2', NULL, NULL, 1.0, 4, 4, 5);
                        """, arguments: [sharedAt, sharedAt])
            }
        }
        let store = try SQLiteStore(path: path)
        let profiles = PixCampaign(
            organizationName: "Commune d'Andenne", campaignID: "1001", code: "PRO", name: "Profils",
            kind: .profilesCollection, targetProfileName: nil)
        let assessment = PixCampaign(
            organizationName: "Commune d'Andenne", campaignID: "2002", code: "EVAL", name: "Socle", kind: .assessment,
            targetProfileName: "Socle de base")
        let expected = [
            PixParticipation(
                campaign: profiles, externalID: "00042", lastName: "Dupont", firstName: "Anne", shared: true,
                sharedAt: sharedAt, levels: [CompetenceCode("1.1"): 2, CompetenceCode("5.2"): 0],
                pix: [CompetenceCode("1.1"): 19, CompetenceCode("5.2"): 0], mastery: nil, skills: nil,
                estimatedLevels: nil, extraColumns: ["Groupe": "B"], line: 2),
            PixParticipation(
                campaign: profiles, externalID: nil, lastName: "Lambert", firstName: "Luc", shared: false,
                sharedAt: nil,
                levels: nil, pix: nil, mastery: nil, skills: nil, estimatedLevels: nil, extraColumns: [:], line: 3),
            PixParticipation(
                campaign: assessment, externalID: "007", lastName: "Martin", firstName: "Léa", shared: true,
                sharedAt: nil, levels: nil, pix: nil,
                mastery: [CompetenceCode("3.1"): 2.0 / 3.0, CompetenceCode("1.2"): 1],
                skills: [
                    CompetenceCode("3.1"): SkillCount(total: 9, mastered: 6),
                    CompetenceCode("1.2"): SkillCount(total: 4, mastered: 4),
                ],
                estimatedLevels: [CompetenceCode("3.1"): 3, CompetenceCode("1.2"): 5], extraColumns: [:], line: 2),
        ]
        #expect(try await store.participations() == expected)
        // The old table is gone; SQLite's JSON functions read the new columns.
        let queue = try DatabaseQueue(path: path)
        let (oldTableExists, pix, skills) = try await queue.read { db in
            (
                try db.tableExists("participationResult"),
                try Int.fetchOne(db, sql: #"SELECT json_extract(pix, '$."1.1"') FROM participation WHERE id = 1"#),
                try String.fetchOne(db, sql: "SELECT skills FROM participation WHERE id = 3")
            )
        }
        #expect(!oldTableExists)
        #expect(pix == 19)
        #expect(skills == #"{"1.2":[4,4],"3.1":[9,6]}"#)
    }
}

@Suite struct StoredDateTests {
    @Test func writesWholeSecondsAsGRDBDoes() throws {
        let dates = [
            0, 1_700_000_000, 1_700_000_059, -86_401, 951_782_400, 4_102_444_799, 1_711_846_800, -30_000_000_000,
        ].map { Date(timeIntervalSince1970: Double($0)) }
        for date in dates + [Date(timeIntervalSince1970: 1_700_000_000.25)] {
            #expect(StoredDate.text(date).databaseValue == date.databaseValue, "\(date)")
        }
    }
}
