import Foundation
import ParcoursModel

/// `Config/procurement/thresholds.yaml`: the dated tiers of each country and the light-regime scope.
enum ThresholdsFile {
    static let name = "procurement/thresholds.yaml"

    private struct File: Decodable {
        struct Range: Decodable {
            let from: String
            let to: String
        }
        struct Unconfirmed: Decodable {
            let codes: [String]
            let note_fr: String
            let note_en: String
        }
        struct Light: Decodable {
            let source: String
            let cpv_ranges: [Range]
            let unconfirmed: [Unconfirmed]?
        }
        struct Tier: Decodable {
            let id: String
            let country: String
            let regimes: [String]
            let from: Double
            let below: Double?
            let valid_from: String
            let valid_until: String?
            let procedure: String
            let eforms_procedure: String
            let publication: String
            let title_fr: String
            let title_en: String
            let rule_fr: String
            let rule_en: String
            let source: String
            let to_verify: String?
        }
        let light_regime: Light
        let tiers: [Tier]
    }

    /// The eForms `procurement-procedure-type` codes (SDK 1.15 code list).
    static let eFormsProcedures: Set<String> = [
        "comp-dial", "comp-tend", "exp-int-rail", "innovation", "neg-w-call", "neg-wo-call", "open", "oth-mult",
        "oth-single", "restricted",
    ]

    static func load(from url: URL) throws -> (tiers: [ProcurementThreshold], light: LightRegimeScope) {
        let yaml = try YAMLFile(url: url)
        let file = try yaml.decode(File.self)
        let light = try lightRegime(file.light_regime, yaml: yaml)
        var seen = Set<String>()
        let tiers = try file.tiers.enumerated().map { index, tier in
            let path: [FieldKey] = ["tiers", .index(index)]
            try yaml.checkSlug(tier.id, at: path + ["id"])
            guard seen.insert(tier.id).inserted else {
                throw yaml.error(
                    at: path + ["id"], "tier \(tier.id) appears twice", fr: "le palier \(tier.id) apparaît deux fois")
            }
            let from = try yaml.amount(tier.from, at: path + ["from"], allowZero: true)
            let below = try tier.below.map { try yaml.amount($0, at: path + ["below"]) }
            if let below, below <= from {
                throw yaml.error(
                    at: path + ["below"], "must be above from (\(from))", fr: "doit dépasser from (\(from))")
            }
            let validFrom = try yaml.day(tier.valid_from, at: path + ["valid_from"])
            let validUntil = try tier.valid_until.map { try yaml.day($0, at: path + ["valid_until"]) }
            if let validUntil, validUntil < validFrom {
                throw yaml.error(
                    at: path + ["valid_until"], "is before valid_from", fr: "précède valid_from")
            }
            guard !tier.regimes.isEmpty else {
                throw yaml.error(at: path + ["regimes"], "names no regime", fr: "ne nomme aucun régime")
            }
            let regimes = try tier.regimes.enumerated().map { position, text in
                try yaml.choice(text, of: ProcurementRegime.self, at: path + ["regimes", .index(position)])
            }
            guard eFormsProcedures.contains(tier.eforms_procedure) else {
                throw yaml.error(
                    at: path + ["eforms_procedure"],
                    "\"\(tier.eforms_procedure)\" is not an eForms procurement-procedure-type code",
                    fr: "« \(tier.eforms_procedure) » n'est pas un code eForms procurement-procedure-type")
            }
            for (key, text) in [
                ("title_fr", tier.title_fr), ("title_en", tier.title_en), ("rule_fr", tier.rule_fr),
                ("rule_en", tier.rule_en), ("source", tier.source),
            ] {
                _ = try yaml.nonEmpty(text, at: path + [.key(key)])
            }
            return ProcurementThreshold(
                id: tier.id, country: try yaml.country(tier.country, at: path + ["country"]), regimes: Set(regimes),
                from: from, below: below, validFrom: validFrom, validUntil: validUntil,
                procedure: try yaml.choice(tier.procedure, of: ProcedureKind.self, at: path + ["procedure"]),
                eFormsProcedure: tier.eforms_procedure,
                publication: try yaml.choice(tier.publication, of: PublicationLevel.self, at: path + ["publication"]),
                titleFR: tier.title_fr, titleEN: tier.title_en, ruleFR: tier.rule_fr, ruleEN: tier.rule_en,
                source: tier.source, toVerify: tier.to_verify)
        }
        try checkCoverage(tiers, yaml: yaml)
        return (tiers, light)
    }

