import ParcoursModel

/// Why a tender cannot be drafted from a demand, in words for the coordinator.
public enum TenderError: Error, Hashable, Sendable {
    case unknownCommune(String)
    case noBuyer(territory: String)
    case unknownTheme(String)
    case remoteNotAllowed(theme: String)
    case missingPrice(country: Country, format: TeachingFormat)
    case noThresholdInForce(country: Country, day: CalendarDay)
    case nothingToTender

    public func message(in language: Language) -> String {
        switch self {
        case .unknownCommune(let code):
            language.pick(
                "la commune \(code) n'appartient à aucun territoire de la configuration",
                "commune \(code) belongs to no configured territory")
        case .noBuyer(let territory):
            language.pick(
                "aucun acheteur n'est configuré pour le territoire \(territory) (procurement/buyers.yaml)",
                "no buyer is configured for territory \(territory) (procurement/buyers.yaml)")
        case .unknownTheme(let theme):
            language.pick(
                "thème inconnu « \(theme) » (procurement/themes.yaml)",
                "unknown theme \"\(theme)\" (procurement/themes.yaml)")
        case .remoteNotAllowed(let theme):
            language.pick(
                "le thème \(theme) ne se donne pas à distance", "theme \(theme) cannot be taught remotely")
        case .missingPrice(let country, let format):
            language.pick(
                "aucun prix de référence \(format.rawValue) pour \(country.rawValue) (procurement/prices.yaml)",
                "no \(format.rawValue) reference price for \(country.rawValue) (procurement/prices.yaml)")
        case .noThresholdInForce(let country, let day):
            language.pick(
                "aucun seuil \(country.rawValue) en vigueur le \(day) (procurement/thresholds.yaml)",
                "no \(country.rawValue) threshold in force on \(day) (procurement/thresholds.yaml)")
        case .nothingToTender:
            language.pick(
                "rien à mettre en concurrence : aucun besoin non couvert ne relève d'un thème",
                "nothing to tender: no uncovered need falls under a theme")
        }
    }
}
