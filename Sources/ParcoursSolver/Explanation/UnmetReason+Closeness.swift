import ParcoursModel

extension UnmetReason {
    /// How close the reason is to being lifted, smaller first: what a seat more or a budget would settle
    /// comes before what a session cannot (ineligibility, ranked by its number of failed constraints), and
    /// what no session could (no course, commune out, unknown agent) comes last.
    public var closeness: Int {
        switch self {
        case .capacity: 0
        case .budget: 1
        case .valueBelowCost: 2
        case .sessionNotOpened: 3
        case .minimumNotReached: 4
        case .timeClash: 5
        case .allowance: 6
        case .remoteNotAllowed: 7
        case .ineligible(_, let failures): 10 + failures.count
        case .noSession: 100
        case .communeNotParticipating: 101
        case .unknownAgent: 102
        }
    }

    /// Whether the agent could attend the session: the reason is about the plan (seats, groups, costs,
    /// dates), not about eligibility or the offer.
    public var isAboutThePlan: Bool { closeness < 10 }
}

extension UnmetNeed {
    /// The reason the need is listed under in documents: its closest to being lifted (``UnmetReason/closeness``).
    public var headline: UnmetReason? { reasons.min { $0.closeness < $1.closeness } }
}
