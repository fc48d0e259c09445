import Foundation
import ParcoursModel

/// `Config/tagging.yaml`: terms and Formacode codes → Pix competences, and level cues.
public enum TaggingRulesFile {
    public static let name = "tagging.yaml"

    private struct File: Decodable {
        struct Weights: Decodable {
            let title: Double
            let text: Double
            let formacode: Double
        }
        struct Levels: Decodable {
            let entry: Int
            let exit: Int
        }
        struct LevelRule: Decodable {
            let terms: [String]
            let entry: Int
            let exit: Int
        }
        struct CompetenceRule: Decodable {
            let code: String
            let terms: [String]
        }
        struct FormacodeRule: Decodable {
            let code: String
            let competences: [String]
        }
        let threshold: Double
        let weights: Weights
        let default_levels: Levels
        let levels: [LevelRule]
        let competences: [CompetenceRule]
        let formacodes: [FormacodeRule]
    }

    /// Loads and checks the file against the competence framework: every code must exist, levels
    /// must run from entry to a higher exit within the scale, weights and threshold within 0…1.
    public static func load(from url: URL, framework: CompetenceFramework) throws -> TaggingRules {
        let yaml = try YAMLFile(url: url)
        let file = try yaml.decode(File.self)
        let known = Set(framework.codes)
        func check(_ code: String, _ path: [FieldKey]) throws -> CompetenceCode {
            guard known.contains(CompetenceCode(code)) else { throw yaml.error(at: path, "unknown competence \(code)") }
            return CompetenceCode(code)
        }
        func checkLevels(_ entry: Int, _ exit: Int, _ path: [FieldKey]) throws {
            guard entry >= 0, exit <= framework.maximumLevel, entry < exit else {
                throw yaml.error(at: path, "levels must satisfy 0 ≤ entry < exit ≤ \(framework.maximumLevel)")
            }
        }
        for (path, value) in [
            (["threshold"], file.threshold), (["weights", "title"], file.weights.title),
            (["weights", "text"], file.weights.text), (["weights", "formacode"], file.weights.formacode),
        ] as [([FieldKey], Double)] where !(0...1).contains(value) {
            throw yaml.error(at: path, "must be between 0 and 1")
        }
        try checkLevels(file.default_levels.entry, file.default_levels.exit, ["default_levels"])
        let levels = try file.levels.enumerated().map { index, rule in
            try checkLevels(rule.entry, rule.exit, ["levels", .index(index)])
            return TaggingRules.LevelRule(terms: rule.terms, entryLevel: rule.entry, exitLevel: rule.exit)
        }
        let competences = try file.competences.enumerated().map { index, rule in
            guard !rule.terms.isEmpty else { throw yaml.error(at: ["competences", .index(index), "terms"], "no term") }
            return TaggingRules.TermRule(
                competence: try check(rule.code, ["competences", .index(index), "code"]), terms: rule.terms)
        }
        let formacodes = try file.formacodes.enumerated().map { index, rule in
            TaggingRules.FormacodeRule(
                code: rule.code,
                competences: try rule.competences.map { try check($0, ["formacodes", .index(index), "competences"]) })
        }
        return TaggingRules(
            competences: competences, formacodes: formacodes, levels: levels,
            defaultEntryLevel: file.default_levels.entry, defaultExitLevel: file.default_levels.exit,
            titleWeight: file.weights.title, textWeight: file.weights.text, formacodeWeight: file.weights.formacode,
            threshold: file.threshold)
    }
}
