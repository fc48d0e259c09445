import ParcoursModel
import Synchronization

/// A solved training plan: the sessions to open, who attends them for which need, what it costs and
/// who pays, how far the plan may be from the best one, and why each need left out is unmet.
public struct TrainingPlan: Codable, Sendable {
    /// The open sessions, in the problem's session order.
    public let sessions: [PlannedSession]
    /// One per covered need: the need and the session that covers it, in the problem's need order.
    public let assignments: [PlanAssignment]
    /// Per agent who attends at least one session: their trips and what they cost, in agent order.
    public let travel: [AgentTravel]
    /// Per commune with agents in the plan: what it pays and its coverage, in first-appearance order.
    public let communes: [CommuneOutcome]
    /// The needs not covered, each with every reason the plan found, in the problem's need order.
    public let unmetNeeds: [UnmetNeed]
    /// Pinned assignments of the previous plan that could not be kept, and why.
    public let releasedPins: [ReleasedPin]
    public let objective: ObjectiveTerms
    /// An upper bound on the objective of any feasible plan: the plan is at most `bound − objective.total`
    /// euros from the best one.
    public let bound: Double
    /// Seconds the solve took.
    public let seconds: Double

    /// The relative gap between the plan and the bound: (bound − objective) / |bound|; 0 when both are 0.
    public var gap: Double {
        let difference = max(0, bound - objective.total)
        return difference == 0 ? 0 : difference / max(abs(bound), 1e-9)
    }
}

/// An open session: who attends it, from which communes, and how its cost is shared.
public struct PlannedSession: Hashable, Codable, Sendable {
    public let sessionID: String
    /// The agents attending, by external id, sorted.
    public let participants: [String]
    /// The communes whose agents attend, with their seats and cost shares, sorted by code.
    public let communes: [CostShare]
    public let fixedCost: Double
    /// Seat cost × participants.
    public let seatCosts: Double
    /// Eligible agents left out because the session is full, in priority order (highest need weight first).
    public let waitlist: [WaitlistEntry]

    public var totalCost: Double { fixedCost + seatCosts }
}

/// A commune's part of a session's cost, by the policy's ``CostSplitRule``.
public struct CostShare: Hashable, Codable, Sendable {
    public let communeCode: String
    public let seats: Int
    public let amount: Double
}

/// An agent on a session's waitlist for one of their needs.
public struct WaitlistEntry: Hashable, Codable, Sendable {
    public let agentID: String
    public let competence: CompetenceCode
    public let weight: Double
}

/// A need covered by a session.
public struct PlanAssignment: Hashable, Codable, Sendable {
    public let agentID: String
    public let competence: CompetenceCode
    public let sessionID: String
    public let weight: Double
    /// Kept from the previous plan because it was pinned.
    public let isPinned: Bool
    /// A re-plan assigned the need elsewhere than the previous plan did (false for a first plan).
    public let isChanged: Bool
}

/// The trips of one agent: a round trip per day of each on-site session they attend.
public struct AgentTravel: Hashable, Codable, Sendable {
    public let agentID: String
    public let communeCode: String
    /// Road kilometres of all the round trips.
    public let roadKilometres: Double
    public let cost: Double
    /// Training hours the agent spends in the plan, and their allowance.
    public let hours: Double
    public let allowanceHours: Double
}

/// What a commune pays and gets.
public struct CommuneOutcome: Hashable, Codable, Sendable {
    public let communeCode: String
    /// Its shares of session costs.
    public let sessionCosts: Double
    /// Its agents' travel.
    public let travelCosts: Double
    /// Its budget, if the policy sets one.
    public let budget: Double?
    /// Need weight of its agents in the plan, and the part covered.
    public let needWeight: Double
    public let coveredWeight: Double

    public var spent: Double { sessionCosts + travelCosts }
}

