import ParcoursModel

/// What a re-plan changed, assignment by assignment, against the plan it started from.
public struct PlanChanges: Hashable, Sendable {
    /// Assignments the new plan keeps as they were.
    public let kept: [PlanAssignment]
    public let moved: [Moved]
    public let dropped: [Dropped]
    /// Needs the previous plan did not cover and the new one does.
    public let added: [PlanAssignment]

    public init(kept: [PlanAssignment], moved: [Moved], dropped: [Dropped], added: [PlanAssignment]) {
        self.kept = kept
        self.moved = moved
        self.dropped = dropped
        self.added = added
    }

    /// A need covered by another session than before.
    public struct Moved: Hashable, Sendable {
        public let previous: PlanAssignment
        public let current: PlanAssignment
        /// What forced the move; nil when the solve chose it (a better grouping, a change worth its penalty).
        public let cause: ChangeCause?

        public init(previous: PlanAssignment, current: PlanAssignment, cause: ChangeCause?) {
            self.previous = previous
            self.current = current
            self.cause = cause
        }
    }

    /// A need the previous plan covered and the new one does not.
    public struct Dropped: Hashable, Sendable {
        public let previous: PlanAssignment
        public let cause: ChangeCause?
        /// Why the new plan leaves the need unmet (empty when the need is no longer in the problem).
        public let reasons: [UnmetReason]

        public init(previous: PlanAssignment, cause: ChangeCause?, reasons: [UnmetReason]) {
            self.previous = previous
            self.cause = cause
            self.reasons = reasons
        }
    }

    /// Every agent a change concerns, by external id.
    public var agentIDs: Set<String> {
        Set(moved.map(\.previous.agentID) + dropped.map(\.previous.agentID) + added.map(\.agentID))
    }
}

/// What, outside the solve, made a previous assignment move or go.
public enum ChangeCause: Hashable, Sendable {
    case sessionCancelled(String)
    /// The session is no longer in the current catalogues.
    case sessionWithdrawn(String)
    /// The session's dates, venue, seats or costs changed in the current catalogues.
    case sessionChanged(String)
    case agentRemoved
    /// The agent is no longer in the current roster.
    case agentNotInRoster
    /// The agent no longer has this need (newer Pix results).
    case needGone
}
