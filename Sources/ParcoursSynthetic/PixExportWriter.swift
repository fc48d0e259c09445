import Foundation
import ParcoursCSV
import ParcoursModel

/// A Pix Orga campaign of the synthetic data: one per commune and kind.
public struct SyntheticCampaign: Hashable, Sendable {
    public let organizationName: String
    public let id: Int
    public let code: String
    public let name: String
    public let kind: PixCampaignKind
    /// When participants took part: days from `opens` to `opens + days - 1`, working days only.
    public let opens: CalendarDay
    public let days: Int
}

/// The target profile of the synthetic assessment campaigns: Pix's cyber-security path for public
/// agents, as in the programme's "Bons comportements face aux risques" transverse path.
struct SyntheticTargetProfile {
    let name = "Cybersécurité des agents publics"
    /// Skills of the profile per competence.
    let skills: [(CompetenceCode, Int)] = [
        (CompetenceCode("1.1"), 10), (CompetenceCode("4.1"), 8), (CompetenceCode("4.2"), 6),
    ]
    /// Overall mastery needed for stages 1, 2 and 3 (stage 0 below the first).
    let stageThresholds = [0.3, 0.5, 0.8]
    let badge = "Cyber-vigilance"
    /// The badge needs this mastery on 4.1 and overall.
    let badgeThreshold = 0.5
}

/// Writes Pix Orga exports in the real format (French headers of the current version, `;`, UTF-8 with
/// BOM, LF, decimal comma, `NA`, Oui/Non, dates `DD/MM/YYYY HH:mm` Europe/Paris, the external-id
/// column named "Matricule", Pix's leading `'` before a value starting with = + - @, every text quoted
/// except digit-only values).
enum PixExportWriter {
    static func writeProfilesCollection(
        _ agents: [SyntheticAgent], campaign: SyntheticCampaign, framework: CompetenceFramework, to path: String
    ) throws(CSVError) {
        let writer = try CSVWriter(path: path, lineEnding: "\n", quoting: .textExceptDigits)
        var header: [String] = [
            "Nom de l'organisation", "ID Campagne", "Code", "Nom de la campagne", "Nom du Participant",
            "Prénom du Participant", "Matricule", "Envoi (O/N)", "Date et heure de l'envoi (Europe/Paris)",
            "Nombre de pix total", "Certifiable (O/N)", "Nombre de compétences certifiables",
        ]
        for competence in framework.competences {
            header += [
                "Niveau pour la compétence \(competence.titleFR)",
                "Nombre de pix pour la compétence \(competence.titleFR)",
            ]
        }
        writer.write(header)
        for synthetic in agents where synthetic.profilesCollection != .none {
            var random = SeededGenerator(seed: UInt64(campaign.id), stream: synthetic.agent.externalID)
            var row = campaignCells(campaign, synthetic.agent)
            guard synthetic.profilesCollection == .shared else {
                writer.write(row + ["Non"] + Array(repeating: "NA", count: 4 + 2 * framework.codes.count))
                continue
            }
            let pix = framework.codes.map { code in
                let level = synthetic.levels[code] ?? 0
                return (level, level * framework.pixPerLevel + random.integer(in: 0...(framework.pixPerLevel - 1)))
            }
            let certifiable = pix.count { $0.0 >= 1 }
            row += [
                "Oui", .text(timestamp(campaign, random: &random)), .integer(pix.reduce(0) { $0 + $1.1 }),
                certifiable >= 5 ? "Oui" : "Non", .integer(certifiable),
            ]
            for (level, points) in pix { row += [.integer(level), .integer(points)] }
            writer.write(row)
        }
        try writer.close()
    }

