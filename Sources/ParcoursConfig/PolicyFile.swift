import Foundation
import ParcoursModel

/// `Config/policy.yaml`: need weights, fragility and privacy of the diagnosis.
enum PolicyFile {
    static let name = "policy.yaml"

    private struct File: Decodable {
        struct NeedWeight: Decodable { let gap_exponent: Double }
        struct Fragility: Decodable {
            let base_competences: [String]
            let below_level: Int
            let minimum_count: Int
        }
        struct Privacy: Decodable {
            struct Pseudonym: Decodable {
                let prefix: String
                let length: Int
            }
            let minimum_cell_size: Int
            let pseudonym: Pseudonym
        }
        let need_weight: NeedWeight
        let fragility: Fragility
        let privacy: Privacy
    }

    static func load(from url: URL, framework: CompetenceFramework) throws -> (DiagnosisPolicy, PseudonymPolicy) {
        let yaml = try YAMLFile(url: url)
        let file = try yaml.decode(File.self)
        guard file.need_weight.gap_exponent > 0, file.need_weight.gap_exponent.isFinite else {
            throw yaml.error(
                at: ["need_weight", "gap_exponent"], "must be a positive number", fr: "doit être un nombre positif")
        }
        let fragility = file.fragility
        for (index, code) in fragility.base_competences.enumerated()
        where framework.competence(CompetenceCode(code)) == nil {
            throw yaml.error(
                at: ["fragility", "base_competences", .index(index)], "unknown competence code \(code)",
                fr: "code de compétence inconnu \(code)")
        }
        guard (1...framework.maximumLevel).contains(fragility.below_level) else {
            throw yaml.error(
                at: ["fragility", "below_level"], "must be a level between 1 and \(framework.maximumLevel)",
                fr: "doit être un niveau entre 1 et \(framework.maximumLevel)")
        }
        guard (1...max(1, fragility.base_competences.count)).contains(fragility.minimum_count) else {
            throw yaml.error(
                at: ["fragility", "minimum_count"],
                "must be between 1 and the number of base competences (\(fragility.base_competences.count))",
                fr: "doit être entre 1 et le nombre de compétences de base (\(fragility.base_competences.count))")
        }
        guard file.privacy.minimum_cell_size >= 1 else {
            throw yaml.error(at: ["privacy", "minimum_cell_size"], "must be at least 1", fr: "doit valoir au moins 1")
        }
        let pseudonym = file.privacy.pseudonym
        guard (6...64).contains(pseudonym.length) else {
            throw yaml.error(
                at: ["privacy", "pseudonym", "length"], "must be between 6 and 64 hexadecimal digits",
                fr: "doit être entre 6 et 64 chiffres hexadécimaux")
        }
        let policy = DiagnosisPolicy(
            gapExponent: file.need_weight.gap_exponent,
            fragility: FragilityRule(
                baseCompetences: fragility.base_competences.map(CompetenceCode.init), belowLevel: fragility.below_level,
                minimumCount: fragility.minimum_count),
            minimumCellSize: file.privacy.minimum_cell_size)
        return (policy, PseudonymPolicy(prefix: pseudonym.prefix, length: pseudonym.length))
    }
}
