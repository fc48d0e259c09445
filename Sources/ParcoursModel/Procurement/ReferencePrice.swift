/// What a reference price is counted per.
public enum PriceUnit: String, Hashable, Codable, Sendable, CaseIterable {
    /// One hour of training for a whole group (trainer, preparation, materials).
    case groupHour = "group-hour"
    /// One day of training for one trainee.
    case traineeDay = "trainee-day"
    /// One device (laptop) lent for one training day.
    case deviceDay = "device-day"

    /// The unit as the price schedules name it.
    public var labelFR: String {
        switch self {
        case .groupHour: "heure-groupe"
        case .traineeDay: "journée-stagiaire"
        case .deviceDay: "poste-jour"
        }
    }
}

/// A price the estimates start from, with where it comes from.
public struct ReferencePrice: Hashable, Codable, Sendable {
    public let id: String
    public let country: Country
    /// The format it prices; nil for equipment.
    public let format: TeachingFormat?
    public let unit: PriceUnit
    /// Net of VAT.
    public let amount: EuroAmount
    public let vat: VATStatus
    public let source: String
    public let date: CalendarDay
    /// True when no published price backs it and Parcours chose it as a default to be replaced.
    public let isChosenDefault: Bool
    public let noteFR: String

    public init(
        id: String, country: Country, format: TeachingFormat?, unit: PriceUnit, amount: EuroAmount, vat: VATStatus,
        source: String, date: CalendarDay, isChosenDefault: Bool, noteFR: String
    ) {
        self.id = id
        self.country = country
        self.format = format
        self.unit = unit
        self.amount = amount
        self.vat = vat
        self.source = source
        self.date = date
        self.isChosenDefault = isChosenDefault
        self.noteFR = noteFR
    }
}

/// The VAT rule a country applies to training, as the documents state it.
public struct VATRule: Hashable, Codable, Sendable {
    public let country: Country
    public let ruleFR: String
    public let ruleEN: String
    public let source: String
    /// The standard rate, in percent, for a provider that is not exempt.
    public let standardRatePercent: Double

    public init(country: Country, ruleFR: String, ruleEN: String, source: String, standardRatePercent: Double) {
        self.country = country
        self.ruleFR = ruleFR
        self.ruleEN = ruleEN
        self.source = source
        self.standardRatePercent = standardRatePercent
    }
}
