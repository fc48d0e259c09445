/// An amount with where it comes from, and whether that source still needs checking.
public struct SourcedAmount: Hashable, Codable, Sendable {
    public let amount: Double
    public let source: String
    /// True when the figure was found only in secondary sources or may have changed since.
    public let toVerify: Bool

    public init(amount: Double, source: String, toVerify: Bool) {
        self.amount = amount
        self.source = source
        self.toVerify = toVerify
    }
}

/// The planning rules that differ between countries.
public struct CountryPlanningRules: Hashable, Sendable {
    /// Euros per road kilometre of service travel, with its source.
    public let travelCostPerKilometre: SourcedAmount
    /// Training hours of a full-time agent.
    public let trainingHoursPerFullTime: Double

    public init(travelCostPerKilometre: SourcedAmount, trainingHoursPerFullTime: Double) {
        self.travelCostPerKilometre = travelCostPerKilometre
        self.trainingHoursPerFullTime = trainingHoursPerFullTime
    }
}

/// Everything `Config/planning.yaml` says: the planning policy of each country, and the default daily
/// schedule of catalogue sessions that give none.
public struct PlanningSettings: Hashable, Sendable {
    public let valuePerWeight: Double
    /// The rules of each country (every ``Country`` has its own).
    public let countries: [Country: CountryPlanningRules]
    public let noCarMaximumKilometres: Double
    public let budgets: CommuneBudgets
    public let costSplit: CostSplitRule
    public let fairness: FairnessPolicy
    public let maximumTravelKilometres: Double?
    public let minimumGroupSize: Int?
    public let remoteAllowed: Bool
    public let participatingCommunes: Set<String>?
    public let changePenalty: Double
    public let timeLimitSeconds: Double
    public let seed: UInt64
    /// The gap at which the search stops, proven; nil for none (``PlanningPolicy/gapTarget``).
    public let gapTarget: Double?
    /// The daily hours of a session whose catalogue gives none.
    public let defaultSchedule: [DailySlot]

    public init(
        valuePerWeight: Double, countries: [Country: CountryPlanningRules], noCarMaximumKilometres: Double,
        budgets: CommuneBudgets,
        costSplit: CostSplitRule, fairness: FairnessPolicy, maximumTravelKilometres: Double?,
        minimumGroupSize: Int?, remoteAllowed: Bool, participatingCommunes: Set<String>?, changePenalty: Double,
        timeLimitSeconds: Double, seed: UInt64, gapTarget: Double? = nil, defaultSchedule: [DailySlot]
    ) {
        precondition(Set(countries.keys) == Set(Country.allCases), "planning rules for every country")
        self.valuePerWeight = valuePerWeight
        self.countries = countries
        self.noCarMaximumKilometres = noCarMaximumKilometres
        self.budgets = budgets
        self.costSplit = costSplit
        self.fairness = fairness
        self.maximumTravelKilometres = maximumTravelKilometres
        self.minimumGroupSize = minimumGroupSize
        self.remoteAllowed = remoteAllowed
        self.participatingCommunes = participatingCommunes
        self.changePenalty = changePenalty
        self.timeLimitSeconds = timeLimitSeconds
        self.seed = seed
        self.gapTarget = gapTarget
        self.defaultSchedule = defaultSchedule
    }

    /// The rules of `country`.
    public func rules(of country: Country) -> CountryPlanningRules { countries[country]! }

    /// The policy for a territory of `country`.
    public func policy(for country: Country) -> PlanningPolicy {
        let rules = rules(of: country)
        return PlanningPolicy(
            valuePerWeight: valuePerWeight, travelCostPerKilometre: rules.travelCostPerKilometre.amount,
            noCarMaximumKilometres: noCarMaximumKilometres, maximumTravelKilometres: maximumTravelKilometres,
            minimumGroupSize: minimumGroupSize, remoteAllowed: remoteAllowed,
            participatingCommunes: participatingCommunes, budgets: budgets, costSplit: costSplit, fairness: fairness,
            trainingHoursPerFullTime: rules.trainingHoursPerFullTime, changePenalty: changePenalty,
            timeLimitSeconds: timeLimitSeconds, seed: seed, gapTarget: gapTarget)
    }
}