/// The terms of the objective the planner maximises (see ``PlanningPolicy``).
public struct ObjectiveTerms: Hashable, Codable, Sendable {
    /// Need weight covered, and its value (`valuePerWeight` × weight).
    public let coveredWeight: Double
    public let coveredValue: Double
    public let fairnessBonus: Double
    public let fixedCosts: Double
    public let seatCosts: Double
    public let travelCosts: Double
    /// Assignments of the previous plan changed, and their penalty.
    public let changes: Int
    public let changePenalties: Double

    /// Value + fairness bonus − costs − change penalties.
    public var total: Double {
        coveredValue + fairnessBonus - fixedCosts - seatCosts - travelCosts - changePenalties
    }
}

/// A pinned assignment a re-plan could not keep.
public struct ReleasedPin: Hashable, Codable, Sendable {
    public let assignment: PreviousAssignment
    public let reason: UnmetReason?
}

/// A need the plan does not cover, with the reason found at each session that could teach it.
///
/// A solved plan words its reasons when they are first read (the facts come from the plan's final state,
/// kept for that), then keeps them: a province has about a million (need, session) reasons and a document
/// usually reads a few of them. Encoding writes them all; a decoded need holds them as read.
public struct UnmetNeed: Hashable, Codable, Sendable {
    public let need: Need
    /// The agent's commune, or nil when the agent is not in the problem.
    public let communeCode: String?
    private let source: UnmetReasonSource

    /// One or more reasons: one per session teaching the competence, or a single plan-wide reason.
    public var reasons: [UnmetReason] { source.reasons }

    init(need: Need, communeCode: String?, reasons: [UnmetReason]) {
        self.need = need
        self.communeCode = communeCode
        source = UnmetReasonSource(reasons: reasons)
    }

    /// A need whose reasons `word` computes when first read.
    init(need: Need, communeCode: String?, word: @escaping @Sendable () -> [UnmetReason]) {
        self.need = need
        self.communeCode = communeCode
        source = UnmetReasonSource(word: word)
    }

    private enum CodingKeys: String, CodingKey {
        case need, communeCode, reasons
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            need: try container.decode(Need.self, forKey: .need),
            communeCode: try container.decodeIfPresent(String.self, forKey: .communeCode),
            reasons: try container.decode([UnmetReason].self, forKey: .reasons))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(need, forKey: .need)
        try container.encodeIfPresent(communeCode, forKey: .communeCode)
        try container.encode(reasons, forKey: .reasons)
    }

    public static func == (left: UnmetNeed, right: UnmetNeed) -> Bool {
        left.need == right.need && left.communeCode == right.communeCode && left.reasons == right.reasons
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(need)
        hasher.combine(communeCode)
        hasher.combine(reasons)
    }
}

/// The reasons of an unmet need: given, or worded once on first read (thread-safe).
private final class UnmetReasonSource: Sendable {
    private let word: (@Sendable () -> [UnmetReason])?
    private let worded: Mutex<[UnmetReason]?>

    init(reasons: [UnmetReason]) {
        word = nil
        worded = Mutex(reasons)
    }

    init(word: @escaping @Sendable () -> [UnmetReason]) {
        self.word = word
        worded = Mutex(nil)
    }

    var reasons: [UnmetReason] {
        worded.withLock { reasons in
            if let reasons { return reasons }
            let result = word!()
            reasons = result
            return result
        }
    }
}

/// The name of a plan-level cause of an unmet need, beside the ``EligibilityConstraint`` names.
public enum PlanConstraint: String, Hashable, Codable, Sendable, CaseIterable {
    /// The agent is not in the problem (no roster entry).
    case unknownAgent = "unknown-agent"
    /// The agent's commune does not take part in the plan.
    case communeNotParticipating = "commune-not-participating"
    /// No session's course teaches the competence.
    case noSession = "no-session"
    /// The session is remote and the policy does not allow remote sessions.
    case remoteNotAllowed = "remote-not-allowed"
    /// The session does not open: fewer eligible agents than its minimum.
    case minimumNotReached = "minimum-not-reached"
    /// The session does not open: its participants' value does not cover its cost.
    case sessionNotOpened = "session-not-opened"
    /// The session is open and full.
    case capacity
    /// The session clashes with one the agent attends.
    case timeClash = "time-clash"
    /// The session's hours exceed what is left of the agent's training allowance.
    case allowance
    /// The commune's budget cannot pay for the seat and the trip.
    case budget
    /// Adding the agent would cost more (seat and travel) than the need is worth.
    case valueBelowCost = "value-below-cost"
}