    private static func lightRegime(_ light: File.Light, yaml: YAMLFile) throws -> LightRegimeScope {
        func code(_ text: String, at path: [FieldKey]) throws -> Int {
            guard text.count == 8, text.allSatisfy(\.isASCII), let number = Int(text) else {
                throw yaml.error(
                    at: path, "\"\(text)\" is not an eight-digit CPV code",
                    fr: "« \(text) » n'est pas un code CPV à huit chiffres")
            }
            return number
        }
        let base: [FieldKey] = ["light_regime"]
        let ranges = try light.cpv_ranges.enumerated().map { index, range in
            let path = base + ["cpv_ranges", .index(index)]
            let low = try code(range.from, at: path + ["from"])
            let high = try code(range.to, at: path + ["to"])
            guard low <= high else {
                throw yaml.error(at: path + ["to"], "is below from", fr: "est inférieur à from")
            }
            return low...high
        }
        let unconfirmed = try (light.unconfirmed ?? []).enumerated().map { index, doubt in
            let path = base + ["unconfirmed", .index(index)]
            for (position, text) in doubt.codes.enumerated() {
                _ = try code(text, at: path + ["codes", .index(position)])
            }
            return LightRegimeScope.Unconfirmed(
                codes: Set(doubt.codes), noteFR: try yaml.nonEmpty(doubt.note_fr, at: path + ["note_fr"]),
                noteEN: try yaml.nonEmpty(doubt.note_en, at: path + ["note_en"]))
        }
        return LightRegimeScope(
            ranges: ranges, unconfirmed: unconfirmed, source: try yaml.nonEmpty(light.source, at: base + ["source"]))
    }

    /// On every day a tier starts or stops, the tiers of each country and regime in force must cover
    /// 0 → ∞ once: each `from` equal to the previous `below`, the last one unbounded.
    private static func checkCoverage(_ tiers: [ProcurementThreshold], yaml: YAMLFile) throws {
        for country in Country.allCases {
            let ofCountry = tiers.filter { $0.country == country }
            guard let first = ofCountry.map(\.validFrom).min() else { continue }
            let days = Set(ofCountry.map(\.validFrom) + ofCountry.compactMap { $0.validUntil?.adding(days: 1) })
                .filter { $0 >= first }.sorted()
            for day in days {
                for regime in ProcurementRegime.allCases {
                    let inForce = ofCountry.filter { $0.regimes.contains(regime) && $0.isInForce(on: day) }
                        .sorted { $0.from < $1.from }
                    var expected = EuroAmount.zero
                    var open = false
                    for tier in inForce {
                        guard !open, tier.from == expected else {
                            throw yaml.error(
                                at: ["tiers", .index(tiers.firstIndex(of: tier) ?? 0), "from"],
                                "on \(day), \(country.rawValue) \(regime.rawValue) tiers overlap or leave a gap at \(expected) €",
                                fr:
                                    "le \(day), les paliers \(country.rawValue) \(regime.rawValue) se chevauchent ou laissent un trou à \(expected) €"
                            )
                        }
                        if let below = tier.below { expected = below } else { open = true }
                    }
                    guard open else {
                        throw yaml.error(
                            at: ["tiers"],
                            "on \(day), no \(country.rawValue) \(regime.rawValue) tier covers values from \(expected) €",
                            fr:
                                "le \(day), aucun palier \(country.rawValue) \(regime.rawValue) ne couvre les montants à partir de \(expected) €"
                        )
                    }
                }
            }
        }
    }
}
