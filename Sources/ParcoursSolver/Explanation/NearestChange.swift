import ParcoursModel

/// One change of the plan's inputs that would cover an unmet need, verified against the plan: with that
/// single constraint relaxed, the need's agent could join a session the plan opens, every other
/// constraint (seats, clashes, allowance, budget, value against cost, eligibility) still holding.
public enum NearestChange: Hashable, Sendable {
    /// A travel limit of `kilometres` (road) instead of `currentLimit`.
    case travelLimit(sessionID: String, kilometres: Double, currentLimit: Double)
    /// `seats` more seats at a full session of `maximumSeats`.
    case moreSeats(sessionID: String, seats: Int, maximumSeats: Int)
    /// A training allowance of `hours` instead of `currentHours`.
    case allowance(sessionID: String, hours: Double, currentHours: Double)
    /// A budget of `amount` for the commune instead of `currentAmount`.
    case budget(sessionID: String, communeCode: String, amount: Double, currentAmount: Double)
    /// A value of `amount` euros per unit of need weight instead of `currentAmount`.
    case valuePerWeight(sessionID: String, amount: Double, currentAmount: Double)

    /// The session the agent would join.
    public var sessionID: String {
        switch self {
        case .travelLimit(let id, _, _), .moreSeats(let id, _, _), .allowance(let id, _, _),
            .budget(let id, _, _, _), .valuePerWeight(let id, _, _):
            id
        }
    }

    /// How far the change is from today's setting, relative to it (0.1 = 10 % more): the nearest change
    /// is the one with the smallest.
    var relativeChange: Double {
        switch self {
        case .travelLimit(_, let wanted, let current): Self.relative(wanted, current)
        case .moreSeats(_, let seats, let maximum): Double(seats) / Double(max(maximum, 1))
        case .allowance(_, let wanted, let current): Self.relative(wanted, current)
        case .budget(_, _, let wanted, let current): Self.relative(wanted, current)
        case .valuePerWeight(_, let wanted, let current): Self.relative(wanted, current)
        }
    }

    private static func relative(_ wanted: Double, _ current: Double) -> Double {
        current > 0 ? (wanted - current) / current : .infinity
    }
}
