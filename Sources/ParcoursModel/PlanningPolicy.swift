/// The rules a training plan is solved under, from `Config/planning.yaml`, each overridable on the
/// command line for what-if runs.
///
/// The objective the planner maximises is
/// `valuePerWeight × covered need weight + fairness bonus − fixed costs − seat costs − travel costs
/// − changePenalty × changed assignments`, so `valuePerWeight` is the exchange rate between training
/// and money: a need of weight 1 is worth opening a session only if its share of the costs is below
/// `valuePerWeight` euros.
public struct PlanningPolicy: Hashable, Codable, Sendable {
    /// Euros of value per unit of need weight covered.
    public var valuePerWeight: Double
    /// Euros per road kilometre, counted for the round trip of each session day.
    public var travelCostPerKilometre: Double
    /// The furthest an agent without a car may travel, in road kilometres.
    public var noCarMaximumKilometres: Double
    /// What-if cap on every agent's own travel limit, in road kilometres; nil keeps the rosters' limits.
    public var maximumTravelKilometres: Double?
    /// What-if minimum group size: a session opens only with at least this many participants (and its
    /// own minimum); nil keeps the sessions' minimums.
    public var minimumGroupSize: Int?
    /// Whether remote sessions may be used.
    public var remoteAllowed: Bool
    /// The communes taking part (NIS or INSEE codes); nil for every commune of the territory.
    public var participatingCommunes: Set<String>?
    /// What each commune may spend on the plan.
    public var budgets: CommuneBudgets
    /// How a session's costs are shared between the communes whose agents attend it.
    public var costSplit: CostSplitRule
    public var fairness: FairnessPolicy
    /// Training hours a full-time agent may spend in the plan; scaled by each agent's working time.
    public var trainingHoursPerFullTime: Double
    /// Euros charged in the objective for each assignment a re-plan changes from the previous plan.
    public var changePenalty: Double
    /// The solver's wall-clock budget, in seconds.
    public var timeLimitSeconds: Double
    /// The seed of every random choice: the same inputs and seed give the same plan.
    public var seed: UInt64
    /// The search stops once the plan is proven within this fraction of the bound ((bound − objective) /
    /// bound, 0.01 = 1 %); nil searches until the time limit, a stall, or plan and bound meet.
    public var gapTarget: Double?

    public init(
        valuePerWeight: Double, travelCostPerKilometre: Double, noCarMaximumKilometres: Double,
        maximumTravelKilometres: Double? = nil, minimumGroupSize: Int? = nil, remoteAllowed: Bool = true,
        participatingCommunes: Set<String>? = nil, budgets: CommuneBudgets = CommuneBudgets(),
        costSplit: CostSplitRule = .proRataSeats, fairness: FairnessPolicy = FairnessPolicy(),
        trainingHoursPerFullTime: Double, changePenalty: Double = 0, timeLimitSeconds: Double = 10,
        seed: UInt64 = 1, gapTarget: Double? = nil
    ) {
        self.valuePerWeight = valuePerWeight
        self.travelCostPerKilometre = travelCostPerKilometre
        self.noCarMaximumKilometres = noCarMaximumKilometres
        self.maximumTravelKilometres = maximumTravelKilometres
        self.minimumGroupSize = minimumGroupSize
        self.remoteAllowed = remoteAllowed
        self.participatingCommunes = participatingCommunes
        self.budgets = budgets
        self.costSplit = costSplit
        self.fairness = fairness
        self.trainingHoursPerFullTime = trainingHoursPerFullTime
        self.changePenalty = changePenalty
        self.timeLimitSeconds = timeLimitSeconds
        self.seed = seed
        self.gapTarget = gapTarget
    }
}

/// What each commune may spend on a plan, in euros: its share of session costs plus its agents' travel.
public struct CommuneBudgets: Hashable, Codable, Sendable {
    /// The budget of a commune not listed in `perCommune`; nil for no limit.
    public var defaultAmount: Double?
    /// Budgets by commune code, overriding the default.
    public var perCommune: [String: Double]

    public init(defaultAmount: Double? = nil, perCommune: [String: Double] = [:]) {
        self.defaultAmount = defaultAmount
        self.perCommune = perCommune
    }

    /// The budget of a commune, or nil when it has no limit.
    public func amount(forCommune code: String) -> Double? {
        perCommune[code] ?? defaultAmount
    }
}

/// How the fixed and seat costs of a session are shared between the communes whose agents attend it.
/// Travel is always paid by the agent's own commune.
public enum CostSplitRule: String, Hashable, Codable, Sendable, CaseIterable {
    /// In proportion to the seats each commune's agents take.
    case proRataSeats = "pro-rata-seats"
    /// Fixed cost in equal shares between the communes present; seat costs by seats taken.
    case equalFixedShares = "equal-fixed-shares"
}

/// The fairness term: no commune should be left far behind. While less than `floorShare` of a
/// commune's need weight is covered, each unit of weight covered there is worth `bonusPerWeight`
/// euros more. A floor share of 0 or a bonus of 0 turns the term off.
public struct FairnessPolicy: Hashable, Codable, Sendable {
    /// The share (0…1) of each commune's need weight the bonus applies to.
    public var floorShare: Double
    /// Extra euros of value per unit of weight covered below the floor.
    public var bonusPerWeight: Double

    public init(floorShare: Double = 0, bonusPerWeight: Double = 0) {
        self.floorShare = floorShare
        self.bonusPerWeight = bonusPerWeight
    }
}
