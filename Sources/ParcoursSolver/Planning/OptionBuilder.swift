import ParcoursModel

/// Finds the attendance options of a ``PlanningInstance``: for each agent, the sessions that fit one of
/// their needs by level (from a table of the sessions teaching each competence from each level), within
/// travel (from a table of road distances per origin), and where every other constraint holds (checked
/// once per agent and session). Agents are independent, so ranges of them are built on parallel threads
/// and concatenated in agent order: the options are the same, in the same order, on any number of threads.
struct OptionBuilder: Sendable {
    let problem: PlanningProblem
    let plannedAgents: [Agent]
    let contexts: [EligibilityContext]
    let eligibilityPolicy: EligibilityPolicy
    let sessionCourse: [Int?]
    let sessionDayCount: [Int]
    let previousSession: [Int32]
    /// The needs in the plan of each agent.
    let needsOfAgent: [[Int]]
    /// Per competence and current level, the sessions that fit (``PlanningInstance`` level-fit table).
    let fitting: [CompetenceCode: [[Int]]]
    let sessionIsRemote: [Bool]

    /// Options of a range of agents, in agent then session order: the columns of ``PlanningInstance``'s
    /// options, with each option's needs counted in `needCount`.
    struct Block: Sendable {
        var agent: [Int32] = []
        var session: [Int32] = []
        var roadKilometres: [Double] = []
        var travelCost: [Double] = []
        var needCount: [Int32] = []
        var needs: [Int32] = []
        var needValue: [Double] = []
    }

    /// The options of every agent, built in `parts` ranges of agents on parallel threads.
    func blocks(parts: Int) -> [Block] {
        ParallelRanges.map(count: plannedAgents.count, parts: parts) { block(agents: $0) }
    }

    /// The options of the agents in `agents`.
    func block(agents: Range<Int>) -> Block {
        let policy = problem.policy
        var block = Block()
        var roads = RoadTable(sessions: problem.sessions)
        // Per session, the agent's needs it fits (`fitStamp` marks the sessions touched for this agent).
        var fitStamp = [Int32](repeating: -1, count: problem.sessions.count)
        var fitNeeds = [[Int32]](repeating: [], count: problem.sessions.count)
        var touched: [Int] = []
        // Per distinct holiday list among the agents (one per country), whether each session's dates hold.
        var datesHold: [(holidays: [PublicHoliday], sessions: [Bool])] = []
        for agent in agents where !needsOfAgent[agent].isEmpty {
            touched.removeAll(keepingCapacity: true)
            for need in needsOfAgent[agent] {
                let wanted = problem.needs[need]
                guard let byLevel = fitting[wanted.competence], byLevel.indices.contains(wanted.currentLevel) else {
                    continue
                }
                for session in byLevel[wanted.currentLevel] {
                    if fitStamp[session] != Int32(agent) {
                        fitStamp[session] = Int32(agent)
                        fitNeeds[session].removeAll(keepingCapacity: true)
                        touched.append(session)
                    }
                    fitNeeds[session].append(Int32(need))
                }
            }
            touched.sort()
            let origin = roads.origin(problem.agents[agent].origin, circuity: problem.agents[agent].circuity)
            let planned = plannedAgents[agent]
            let context = contexts[agent]
            let limit = Eligibility.travelLimit(agent: planned, policy: eligibilityPolicy).kilometres
            let dates: Int
            if let known = datesHold.firstIndex(where: { $0.holidays == context.publicHolidays }) {
                dates = known
            } else {
                dates = datesHold.count
                datesHold.append(
                    (
                        context.publicHolidays,
                        problem.sessions.map { Eligibility.datesHold(session: $0, context: context) }
                    ))
            }
            for session in touched {
                if sessionIsRemote[session] && !policy.remoteAllowed { continue }
                let road = roads.kilometres(from: origin, to: session)
                if !sessionIsRemote[session] && road > limit { continue }  // travel fails: not eligible
                guard datesHold[dates].sessions[session],
                    Eligibility.holdsForAgent(
                        agent: planned, course: problem.courses[sessionCourse[session]!],
                        session: problem.sessions[session])
                else { continue }
                block.agent.append(Int32(agent))
                block.session.append(Int32(session))
                let roundTrips = 2 * road * Double(sessionDayCount[session])
                block.roadKilometres.append(roundTrips)
                block.travelCost.append(roundTrips * policy.travelCostPerKilometre)
                for need in fitNeeds[session].map(Int.init) {
                    block.needs.append(Int32(need))
                    let keeps = previousSession[need] == Int32(session)
                    block.needValue.append(
                        policy.valuePerWeight * problem.needs[need].weight + (keeps ? policy.changePenalty : 0))
                }
                block.needCount.append(Int32(fitNeeds[session].count))
            }
        }
        return block
    }
}

/// Road kilometres from agents' origins to session venues (``Eligibility/road(from:to:circuity:)``), computed
/// once per (origin, circuity, session): the agents of a commune share their origin. Remote sessions are 0.
struct RoadTable {
    private let sessions: [TrainingSession]
    private var originIndex: [Origin: Int] = [:]
    private var origins: [Origin] = []
    private var kilometres: [[Double]] = []

    private struct Origin: Hashable {
        let coordinate: Coordinate
        let circuity: Circuity
    }

    init(sessions: [TrainingSession]) {
        self.sessions = sessions
    }

    /// The index of an origin, for ``kilometres(from:to:)``.
    mutating func origin(_ coordinate: Coordinate, circuity: Circuity) -> Int {
        let key = Origin(coordinate: coordinate, circuity: circuity)
        if let known = originIndex[key] { return known }
        origins.append(key)
        kilometres.append(Array(repeating: .nan, count: sessions.count))
        originIndex[key] = origins.count - 1
        return origins.count - 1
    }

    mutating func kilometres(from origin: Int, to session: Int) -> Double {
        let cached = kilometres[origin][session]
        if !cached.isNaN { return cached }
        let road =
            sessions[session].venue.map {
                Eligibility.road(
                    from: origins[origin].coordinate, to: $0.coordinate, circuity: origins[origin].circuity
                )
                .kilometres
            } ?? 0
        kilometres[origin][session] = road
        return road
    }
}
