import Foundation
import ParcoursModel

/// `Config/procurement/themes.yaml`: the themes lots are cut by, and how trainees are grouped.
enum ThemesFile {
    static let name = "procurement/themes.yaml"

    private struct File: Decodable {
        struct Theme: Decodable {
            let id: String
            let fr: String
            let en: String
            let competences: [String]
            let cpv: String
            let remote: Bool
            let hours_per_level: Double
            let objectives_fr: String
        }
        struct Sizes: Decodable {
            let minimum: Int
            let maximum: Int
        }
        struct Band: Decodable {
            let from: Int
            let to: Int
            let fr: String
            let en: String
        }
        struct Hours: Decodable {
            let minimum: Double
            let maximum: Double
        }
        struct Calendar: Decodable {
            let lead_months: Int
            let span_months: Int
        }
        struct Policy: Decodable {
            let on_site: Sizes
            let remote: Sizes
            let level_bands: [Band]
            let session_hours: Double
            let hours_per_day: Double
            let module_hours: Hours
            let remote_for_reasons: [String]
            let calendar: Calendar
        }
        let themes: [Theme]
        let group_policy: Policy
    }

    static func load(from url: URL, framework: CompetenceFramework) throws -> ([TenderTheme], GroupSizePolicy) {
        let yaml = try YAMLFile(url: url)
        let file = try yaml.decode(File.self)
        var ids = Set<String>()
        var taught = [CompetenceCode: String]()
        let themes = try file.themes.enumerated().map { index, theme in
            let path: [FieldKey] = ["themes", .index(index)]
            try yaml.checkSlug(theme.id, at: path + ["id"])
            guard ids.insert(theme.id).inserted else {
                throw yaml.error(
                    at: path + ["id"], "theme \(theme.id) appears twice", fr: "le thème \(theme.id) apparaît deux fois")
            }
            guard !theme.competences.isEmpty else {
                throw yaml.error(at: path + ["competences"], "names no competence", fr: "ne nomme aucune compétence")
            }
            let codes = try theme.competences.enumerated().map { position, text in
                let code = CompetenceCode(text)
                let at = path + ["competences", .index(position)]
                guard framework.competence(code) != nil else {
                    throw yaml.error(
                        at: at, "unknown competence code \(text)", fr: "code de compétence inconnu \(text)")
                }
                if let other = taught.updateValue(theme.id, forKey: code) {
                    throw yaml.error(
                        at: at, "competence \(text) is already in theme \(other)",
                        fr: "la compétence \(text) est déjà dans le thème \(other)")
                }
                return code
            }
            guard theme.hours_per_level > 0, theme.hours_per_level.isFinite else {
                throw yaml.error(
                    at: path + ["hours_per_level"], "must be a positive number", fr: "doit être un nombre positif")
            }
            return TenderTheme(
                id: theme.id, titleFR: try yaml.nonEmpty(theme.fr, at: path + ["fr"]),
                titleEN: try yaml.nonEmpty(theme.en, at: path + ["en"]), competences: codes,
                cpv: try yaml.cpv(theme.cpv, at: path + ["cpv"]), remoteAllowed: theme.remote,
                hoursPerLevel: theme.hours_per_level,
                objectivesFR: try yaml.nonEmpty(theme.objectives_fr, at: path + ["objectives_fr"]))
        }
        return (themes, try policy(file.group_policy, yaml: yaml, maximumLevel: framework.maximumLevel))
    }

    private static func policy(_ policy: File.Policy, yaml: YAMLFile, maximumLevel: Int) throws -> GroupSizePolicy {
        let base: [FieldKey] = ["group_policy"]
        func sizes(_ sizes: File.Sizes, _ key: String) throws -> ClosedRange<Int> {
            guard sizes.minimum >= 1, sizes.minimum <= sizes.maximum else {
                throw yaml.error(
                    at: base + [.key(key)], "needs 1 ≤ minimum ≤ maximum", fr: "demande 1 ≤ minimum ≤ maximum")
            }
            return sizes.minimum...sizes.maximum
        }
        var next = 0
        let bands = try policy.level_bands.enumerated().map { index, band in
            guard band.from == next, band.to >= band.from else {
                throw yaml.error(
                    at: base + ["level_bands", .index(index), "from"],
                    "bands must follow each other from level 0 (expected from: \(next))",
                    fr: "les tranches doivent se suivre depuis le niveau 0 (from: \(next) attendu)")
            }
            next = band.to + 1
            return LevelBand(lowest: band.from, highest: band.to, labelFR: band.fr, labelEN: band.en)
        }
        guard next == maximumLevel + 1 else {
            throw yaml.error(
                at: base + ["level_bands"], "bands must end at level \(maximumLevel)",
                fr: "les tranches doivent finir au niveau \(maximumLevel)")
        }
        guard policy.session_hours > 0, policy.hours_per_day >= policy.session_hours else {
            throw yaml.error(
                at: base + ["session_hours"], "needs 0 < session_hours ≤ hours_per_day",
                fr: "demande 0 < session_hours ≤ hours_per_day")
        }
        guard policy.module_hours.minimum > 0, policy.module_hours.minimum <= policy.module_hours.maximum else {
            throw yaml.error(
                at: base + ["module_hours"], "needs 0 < minimum ≤ maximum", fr: "demande 0 < minimum ≤ maximum")
        }
        guard policy.calendar.lead_months >= 0, policy.calendar.span_months >= 1 else {
            throw yaml.error(
                at: base + ["calendar"], "needs lead_months ≥ 0 and span_months ≥ 1",
                fr: "demande lead_months ≥ 0 et span_months ≥ 1")
        }
        return GroupSizePolicy(
            onSite: try sizes(policy.on_site, "on_site"), remote: try sizes(policy.remote, "remote"), levelBands: bands,
            sessionHours: policy.session_hours, hoursPerDay: policy.hours_per_day,
            moduleHours: policy.module_hours.minimum...policy.module_hours.maximum,
            remoteForReasons: Set(policy.remote_for_reasons), leadMonths: policy.calendar.lead_months,
            spanMonths: policy.calendar.span_months)
    }
}
