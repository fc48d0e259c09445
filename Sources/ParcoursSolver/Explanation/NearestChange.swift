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

    /// The change in one line of plain French or English, naming the session with `label`.
    public func explanation(in language: Language, label: String, communeName: String) -> String {
        switch self {
        case .travelLimit(_, let kilometres, let current):
            language.pick(
                "serait couvert avec une limite de trajet de \(language.decimal(kilometres.rounded(.up), fractionDigits: 0)) km "
                    + "(au lieu de \(language.decimal(current, fractionDigits: 0)) km) : session \(label)",
                "would be covered with a travel limit of \(language.decimal(kilometres.rounded(.up), fractionDigits: 0)) km "
                    + "(instead of \(language.decimal(current, fractionDigits: 0)) km): session \(label)")
        case .moreSeats(_, let seats, let maximum):
            language.pick(
                "serait couvert avec au plus \(seats) place\(seats > 1 ? "s" : "") de plus à la session \(label) "
                    + "(\(maximum) aujourd’hui)",
                "would be covered with at most \(seats) more seat\(seats > 1 ? "s" : "") at session \(label) "
                    + "(\(maximum) today)")
        case .allowance(_, let hours, let current):
            language.pick(
                "serait couvert avec \(language.decimal(hours, fractionDigits: 1)) h de formation autorisées "
                    + "(au lieu de \(language.decimal(current, fractionDigits: 1)) h) : session \(label)",
                "would be covered with a training allowance of \(language.decimal(hours, fractionDigits: 1)) h "
                    + "(instead of \(language.decimal(current, fractionDigits: 1)) h): session \(label)")
        case .budget(_, _, let amount, let current):
            language.pick(
                "serait couvert avec un budget de \(language.decimal(amount.rounded(.up), fractionDigits: 0)) € pour "
                    + "\(communeName) (au lieu de \(language.decimal(current, fractionDigits: 0)) €) : session \(label)",
                "would be covered with a budget of \(language.decimal(amount.rounded(.up), fractionDigits: 0)) € for "
                    + "\(communeName) (instead of \(language.decimal(current, fractionDigits: 0)) €): session \(label)")
        case .valuePerWeight(_, let amount, let current):
            language.pick(
                "serait couvert si un point de besoin valait \(language.decimal(amount.rounded(.up), fractionDigits: 0)) € "
                    + "(au lieu de \(language.decimal(current, fractionDigits: 0)) €) : session \(label)",
                "would be covered if a unit of need weight were worth \(language.decimal(amount.rounded(.up), fractionDigits: 0)) € "
                    + "(instead of \(language.decimal(current, fractionDigits: 0)) €): session \(label)")
        }
    }
}
