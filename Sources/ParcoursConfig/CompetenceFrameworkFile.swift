import Foundation
import ParcoursModel

/// `Config/competences.yaml`: the Pix competence framework and level scale.
enum CompetenceFrameworkFile {
    static let name = "competences.yaml"

    private struct File: Decodable {
        struct Level: Decodable {
            let level: Int
            let fr: String
            let en: String
        }
        struct Area: Decodable {
            let code: String
            let fr: String
            let en: String
            let competences: [Competence]
        }
        struct Competence: Decodable {
            let code: String
            let fr: String
            let en: String
            let variants: [String]?
        }
        let pix_per_level: Int
        let levels: [Level]
        let areas: [Area]
    }

    static func load(from url: URL) throws -> CompetenceFramework {
        let yaml = try YAMLFile(url: url)
        let file = try yaml.decode(File.self)
        guard file.pix_per_level > 0 else {
            throw yaml.error(at: ["pix_per_level"], "must be a positive number", fr: "doit être un nombre positif")
        }
        let levelNumbers = file.levels.map(\.level)
        guard levelNumbers == Array(1...max(1, levelNumbers.count)) else {
            throw yaml.error(
                at: ["levels"], "levels must be numbered 1, 2, 3… in order",
                fr: "les niveaux doivent être numérotés 1, 2, 3… dans l'ordre")
        }
        var seen = Set<String>()
        let areas = try file.areas.enumerated().map { areaIndex, area in
            CompetenceArea(
                code: area.code, titleFR: area.fr, titleEN: area.en,
                competences: try area.competences.enumerated().map { index, competence in
                    let field: [FieldKey] = ["areas", .index(areaIndex), "competences", .index(index), "code"]
                    guard competence.code.hasPrefix(area.code + ".") else {
                        throw yaml.error(
                            at: field, "competence \(competence.code) is not in area \(area.code)",
                            fr: "la compétence \(competence.code) n'est pas du domaine \(area.code)")
                    }
                    guard seen.insert(competence.code).inserted else {
                        throw yaml.error(
                            at: field, "competence \(competence.code) appears twice",
                            fr: "la compétence \(competence.code) apparaît deux fois")
                    }
                    return Competence(
                        code: CompetenceCode(competence.code), titleFR: competence.fr, titleEN: competence.en,
                        variantsFR: competence.variants ?? [])
                })
        }
        return CompetenceFramework(
            areas: areas,
            levels: file.levels.map { LevelDescription(level: $0.level, descriptionFR: $0.fr, descriptionEN: $0.en) },
            pixPerLevel: file.pix_per_level)
    }
}
