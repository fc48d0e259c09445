import ParcoursModel
import ParcoursTender

/// The small wording helpers every document shares.
enum FrenchText {
    static let months = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
        "décembre",
    ]

    /// `1er septembre 2026`.
    static func date(_ day: CalendarDay) -> String {
        "\(day.day == 1 ? "1er" : String(day.day)) \(months[day.month - 1]) \(day.year)"
    }

    static func euros(_ amount: EuroAmount) -> String { amount.formatted(in: .french) }

    static func number(_ value: Double) -> String { Language.french.decimal(value) }

    static func format(_ format: TeachingFormat) -> String {
        format == .remote ? "à distance (classe virtuelle)" : "en présentiel"
    }

    static func levels(_ range: ClosedRange<Int>) -> String {
        "du niveau \(range.lowerBound) au niveau \(range.upperBound)"
    }

    /// `[à compléter : …]` for what the buyer fills in.
    static func blank(_ what: String) -> String { "[à compléter : \(what)]" }

    static func plural(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) \(count > 1 ? plural ?? singular + "s" : singular)"
    }
}

extension TenderPackage {
    /// `Formation aux compétences numériques des agents des communes — Province de Namur`.
    var subjectFR: String { "Formation aux compétences numériques des agents des communes — \(territory.name)" }

    /// The subject, followed by the buyer's name when it is not the territory's (the subject names it).
    var subjectAndBuyerFR: String { buyer.name == territory.name ? subjectFR : "\(subjectFR) — \(buyer.name)" }

    /// How the documents call the buyer: `le pouvoir adjudicateur` in Belgium, `l'acheteur` in France.
    var buyerTermFR: String { country == .belgium ? "le pouvoir adjudicateur" : "l'acheteur" }

    /// ``buyerTermFR`` at the start of a sentence.
    var buyerTermCapitalizedFR: String { buyerTermFR.prefix(1).uppercased() + buyerTermFR.dropFirst() }

    /// "Net of VAT" as the country writes it: `HTVA` in Belgium, `HT` in France.
    public var netOfVATFR: String { country == .belgium ? "HTVA" : "HT" }

    /// "VAT included" as the country writes it: `TVAC` in Belgium, `TTC` in France.
    var withVATFR: String { country == .belgium ? "TVAC" : "TTC" }

    /// The buyer's address in one line.
    var buyerAddressFR: String {
        let street = buyer.street.isEmpty ? FrenchText.blank("adresse") : buyer.street
        return "\(street), \(buyer.postalCode) \(buyer.city)"
    }

    /// `Province de Namur, centrale d'achat agissant pour 38 communes`.
    var buyerRoleFR: String {
        buyer.isCentralPurchasingBody
            ? "\(buyer.name), agissant en qualité de centrale d'achat pour \(FrenchText.plural(communesActedFor.count, "commune")) (liste en annexe)"
            : buyer.name
    }
}
