import Foundation
import ParcoursModel

/// `Config/procurement/prices.yaml`: reference prices with their source and date, and the VAT rules.
enum PricesFile {
    static let name = "procurement/prices.yaml"

    private struct File: Decodable {
        struct Price: Decodable {
            let id: String
            let country: String
            let format: String?
            let unit: String
            let amount: Double
            let vat: String
            let source: String
            let date: String
            let chosen_default: Bool
            let note_fr: String
        }
        struct VAT: Decodable {
            let country: String
            let rule_fr: String
            let rule_en: String
            let source: String
            let standard_rate: Double
        }
        let reference_prices: [Price]
        let vat: [VAT]
    }

    static func load(from url: URL, countries: Set<Country>) throws -> ([ReferencePrice], [VATRule]) {
        let yaml = try YAMLFile(url: url)
        let file = try yaml.decode(File.self)
        var seen = Set<String>()
        let prices = try file.reference_prices.enumerated().map { index, price in
            let path: [FieldKey] = ["reference_prices", .index(index)]
            try yaml.checkSlug(price.id, at: path + ["id"])
            guard seen.insert(price.id).inserted else {
                throw yaml.error(
                    at: path + ["id"], "price \(price.id) appears twice", fr: "le prix \(price.id) apparaît deux fois")
            }
            let unit = try yaml.choice(price.unit, of: PriceUnit.self, at: path + ["unit"])
            let format = try price.format.map { text -> TeachingFormat in
                guard let format = TeachingFormat(rawValue: text), format != .hybrid else {
                    throw yaml.error(
                        at: path + ["format"], "unknown format \"\(text)\" (expected on-site or remote)",
                        fr: "format inconnu « \(text) » (on-site ou remote attendu)")
                }
                return format
            }
            guard (unit == .deviceDay) == (format == nil) else {
                throw yaml.error(
                    at: path + ["format"], "a training price names its format; an equipment price names none",
                    fr: "un prix de formation nomme son format ; un prix d'équipement n'en nomme pas")
            }
            guard let vat = VATStatus(rawValue: price.vat), vat == .exclusive || vat == .exempt else {
                throw yaml.error(
                    at: path + ["vat"], "reference prices are net of VAT: HT or exempt",
                    fr: "les prix de référence sont hors TVA : HT ou exempt")
            }
            return ReferencePrice(
                id: price.id, country: try yaml.country(price.country, at: path + ["country"]), format: format,
                unit: unit, amount: try yaml.amount(price.amount, at: path + ["amount"]), vat: vat,
                source: try yaml.nonEmpty(price.source, at: path + ["source"]),
                date: try yaml.day(price.date, at: path + ["date"]), isChosenDefault: price.chosen_default,
                noteFR: price.note_fr)
        }
        for country in countries.sorted(by: { $0.rawValue < $1.rawValue }) {
            let ofCountry = prices.filter { $0.country == country }
            for (format, unitName) in [(TeachingFormat.onSite, "on-site"), (.remote, "remote")] {
                let count = ofCountry.filter { $0.format == format }.count
                guard count == 1 else {
                    throw yaml.error(
                        at: ["reference_prices"],
                        "\(country.rawValue) needs exactly one \(unitName) training price (found \(count))",
                        fr:
                            "\(country.rawValue) demande exactement un prix de formation \(unitName) (\(count) trouvé(s))"
                    )
                }
            }
            guard ofCountry.filter({ $0.unit == .deviceDay }).count == 1 else {
                throw yaml.error(
                    at: ["reference_prices"], "\(country.rawValue) needs exactly one device-day price",
                    fr: "\(country.rawValue) demande exactement un prix device-day")
            }
        }
        let rules = try file.vat.enumerated().map { index, rule in
            let path: [FieldKey] = ["vat", .index(index)]
            guard rule.standard_rate > 0, rule.standard_rate < 100 else {
                throw yaml.error(at: path + ["standard_rate"], "must be a percentage", fr: "doit être un pourcentage")
            }
            return VATRule(
                country: try yaml.country(rule.country, at: path + ["country"]),
                ruleFR: try yaml.nonEmpty(rule.rule_fr, at: path + ["rule_fr"]),
                ruleEN: try yaml.nonEmpty(rule.rule_en, at: path + ["rule_en"]),
                source: try yaml.nonEmpty(rule.source, at: path + ["source"]), standardRatePercent: rule.standard_rate)
        }
        for country in countries where !rules.contains(where: { $0.country == country }) {
            throw yaml.error(
                at: ["vat"], "no VAT rule for \(country.rawValue)", fr: "aucune règle de TVA pour \(country.rawValue)")
        }
        return (prices, rules)
    }
}
