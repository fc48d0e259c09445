import ParcoursModel
import ParcoursTender

/// The tender demand of stored plans (at most one per territory): each plan's unmet needs that no
/// catalogue session can take, with the plan's reasons, plus a coordinator's changes (needs and themes
/// added by hand, needs removed, the window, the context). What each plan gave is kept for the summary.
public struct PlanTenderDemand: Sendable {
    /// What one plan gave to the demand.
    public struct Source: Sendable {
        public let planID: Int64
        public let territoryID: String
        /// The plan's unmet needs.
        public let unmetNeeds: Int
        /// The needs tendered, by reason group (`no-course`, `distance`, `capacity`…).
        public let tendered: [String: Int]
        /// The needs a catalogue session could take, by reason (`free-session`, `budget`, `cost`, `allowance`).
        public let setAside: [String: Int]
        /// Needs of agents outside the plan's problem or of communes not taking part.
        public let leftOut: Int
    }

    public let demand: TenderDemand
    public let sources: [Source]

    /// The demand of `plans` (id and record) for a procedure launched on `launchDate`, with the needs,
    /// additions, removals, window and context of `changes` when given (its launch date is not used).
    public init(plans: [(id: Int64, record: PlanRecord)], launchDate: CalendarDay, changes: TenderDemand? = nil) {
        var needs: [UncoveredNeed] = []
        var setAside: [SetAsideNeed] = []
        var sources: [Source] = []
        for (id, record) in plans {
            let (demand, leftOut) = TenderDemand.fromPlan(
                record.plan, agents: record.problem.agents.map(\.agent), sessions: record.problem.sessions,
                launchDate: launchDate)
            needs += demand.needs
            setAside += demand.setAside
            sources.append(
                Source(
                    planID: id, territoryID: record.territoryID, unmetNeeds: record.plan.unmetNeeds.count,
                    tendered: Dictionary(grouping: demand.needs, by: \.reason).mapValues(\.count),
                    setAside: Dictionary(grouping: demand.setAside, by: \.reason).mapValues(\.count),
                    leftOut: leftOut))
        }
        demand = TenderDemand(
            launchDate: launchDate, window: changes?.window, needs: needs + (changes?.needs ?? []),
            additions: changes?.additions ?? [], removals: changes?.removals ?? [], contextFR: changes?.contextFR,
            setAside: setAside + (changes?.setAside ?? []))
        self.sources = sources
    }
}
