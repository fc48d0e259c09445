import Foundation
import ParcoursImport
import ParcoursModel
import Testing

@Suite struct PixRulesTests {
    @Test func estimatesALevelPerFifthOfMasteredSkills() {
        let ratios = [0, 0.19, 0.2, 0.33, 0.4, 0.6, 0.62, 0.7, 0.8, 0.99, 1, 1.2, -0.1]
        #expect(ratios.map { AssessmentLevelEstimate.level(mastery: $0) } == [0, 0, 1, 1, 2, 3, 3, 3, 4, 4, 5, 5, 0])
    }

    /// Paris wall-clock times become the right instants on both sides of the summer-time changes.
    @Test func readsParisTimesAcrossSummerTimeChanges() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Paris")!
        let times = [
            (2025, 3, 30, 1, 59), (2025, 3, 30, 3, 0), (2025, 10, 26, 1, 59), (2025, 10, 26, 3, 0),
            (2019, 3, 2, 0, 4), (2024, 2, 29, 23, 59), (2024, 7, 14, 12, 0), (2023, 12, 31, 23, 30),
        ]
        for (year, month, day, hour, minute) in times {
            let text = String(format: "%02d/%02d/%04d %02d:%02d", day, month, year, hour, minute)
            let rows = try readPix(
                "Nom de l'organisation;ID Campagne;Code;Nom de la campagne;Nom du Participant;Prénom du Participant;Envoi (O/N);Date et heure de l'envoi (Europe/Paris);Niveau pour la compétence Programmer;Nombre de pix pour la compétence Programmer\nO;1;C;N;A;B;Oui;\(text);1;8\n"
            )
            let expected = calendar.date(
                from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))
            #expect(rows[0].sharedAt == expected, "\(text)")
        }
    }

    private func participation(
        campaign: String, kind: PixCampaignKind, shared: Bool = true, sharedAt: Date?,
        levels: [CompetenceCode: Int]? = nil, estimated: [CompetenceCode: Int]? = nil
    ) -> PixParticipation {
        PixParticipation(
            campaign: PixCampaign(
                organizationName: "O", campaignID: campaign, code: "C", name: "N", kind: kind, targetProfileName: nil),
            externalID: "A1", lastName: "L", firstName: "F", shared: shared, sharedAt: sharedAt, levels: levels,
            pix: nil, mastery: nil, skills: nil, estimatedLevels: estimated, extraColumns: [:], line: 2)
    }

    @Test func keepsTheLatestSharedResultPerCompetence() {
        let current = PixConsolidation.currentLevels(of: [
            participation(
                campaign: "2025", kind: .profilesCollection, sharedAt: utc(2025, 3, 1),
                levels: [code("1.1"): 2, code("4.1"): 1, code("5.1"): 3]),
            participation(
                campaign: "2024", kind: .profilesCollection, sharedAt: utc(2024, 3, 1),
                levels: [code("1.1"): 4, code("4.1"): 4, code("5.1"): 4]),
            participation(
                campaign: "cyber", kind: .assessment, sharedAt: utc(2025, 6, 1), estimated: [code("4.1"): 3]),
            participation(
                campaign: "later-not-shared", kind: .profilesCollection, shared: false, sharedAt: nil,
                levels: [code("1.1"): 8]),
            participation(
                campaign: "same-day", kind: .assessment, sharedAt: utc(2025, 3, 1), estimated: [code("5.1"): 1]),
        ])
        #expect(
            current[code("1.1")]
                == ConsolidatedLevel(level: 2, source: .measured, sharedAt: utc(2025, 3, 1), campaignID: "2025"))
        #expect(
            current[code("4.1")]
                == ConsolidatedLevel(level: 3, source: .estimated, sharedAt: utc(2025, 6, 1), campaignID: "cyber"))
        #expect(current[code("5.1")]?.level == 3 && current[code("5.1")]?.source == .measured)
        #expect(current[code("2.1")] == nil)
    }
}