    static func writeAssessment(
        _ agents: [SyntheticAgent], campaign: SyntheticCampaign, framework: CompetenceFramework, to path: String
    ) throws(CSVError) {
        let profile = SyntheticTargetProfile()
        let competences = profile.skills.compactMap { code, total in framework.competence(code).map { ($0, total) } }
        let areas = framework.areas.compactMap { area -> (CompetenceArea, [CompetenceCode])? in
            let codes = competences.map(\.0.code).filter { $0.areaCode == area.code }
            return codes.isEmpty ? nil : (area, codes)
        }
        let writer = try CSVWriter(path: path, lineEnding: "\n", quoting: .textExceptDigits)
        var header: [String] = [
            "Nom de l'organisation", "ID Campagne", "Code", "Nom de la campagne", "Parcours", "Nom du Participant",
            "Prénom du Participant", "Matricule", "% de progression", "Date et heure de début (Europe/Paris)",
            "Partage (O/N)", "Date et heure du partage (Europe/Paris)",
            "Palier obtenu (/\(profile.stageThresholds.count))", "\(profile.badge) obtenu (O/N)",
            "% maitrise de l'ensemble des acquis du profil",
        ]
        for (competence, _) in competences {
            header += [
                "% de maitrise des acquis de la compétence \(competence.titleFR)",
                "Nombre d'acquis du profil cible dans la compétence \(competence.titleFR)",
                "Acquis maitrisés dans la compétence \(competence.titleFR)",
            ]
        }
        for (area, _) in areas {
            header += [
                "% de maitrise des acquis du domaine \(area.titleFR)",
                "Nombre d'acquis du profil cible du domaine \(area.titleFR)",
                "Acquis maitrisés du domaine \(area.titleFR)",
            ]
        }
        writer.write(header)
        // After "Partage (O/N)": share date, stage, badge, overall mastery, then three columns per competence and area.
        let resultColumns = 4 + 3 * (competences.count + areas.count)
        for synthetic in agents where synthetic.assessment != .none {
            var random = SeededGenerator(seed: UInt64(campaign.id), stream: synthetic.agent.externalID)
            let started = timestamp(campaign, random: &random)
            var row = campaignCells(campaign, synthetic.agent)
            row.insert(.text(profile.name), at: 4)
            guard synthetic.assessment == .shared else {
                let progress = Double(random.integer(in: 100...900)) / 1000
                writer.write(
                    row + [.decimal(progress), .text(started), "Non"] + Array(repeating: "NA", count: resultColumns))
                continue
            }
            // Mastered skills follow the true level: a fifth of the profile's skills per level, so that
            // the documented estimate (one level per fifth, full mastery = level 5) gives that level back.
            var mastered: [CompetenceCode: Int] = [:]
            for (competence, total) in competences {
                let level = synthetic.levels[competence.code] ?? 0
                let lowest = Int((Double(level * total) / 5).rounded(.up))
                let highest = Int((Double((level + 1) * total) / 5).rounded(.up)) - 1
                mastered[competence.code] =
                    level >= 5 ? total : highest >= lowest ? random.integer(in: lowest...highest) : min(total, lowest)
            }
            let totalSkills = competences.reduce(0) { $0 + $1.1 }
            let overall = Double(mastered.values.reduce(0, +)) / Double(totalSkills)
            let stage = profile.stageThresholds.count { overall >= $0 }
            let securityTotal = competences.first { $0.0.code == CompetenceCode("4.1") }?.1 ?? 1
            let security = Double(mastered[CompetenceCode("4.1")] ?? 0) / Double(securityTotal)
            let badge = overall >= profile.badgeThreshold && security >= profile.badgeThreshold
            row += [
                1, .text(started), "Oui", .text(later(started, random: &random)), .integer(stage),
                badge ? "Oui" : "Non",
                ratio(overall),
            ]
            for (competence, total) in competences {
                let count = mastered[competence.code] ?? 0
                row += [ratio(Double(count) / Double(total)), .integer(total), .integer(count)]
            }
            for (_, codes) in areas {
                let total = competences.filter { codes.contains($0.0.code) }.reduce(0) { $0 + $1.1 }
                let count = codes.reduce(0) { $0 + (mastered[$1] ?? 0) }
                row += [ratio(Double(count) / Double(total)), .integer(total), .integer(count)]
            }
            writer.write(row)
        }
        try writer.close()
    }

    /// Organisation, campaign id, code and name, then the participant's names and matricule.
    private static func campaignCells(_ campaign: SyntheticCampaign, _ agent: Agent) -> [CSVCell] {
        [
            .text(campaign.organizationName), .integer(campaign.id), .text(campaign.code), .text(campaign.name),
            .text(agent.lastName), .text(agent.firstName), .text(agent.externalID),
        ]
    }

    /// A ratio as Pix writes it: two decimals at most (`0,58`, `1`).
    private static func ratio(_ value: Double) -> CSVCell { .decimal((value * 100).rounded() / 100) }

    /// A working day of the campaign, between 08:00 and 17:59, as `DD/MM/YYYY HH:mm`.
    private static func timestamp(_ campaign: SyntheticCampaign, random: inout SeededGenerator) -> String {
        var day = campaign.opens.adding(days: random.integer(in: 0...(campaign.days - 1)))
        while day.weekday >= .saturday { day = day.adding(days: 1) }
        return String(
            format: "%02d/%02d/%04d %02d:%02d", day.day, day.month, day.year, random.integer(in: 8...17),
            random.integer(in: 0...59))
    }

    /// The same day, 20 to 89 minutes later (capped at 23:59): when an assessment was shared.
    private static func later(_ timestamp: String, random: inout SeededGenerator) -> String {
        let parts = timestamp.split(separator: " ")
        let clock = parts[1].split(separator: ":").compactMap { Int($0) }
        let minutes = min(23 * 60 + 59, clock[0] * 60 + clock[1] + random.integer(in: 20...89))
        return "\(parts[0]) " + String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }
}
