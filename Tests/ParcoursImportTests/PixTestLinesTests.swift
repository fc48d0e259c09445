import Foundation
import ParcoursImport
import ParcoursModel
import Testing

/// The verbatim expected lines of Pix's own integration tests (see Fixtures/README.md), each paired
/// with a header written here: Pix's tests name competences `nom en français recCompetence1/2`,
/// replaced by the titles of 1.1 and 1.2; `${campaign.id}` is filled with 123.
@Suite struct PixTestLinesTests {
    static let profileCompetences =
        "\"Niveau pour la compétence Mener une recherche et une veille d’information\";\"Nombre de pix pour la compétence Mener une recherche et une veille d’information\";\"Niveau pour la compétence Gérer des données\";\"Nombre de pix pour la compétence Gérer des données\""
    static let profilesHeader =
        "\u{FEFF}\"Nom de l'organisation\";\"ID Campagne\";\"Code\";\"Nom de la campagne\";\"Nom du Participant\";\"Prénom du Participant\";\"Envoi (O/N)\";\"Date et heure de l'envoi (Europe/Paris)\";\"Nombre de pix total\";\"Certifiable (O/N)\";\"Nombre de compétences certifiables\";"
        + profileCompetences
    static let profilesHeaderWithMail =
        "\"Nom de l'organisation\";\"ID Campagne\";\"Code\";\"Nom de la campagne\";\"Nom du Participant\";\"Prénom du Participant\";\"Mail Perso\";\"Envoi (O/N)\";\"Date et heure de l'envoi (Europe/Paris)\";\"Nombre de pix total\";\"Certifiable (O/N)\";\"Nombre de compétences certifiables\";"
        + profileCompetences
    static let legacyProfilesHeaderWithMail = profilesHeaderWithMail.replacing(
        "Date et heure de l'envoi (Europe/Paris)", with: "Date de l'envoi")

    @Test func profilesCollectionCurrentLines() throws {
        let rows = try readPix(
            Self.profilesHeader + "\n"
                + "\"Observatoire de Pix\";123;\"QWERTY456\";\"'@Campagne de Test N°2\";\"'=Bono\";\"'@Jean\";\"Oui\";\"02/03/2019 00:04\";52;\"Non\";2;1;12;5;40\n"
                + "\"Observatoire de Pix\";123;\"QWERTY456\";\"'@Campagne de Test N°2\";\"'=Bono\";\"'@Jean\";\"Non\";\"NA\";\"NA\";\"NA\";\"NA\";\"NA\";\"NA\";\"NA\";\"NA\"\n"
        )
        #expect(rows.count == 2)
        let sent = rows[0]
        #expect(sent.campaign.name == "@Campagne de Test N°2" && sent.campaign.campaignID == "123")
        #expect(sent.lastName == "=Bono" && sent.firstName == "@Jean" && sent.externalID == nil)
        #expect(sent.shared && sent.sharedAt == utc(2019, 3, 1, 23, 4))
        #expect(sent.levels?[code("1.1")] == 1 && sent.pix?[code("1.1")] == 12)
        #expect(sent.levels?[code("1.2")] == 5 && sent.pix?[code("1.2")] == 40)
        // Competences the export does not have count as level 0, so all 16 are there.
        #expect(sent.levels?.count == 16 && sent.levels?[code("5.2")] == 0)
        #expect(!rows[1].shared && rows[1].levels == nil && rows[1].pix == nil)
    }

    @Test func profilesCollectionWithExternalIdCurrentAndLegacy() throws {
        let line =
            "\"Observatoire de Pix\";123;\"QWERTY456\";\"'@Campagne de Test N°2\";\"'=Bono\";\"'@Jean\";\"'+Mon mail pro\";\"Oui\";\"02/03/2019 00:04\";52;\"Non\";2;1;12;5;40"
        let current = try readPix(Self.profilesHeaderWithMail + "\n" + line + "\n")
        #expect(current.map(\.externalID) == ["+Mon mail pro"])
        #expect(current[0].sharedAt == utc(2019, 3, 1, 23, 4))
        let legacyLine =
            "\"Observatoire de Pix\";123;\"QWERTY456\";\"'@Campagne de Test N°2\";\"'=Bono\";\"'@Jean\";\"'+Mon mail pro\";\"Oui\";2019-03-01;52;\"Non\";2;1;12;5;40"
        let legacy = try readPix(Self.legacyProfilesHeaderWithMail + "\n" + legacyLine + "\n")
        #expect(legacy[0].externalID == "+Mon mail pro")
        #expect(legacy[0].sharedAt == utc(2019, 3, 1))
        #expect(legacy[0].levels == current[0].levels && legacy[0].pix == current[0].pix)
    }

