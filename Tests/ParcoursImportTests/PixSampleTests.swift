import Foundation
import ParcoursImport
import ParcoursModel
import Testing

@Suite struct PixSampleTests {
    @Test func readsTheProfilesCollectionSample() throws {
        let reader = try PixExportReader(
            path: fixtures.appending(path: "sample-profiles-collection.synthetic.csv").path, framework: framework)
        #expect(reader.kind == .profilesCollection)
        #expect(reader.competenceCodes == framework.codes)
        let rows = try reader.readAll()
        #expect(rows.map(\.line) == [2, 3, 4, 5])
        #expect(rows.map(\.externalID) == ["AG-0042", "12345", "=SUM(A1)", "AG-0107"])
        #expect(rows.map(\.shared) == [true, true, true, false])
        let first = rows[0]
        #expect(first.campaign.organizationName == "Province de Namur")
        #expect(first.campaign.campaignID == "240117" && first.campaign.code == "NAMUR25X")
        #expect(first.lastName == "Dupont" && first.firstName == "Marie")
        #expect(first.sharedAt == utc(2025, 3, 14, 9, 32))  // 10:32 in Paris, winter time
        #expect(rows[2].sharedAt == utc(2025, 5, 21, 7, 47))  // 09:47 in Paris, summer time
        #expect(first.levels?.count == 16 && first.pix?.count == 16)
        #expect(first.levels?[code("1.1")] == 2 && first.pix?[code("1.1")] == 21)
        #expect(first.levels?[code("3.2")] == 0 && first.pix?[code("3.2")] == 6)
        #expect(first.levels?[code("5.2")] == 0 && first.pix?[code("5.2")] == 7)
        #expect(first.mastery == nil && first.skills == nil && first.estimatedLevels == nil)
        let notShared = rows[3]
        #expect(notShared.levels == nil && notShared.pix == nil && notShared.sharedAt == nil)
        #expect(notShared.lastName == "Martin")
    }

    @Test func readsTheAssessmentSample() throws {
        let reader = try PixExportReader(
            path: fixtures.appending(path: "sample-assessment.synthetic.csv").path, framework: framework)
        #expect(reader.kind == .assessment)
        #expect(reader.competenceCodes == [code("1.1"), code("4.1"), code("4.2")])
        #expect(reader.extraColumnHeaders == ["Palier obtenu (/3)", "Cyber-vigilance obtenu (O/N)"])
        let rows = try reader.readAll()
        #expect(rows.count == 3)
        let paule = rows[0]
        #expect(paule.externalID == nil)
        #expect(paule.campaign.targetProfileName == "Cybersécurité des agents publics")
        #expect(paule.campaign.kind == .assessment)
        #expect(paule.mastery == [code("1.1"): 0.7, code("4.1"): 0.62, code("4.2"): 0.33])
        #expect(
            paule.skills == [
                code("1.1"): SkillCount(total: 10, mastered: 7), code("4.1"): SkillCount(total: 8, mastered: 5),
                code("4.2"): SkillCount(total: 6, mastered: 2),
            ])
        #expect(paule.estimatedLevels == [code("1.1"): 3, code("4.1"): 3, code("4.2"): 1])
        #expect(paule.levels == nil && paule.pix == nil)
        #expect(paule.extraColumns == ["Palier obtenu (/3)": "2", "Cyber-vigilance obtenu (O/N)": "Oui"])
        #expect(paule.sharedAt == utc(2025, 2, 3, 8, 31))
        #expect(rows[1].estimatedLevels == [code("1.1"): 5, code("4.1"): 5, code("4.2"): 5])
        let marc = rows[2]
        #expect(!marc.shared && marc.mastery == nil && marc.skills == nil && marc.estimatedLevels == nil)
    }

    @Test func readsTheSampleAsExcelResavesItInWindows1252WithCRLF() throws {
        let original = try PixExportReader(
            path: fixtures.appending(path: "sample-profiles-collection.synthetic.csv").path, framework: framework
        ).readAll()
        let resaved = try PixExportReader(
            path: fixtures.appending(path: "sample-profiles-collection.excel-windows-1252.csv").path,
            framework: framework
        ).readAll()
        #expect(resaved == original)
    }

    @Test func readsUTF8WithoutByteOrderMark() throws {
        let data = try Data(contentsOf: fixtures.appending(path: "sample-profiles-collection.synthetic.csv"))
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        let withoutBOM = try PixExportReader(bytes: Array(data.dropFirst(3)), file: "x.csv", framework: framework)
            .readAll()
        let withBOM = try PixExportReader(bytes: Array(data), file: "x.csv", framework: framework).readAll()
        #expect(withoutBOM == withBOM && withBOM.count == 4)
    }
}
