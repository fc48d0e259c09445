import ParcoursModel

/// A catalogue course comparable to a lot, with its price per trainee as the catalogue gives it.
public struct ComparablePrice: Hashable, Sendable {
    public let courseID: String
    public let competences: Set<CompetenceCode>
    public let format: TeachingFormat
    public let hours: Double
    /// Price per trainee for the whole course.
    public let price: Price

    public init(courseID: String, competences: Set<CompetenceCode>, format: TeachingFormat, hours: Double, price: Price)
    {
        self.courseID = courseID
        self.competences = competences
        self.format = format
        self.hours = hours
        self.price = price
    }
}

/// The estimated value of a lot, net of VAT, and how it was reached.
public struct LotEstimate: Hashable, Sendable {
    public let referencePrice: ReferencePrice
    /// Quantities × reference price.
    public let referenceAmount: EuroAmount
    public let devicePrice: ReferencePrice?
    /// Device-days × device price.
    public let equipmentAmount: EuroAmount
    /// Median price per trainee-hour of comparable catalogue courses priced net of VAT; nil when none.
    public let catalogueMedianPerTraineeHour: EuroAmount?
    /// Comparable courses whose price entered the median.
    public let comparableCount: Int
    /// Comparable courses left out because their price includes VAT or does not say.
    public let excludedForVAT: Int
    /// Trainee-hours × the catalogue median.
    public let catalogueAmount: EuroAmount?
    /// The higher of the reference and catalogue amounts, plus equipment, rounded up to 100 €.
    public let estimatedValue: EuroAmount
    /// The framework maximum: estimated value × the buyer's factor, rounded up to 100 €.
    public let frameworkMaximum: EuroAmount
}

/// Prices a lot from the reference prices of Config and the comparable catalogue prices.
public struct LotEstimator: Sendable {
    public let rules: ProcurementRules
    public let country: Country
    public let maximumFactor: Double
    public let comparables: [ComparablePrice]

    public init(rules: ProcurementRules, country: Country, maximumFactor: Double, comparables: [ComparablePrice]) {
        self.rules = rules
        self.country = country
        self.maximumFactor = maximumFactor
        self.comparables = comparables
    }

    /// Estimates are announced in round hundreds of euros.
    static let roundingStep = EuroAmount(euros: 100)

    func estimate(theme: TenderTheme, format: TeachingFormat, groups: [TrainingGroup]) throws(TenderError)
        -> LotEstimate
    {
        guard let price = rules.trainingPrice(country: country, format: format) else {
            throw .missingPrice(country: country, format: format)
        }
        let groupHours = groups.map(\.hours).reduce(0, +)
        let traineeHours = groups.map { $0.hours * Double($0.participants) }.reduce(0, +)
        let reference: EuroAmount
        switch price.unit {
        case .groupHour: reference = price.amount.multiplied(by: groupHours)
        case .traineeDay: reference = price.amount.multiplied(by: traineeHours / rules.groups.hoursPerDay)
        case .deviceDay: throw .missingPrice(country: country, format: format)
        }
        let deviceDays = groups.map { $0.devices.values.reduce(0, +) * $0.days }.reduce(0, +)
        let devicePrice = rules.devicePrice(country: country)
        let equipment = devicePrice.map { $0.amount.multiplied(by: Double(deviceDays)) } ?? .zero
        let alike = comparables.filter { comparable in
            comparable.hours > 0 && (comparable.format == .remote) == (format == .remote)
                && !comparable.competences.isDisjoint(with: theme.competences)
        }
        let priced = alike.filter { $0.price.vat == .exclusive || $0.price.vat == .exempt }
        let median = Self.median(priced.map { $0.price.amount / $0.hours }).map { EuroAmount(rounding: $0) }
        let catalogue = median.map { $0.multiplied(by: traineeHours) }
        let retained = (max(reference, catalogue ?? .zero) + equipment).roundedUp(toMultipleOf: Self.roundingStep)
        return LotEstimate(
            referencePrice: price, referenceAmount: reference, devicePrice: devicePrice, equipmentAmount: equipment,
            catalogueMedianPerTraineeHour: median, comparableCount: priced.count,
            excludedForVAT: alike.count - priced.count, catalogueAmount: catalogue, estimatedValue: retained,
            frameworkMaximum: retained.multiplied(by: maximumFactor).roundedUp(toMultipleOf: Self.roundingStep))
    }

    /// The middle value, or the mean of the two middle values; nil for none.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