    static func assessmentHeader(externalID: String?, badges: [String], legacy: Bool = false) -> String {
        let competence = "Mener une recherche et une veille d’information"
        return
            ([
                "Nom de l'organisation", "ID Campagne", "Code", "Nom de la campagne",
                legacy ? "Nom du Profil Cible" : "Parcours", "Nom du Participant", "Prénom du Participant",
            ] + (externalID.map { [$0] } ?? []) + [
                "% de progression", legacy ? "Date de début" : "Date et heure de début (Europe/Paris)", "Partage (O/N)",
                legacy ? "Date du partage" : "Date et heure du partage (Europe/Paris)", "Palier obtenu (/1)",
            ] + badges.map { "\($0) obtenu (O/N)" } + [
                "% maitrise de l'ensemble des acquis du profil",
                "% de maitrise des acquis de la compétence \(competence)",
                "Nombre d'acquis du profil cible dans la compétence \(competence)",
                "Acquis maitrisés dans la compétence \(competence)",
                "% de maitrise des acquis du domaine Information et données",
                "Nombre d'acquis du profil cible du domaine Information et données",
                "Acquis maitrisés du domaine Information et données", "'@web1", "'@web2", "'@web3",
            ]).map { "\"\($0)\"" }.joined(separator: ";")
    }

    @Test(arguments: [false, true]) func assessmentWithExternalIdAndSkills(legacy: Bool) throws {
        let rows = try readPix(
            Self.assessmentHeader(externalID: "Identifiant", badges: ["Badge"], legacy: legacy) + "\n"
                + "\"Observatoire\";123;\"AZERTY123\";\"'@Campagne de Test N°1\";\"'+Profile 1\";\"'=Bono\";\"'@Jean\";\"toto\";1;\"25/02/2019 11:20\";\"Oui\";\"01/06/2019 11:05\";0;\"Non\";0,67;0,67;3;2;0,67;3;2;\"OK\";\"OK\";\"KO\"\n"
        )
        let row = try #require(rows.first)
        #expect(row.externalID == "toto" && row.lastName == "=Bono" && row.firstName == "@Jean")
        #expect(row.campaign.targetProfileName == "+Profile 1")
        #expect(row.shared && row.sharedAt == utc(2019, 6, 1, 9, 5))
        #expect(row.mastery == [code("1.1"): 0.67])
        #expect(row.skills == [code("1.1"): SkillCount(total: 3, mastered: 2)])
        #expect(row.estimatedLevels == [code("1.1"): 3])
        #expect(row.levels == nil)
        #expect(row.skillResults == ["@web1": .mastered, "@web2": .mastered, "@web3": .failed])
        #expect(row.extraColumns == ["Palier obtenu (/1)": "0", "Badge obtenu (O/N)": "Non"])
    }