/// Why a need is not covered, with the facts: either a plan-wide reason, an eligibility failure at a
/// session, or a plan-level cause at a session the agent is eligible for.
public enum UnmetReason: Hashable, Codable, Sendable {
    case unknownAgent
    case communeNotParticipating(communeCode: String)
    /// No session teaches the competence at all.
    case noSession(competence: CompetenceCode)
    /// The agent is not eligible for the session: every failed constraint.
    case ineligible(sessionID: String, failures: [EligibilityFailure])
    case remoteNotAllowed(sessionID: String)
    /// The session is not open and only `eligibleAgents` agents (fewer than `minimumSeats`) could attend it.
    case minimumNotReached(sessionID: String, minimumSeats: Int, eligibleAgents: Int)
    /// The session is not open although enough agents could attend: its cost outweighs their needs.
    case sessionNotOpened(sessionID: String, fixedCost: Double, minimumSeats: Int, eligibleAgents: Int)
    /// The session is open and full; the agent is on its waitlist at `waitlistPosition` (1-based).
    case capacity(sessionID: String, maximumSeats: Int, waitlistPosition: Int)
    /// The session clashes with another the agent attends.
    case timeClash(TimeClash)
    /// The session's hours do not fit what is left of the agent's allowance.
    case allowance(sessionID: String, sessionHours: Double, usedHours: Double, allowanceHours: Double)
    /// The commune's budget cannot take the extra cost.
    case budget(sessionID: String, communeCode: String, budget: Double, spent: Double, additionalCost: Double)
    /// The need is worth less than the seat and trip it would cost.
    case valueBelowCost(sessionID: String, value: Double, cost: Double)

    /// The constraint's stable name: an ``EligibilityConstraint`` or ``PlanConstraint`` raw value (the
    /// names of every failed eligibility constraint for `ineligible`).
    public var constraintNames: [String] {
        switch self {
        case .unknownAgent: [PlanConstraint.unknownAgent.rawValue]
        case .communeNotParticipating: [PlanConstraint.communeNotParticipating.rawValue]
        case .noSession: [PlanConstraint.noSession.rawValue]
        case .ineligible(_, let failures): failures.map(\.constraint.rawValue)
        case .remoteNotAllowed: [PlanConstraint.remoteNotAllowed.rawValue]
        case .minimumNotReached: [PlanConstraint.minimumNotReached.rawValue]
        case .sessionNotOpened: [PlanConstraint.sessionNotOpened.rawValue]
        case .capacity: [PlanConstraint.capacity.rawValue]
        case .timeClash: [PlanConstraint.timeClash.rawValue]
        case .allowance: [PlanConstraint.allowance.rawValue]
        case .budget: [PlanConstraint.budget.rawValue]
        case .valueBelowCost: [PlanConstraint.valueBelowCost.rawValue]
        }
    }

    /// The session the reason is about, when it is about one.
    public var sessionID: String? {
        switch self {
        case .unknownAgent, .communeNotParticipating, .noSession: nil
        case .ineligible(let id, _), .remoteNotAllowed(let id), .minimumNotReached(let id, _, _),
            .sessionNotOpened(let id, _, _, _), .capacity(let id, _, _), .allowance(let id, _, _, _),
            .budget(let id, _, _, _, _), .valueBelowCost(let id, _, _):
            id
        case .timeClash(let clash): clash.firstSessionID
        }
    }
}
