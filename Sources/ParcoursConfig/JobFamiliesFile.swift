import Foundation
import ParcoursModel

/// `Config/job-families.yaml`: the programme's job families with a target level and a priority per
/// competence.
enum JobFamiliesFile {
    static let name = "job-families.yaml"

    private struct File: Decodable {
        let families: [Family]
    }
    private struct Family: Decodable {
        let id: String
        let fr: String
        let en: String
        let needs_fr: [String]?
        let reasoning: String?
    }
    private struct Target: Decodable {
        let level: Int
        let priority: Double
    }

    static func load(from url: URL, framework: CompetenceFramework) throws -> [JobFamily] {
        let yaml = try YAMLFile(url: url)
        let file = try yaml.decode(File.self)
        guard !file.families.isEmpty else {
            throw yaml.error(at: ["families"], "lists no job family", fr: "ne liste aucune famille de métiers")
        }
        var seen = Set<String>()
        return try file.families.enumerated().map { index, family in
            let path: [FieldKey] = ["families", .index(index)]
            try yaml.checkSlug(family.id, at: path + ["id"])
            guard seen.insert(family.id).inserted else {
                throw yaml.error(
                    at: path + ["id"], "job family \(family.id) appears twice",
                    fr: "la famille de métiers \(family.id) apparaît deux fois")
            }
            let listed = try yaml.decodeMapping(Target.self, at: path + ["targets"])
            var given: [String: Target] = [:]
            for (code, target) in listed {
                guard framework.competence(CompetenceCode(code)) != nil else {
                    throw yaml.error(
                        at: path + ["targets", .key(code)], "unknown competence code \(code)",
                        fr: "code de compétence inconnu \(code)")
                }
                guard given.updateValue(target, forKey: code) == nil else {
                    throw yaml.error(
                        at: path + ["targets", .key(code)], "competence \(code) is listed twice",
                        fr: "la compétence \(code) figure deux fois")
                }
            }
            var targets: [CompetenceCode: Int] = [:]
            var priorities: [CompetenceCode: Double] = [:]
            for code in framework.codes {
                guard let target = given[code.rawValue] else {
                    throw yaml.error(
                        at: path + ["targets"], "competence \(code) has no target (give level 0 when none is expected)",
                        fr: "la compétence \(code) n'a pas de cible (mettez le niveau 0 si rien n'est attendu)")
                }
                let fieldPath = path + ["targets", .key(code.rawValue)]
                guard (0...framework.maximumLevel).contains(target.level) else {
                    throw yaml.error(
                        at: fieldPath + ["level"], "level \(target.level) is outside 0…\(framework.maximumLevel)",
                        fr: "le niveau \(target.level) sort de 0…\(framework.maximumLevel)")
                }
                guard target.priority > 0, target.priority.isFinite else {
                    throw yaml.error(
                        at: fieldPath + ["priority"], "priority must be a positive number",
                        fr: "la priorité doit être un nombre positif")
                }
                targets[code] = target.level
                priorities[code] = target.priority
            }
            return JobFamily(
                id: family.id, nameFR: family.fr, nameEN: family.en, targets: targets, priorities: priorities,
                needsFR: family.needs_fr ?? [],
                reasoning: family.reasoning?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
        }
    }
}
