import Foundation
import ParcoursModel

/// `Config/procurement/buyers.yaml`: who tenders for each territory, how lots are cut, award criteria.
enum BuyersFile {
    static let name = "procurement/buyers.yaml"

    private struct File: Decodable {
        struct Criterion: Decodable {
            let kind: String
            let weight: Int
            let name_fr: String
            let name_en: String
            let scoring_fr: String
        }
        struct Buyer: Decodable {
            let territory: String
            let name: String
            let legal_type: String
            let identifier: String?
            let street: String?
            let postal_code: String
            let city: String
            let nuts3: String
            let email: String?
            let website: String?
            let central_purchasing_body: Bool
            let acts_for: [String]?
            let commune_legal_type: String
            let lot_area: String
            let award_criteria: [Criterion]
            let framework_months: Int
            let framework_maximum_factor: Double
        }
        let buyers: [Buyer]
    }

    /// The eForms `buyer-legal-type` codes (SDK 1.15 code list).
    static let legalTypes: Set<String> = [
        "body-pl", "body-pl-cga", "body-pl-la", "body-pl-ra", "cga", "def-cont", "eu-ins-bod-ag", "int-org", "la",
        "org-sub", "org-sub-cga", "org-sub-la", "org-sub-ra", "pub-undert", "pub-undert-cga", "pub-undert-la",
        "pub-undert-ra", "ra", "spec-rights-entity",
    ]

    static func load(from url: URL, territories: [Territory]) throws -> [TenderBuyer] {
        let yaml = try YAMLFile(url: url)
        let file = try yaml.decode(File.self)
        var seen = Set<String>()
        return try file.buyers.enumerated().map { index, buyer in
            let path: [FieldKey] = ["buyers", .index(index)]
            guard let territory = territories.first(where: { $0.id == buyer.territory }) else {
                throw yaml.error(
                    at: path + ["territory"], "unknown territory \(buyer.territory) (see territories.yaml)",
                    fr: "territoire inconnu \(buyer.territory) (voir territories.yaml)")
            }
            guard seen.insert(buyer.territory).inserted else {
                throw yaml.error(
                    at: path + ["territory"], "territory \(buyer.territory) has two buyers",
                    fr: "le territoire \(buyer.territory) a deux acheteurs")
            }
            for (key, code) in [("legal_type", buyer.legal_type), ("commune_legal_type", buyer.commune_legal_type)]
            where !legalTypes.contains(code) {
                throw yaml.error(
                    at: path + [.key(key)], "\"\(code)\" is not an eForms buyer-legal-type code",
                    fr: "« \(code) » n'est pas un code eForms buyer-legal-type")
            }
            guard buyer.nuts3.count == 5, buyer.nuts3.hasPrefix(territory.country.rawValue) else {
                throw yaml.error(
                    at: path + ["nuts3"], "\"\(buyer.nuts3)\" is not a NUTS-3 code of \(territory.country.rawValue)",
                    fr: "« \(buyer.nuts3) » n'est pas un code NUTS-3 de \(territory.country.rawValue)")
            }
            for (position, code) in (buyer.acts_for ?? []).enumerated() where territory.commune(code: code) == nil {
                throw yaml.error(
                    at: path + ["acts_for", .index(position)], "commune \(code) is not in territory \(territory.id)",
                    fr: "la commune \(code) n'est pas dans le territoire \(territory.id)")
            }
            guard (1...48).contains(buyer.framework_months) else {
                throw yaml.error(
                    at: path + ["framework_months"], "must be between 1 and 48 months (four years)",
                    fr: "doit être entre 1 et 48 mois (quatre ans)")
            }
            guard buyer.framework_maximum_factor >= 1, buyer.framework_maximum_factor.isFinite else {
                throw yaml.error(
                    at: path + ["framework_maximum_factor"], "must be at least 1", fr: "doit valoir au moins 1")
            }
            let criteria = try buyer.award_criteria.enumerated().map { position, criterion in
                let at = path + ["award_criteria", .index(position)]
                guard ["price", "quality", "cost"].contains(criterion.kind) else {
                    throw yaml.error(
                        at: at + ["kind"], "\"\(criterion.kind)\" is not price, quality or cost",
                        fr: "« \(criterion.kind) » n'est ni price, ni quality, ni cost")
                }
                guard criterion.weight > 0 else {
                    throw yaml.error(at: at + ["weight"], "must be positive", fr: "doit être positif")
                }
                return AwardCriterion(
                    kind: criterion.kind, weight: criterion.weight,
                    nameFR: try yaml.nonEmpty(criterion.name_fr, at: at + ["name_fr"]),
                    nameEN: try yaml.nonEmpty(criterion.name_en, at: at + ["name_en"]),
                    scoringFR: try yaml.nonEmpty(criterion.scoring_fr, at: at + ["scoring_fr"]))
            }
            let total = criteria.map(\.weight).reduce(0, +)
            guard total == 100 else {
                throw yaml.error(
                    at: path + ["award_criteria"], "weights add up to \(total), not 100",
                    fr: "les pondérations totalisent \(total) et non 100")
            }
            return TenderBuyer(
                territoryID: territory.id, name: try yaml.nonEmpty(buyer.name, at: path + ["name"]),
                legalType: buyer.legal_type, identifier: buyer.identifier, street: buyer.street ?? "",
                postalCode: buyer.postal_code, city: buyer.city, nuts3: buyer.nuts3, email: buyer.email,
                website: buyer.website, isCentralPurchasingBody: buyer.central_purchasing_body,
                actsFor: buyer.acts_for, communeLegalType: buyer.commune_legal_type,
                lotArea: try yaml.choice(buyer.lot_area, of: LotAreaRule.self, at: path + ["lot_area"]),
                awardCriteria: criteria, frameworkMonths: buyer.framework_months,
                frameworkMaximumFactor: buyer.framework_maximum_factor)
        }
    }
}