    /// Pix's test says "two badges" but its expected line holds three Oui/Non values after the stage.
    @Test func assessmentWithSeveralBadges() throws {
        let rows = try readPix(
            Self.assessmentHeader(externalID: nil, badges: ["Badge A", "Badge B", "Badge C"]) + "\n"
                + "\"Observatoire\";123;\"AZERTY123\";\"'@Campagne de Test N°1\";\"'+Profile 1\";\"'=Bono\";\"'@Jean\";1;\"25/02/2019 11:20\";\"Oui\";\"01/06/2019 11:05\";1;\"Non\";\"Oui\";\"Non\";1;1;3;3;1;3;3;\"OK\";\"OK\";\"OK\"\n"
        )
        #expect(
            rows[0].extraColumns == [
                "Palier obtenu (/1)": "1", "Badge A obtenu (O/N)": "Non", "Badge B obtenu (O/N)": "Oui",
                "Badge C obtenu (O/N)": "Non",
            ])
        #expect(rows[0].mastery == [code("1.1"): 1] && rows[0].estimatedLevels == [code("1.1"): 5])
        #expect(rows[0].skillResults.values.allSatisfy { $0 == .mastered } && rows[0].skillResults.count == 3)
    }

    @Test func assessmentNotSharedAndAnonymised() throws {
        let rows = try readPix(
            Self.assessmentHeader(externalID: nil, badges: ["Badge"]) + "\n"
                + "\"Observatoire\";123;\"AZERTY123\";\"'@Campagne de Test N°1\";\"'+Profile 1\";\"'=Bono\";\"'@Jean\";0,333;\"25/02/2019 11:20\";\"Non\";\"NA\";\"NA\";\"NA\";\"NA\";\"NA\";\"NA\";\"NA\";\"NA\";\"NA\";\"NA\";\"NA\";\"NA\";\"NA\"\n"
                + "\"Observatoire\";123;\"AZERTY123\";\"'@Campagne de Test N°1\";\"'+Profile 1\";\"Anonymized\";\"Anonymized\";0;\"01/01/2018 01:00\";\"Non\";\"NA\";\"NA\";\"NA\";\"NA\";\"NA\";\"NA\";\"NA\";\"NA\";\"NA\";\"NA\";\"NA\";\"NA\";\"NA\"\n"
        )
        #expect(rows.count == 2)
        #expect(!rows[0].shared && rows[0].mastery == nil && rows[0].skills == nil && rows[0].skillResults.isEmpty)
        #expect(rows[0].estimatedLevels == nil && rows[0].sharedAt == nil)
        #expect(rows[1].lastName == "Anonymized" && !rows[1].shared)
    }

    /// Every header variant of `export-headers-fr.json` (current and legacy) is recognised.
    @Test(arguments: ["current", "legacy"]) func everyHeaderVariantOfTheReference(variant: String) throws {
        let json =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: fixtures.appending(path: "export-headers-fr.json"))) as! [String: Any]
        func label(_ section: String, _ key: String) -> String {
            let value = (json[section] as! [String: Any])[key]!
            if let text = value as? String { return text }
            return (value as! [String: String])[variant]!
        }
        let common = ["organization-name", "campaign-id", "campaign-code", "campaign-name"].map { label("common", $0) }
        let names = ["participant-lastname", "participant-firstname"].map { label("common", $0) }
        let learner = ["participant-division", "participant-group", "participant-student-number"].map {
            label("common", $0)
        }
        let titles = framework.competences.map(\.titleFR)
        let profiles =
            common + names + learner + ["Matricule"]
            + ["is-sent", "sent-on", "pix-score", "is-certifiable", "certifiable-skills"].map {
                label("profiles-collection", $0)
            }
            + titles.flatMap { title in
                ["skill-level", "skill-ranking"].map {
                    label("profiles-collection", $0).replacing("{name}", with: title)
                }
            }
        let profileRow =
            ["Org", "1", "C", "Camp", "Nom", "Prénom", "6e B", "G1", "00123", "007"]
            + ["Oui", variant == "current" ? "02/03/2019 00:04" : "2019-03-01", "24", "Non", "0"]
            + (0..<16).flatMap { _ in ["1", "9"] }
        let profileRows = try readPix(
            profiles.joined(separator: ";") + "\n" + profileRow.joined(separator: ";") + "\n")
        #expect(profileRows[0].externalID == "007")
        #expect(profileRows[0].extraColumns == ["Classe": "6e B", "Groupe": "G1", "Numéro Étudiant": "00123"])
        #expect(profileRows[0].levels == Dictionary(uniqueKeysWithValues: framework.codes.map { ($0, 1) }))

        let assessment =
            common + [label("assessment", "target-profile-name")] + names + ["Matricule"]
            + ["progress", "started-on", "is-shared", "shared-on", "mastery-percentage-target-profile"].map {
                label("assessment", $0)
            }
            + ["skill.mastery-percentage", "skill.total-items", "skill.items-successfully-completed"].map {
                label("assessment", $0).replacing("{name}", with: titles[15])
            }
            + [
                "competence-area.mastery-percentage", "competence-area.total-items",
                "competence-area.items-successfully-completed",
            ].map { label("assessment", $0).replacing("{name}", with: framework.areas[4].titleFR) }
        let assessmentRow =
            ["Org", "1", "C", "Camp", "Profil", "Nom", "Prénom", "A-1", "1", "NA", "Oui", "NA", "0,5"]
            + ["0,5", "4", "2", "0,5", "4", "2"]
        let assessed = try readPix(
            assessment.joined(separator: ";") + "\n" + assessmentRow.joined(separator: ";") + "\n")
        #expect(assessed[0].externalID == "A-1")
        #expect(assessed[0].mastery == [code("5.2"): 0.5] && assessed[0].estimatedLevels == [code("5.2"): 2])
    }
}
