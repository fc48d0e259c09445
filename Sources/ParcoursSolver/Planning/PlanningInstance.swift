import ParcoursModel

/// A ``PlanningProblem`` compiled for the search and the bound: indices instead of ids, eligibility
/// evaluated once, and the attendance *options*: an option is an (agent, session) pair where the agent
/// is eligible for at least one of their needs; attending covers those needs with one seat.
struct PlanningInstance: Sendable {
    let problem: PlanningProblem
    let policy: PlanningPolicy

    // Agents (indices into problem.agents).
    let agentIndex: [String: Int]
    /// The agent with the policy's what-if travel cap applied (what eligibility is checked against).
    let plannedAgents: [Agent]
    let agentCommune: [Int]
    let allowance: [Double]
    let contexts: [EligibilityContext]

    // Communes (in first-appearance order among agents).
    let communeCodes: [String]
    let communeParticipates: [Bool]
    let communeBudget: [Double]
    /// Whether some commune has a budget (finite).
    let hasBudgets: Bool
    /// `floorShare` × the commune's need weight in the plan: the weight the fairness bonus applies to.
    let fairnessFloor: [Double]
    let communeNeedWeight: [Double]

    // Needs (indices into problem.needs).
    /// The agent of the need, or -1 when the agent is unknown.
    let needAgent: [Int]
    let needWeight: [Double]
    /// Whether the need takes part in the plan (known agent of a participating commune).
    let needInPlan: [Bool]

    // Sessions (indices into problem.sessions).
    let sessionCourse: [Int?]
    let sessionHours: [Double]
    let sessionDayCount: [Int]
    let fixedCost: [Double]
    let seatCost: [Double]
    let minimumSeats: [Int]
    let maximumSeats: [Int]
    /// Sessions sharing a time slot with each session, sorted.
    let clashes: [[Int32]]
    /// Sessions teaching each competence.
    let sessionsTeaching: [CompetenceCode: [Int]]

    // Options.
    let optionAgent: [Int32]
    let optionSession: [Int32]
    let optionRoadKilometres: [Double]
    let optionTravelCost: [Double]
    /// Range of each option's needs in `optionNeeds` / `optionNeedValue`.
    let optionNeedStart: [Int32]
    let optionNeeds: [Int32]
    /// Value of covering the need through this option: `valuePerWeight` × weight, plus the change penalty
    /// when the option keeps the previous plan's (unpinned) assignment.
    let optionNeedValue: [Double]
    let agentOptions: [[Int32]]
    let sessionOptions: [[Int32]]

    // Re-planning.
    /// Pinned (need, session) pairs of the previous plan that refer to a known need and session.
    let pins: [(need: Int, session: Int, assignment: PreviousAssignment)]
    /// Pinned assignments that refer to no need or session of the problem.
    let unknownPins: [PreviousAssignment]
    /// The previous session of each need with an unpinned previous assignment (-1 otherwise).
    let previousSession: [Int32]
    /// Number of unpinned previous assignments: each not kept costs the change penalty.
    let previousCount: Int

    /// Candidates of a session sampled at most when its neighbours are ranked (``neighbourLists()``).
    static let neighbourSample = 256

    var agentCount: Int { plannedAgents.count }
    var needCount: Int { needAgent.count }
    var sessionCount: Int { sessionCourse.count }
    var optionCount: Int { optionAgent.count }

    /// The option's cost: the seat and the agent's trips.
    @inline(__always) func optionCost(_ option: Int) -> Double {
        seatCost[Int(optionSession[option])] + optionTravelCost[option]
    }

    @inline(__always) func clash(_ first: Int, _ second: Int) -> Bool {
        let list = clashes[first]
        var low = 0
        var high = list.count
        let target = Int32(second)
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low < list.count && list[low] == target
    }

    /// `optionWorkers`: threads the options are built on (default: one per 1 000 agents, up to the
    /// processors).
    init(problem: PlanningProblem, optionWorkers: Int? = nil) {
        self.problem = problem
        let policy = problem.policy
        self.policy = policy

        // Agents and communes.
        var agentIndex: [String: Int] = [:]
        var communeIndex: [String: Int] = [:]
        var communeCodes: [String] = []
        var agentCommune: [Int] = []
        var plannedAgents: [Agent] = []
        var contexts: [EligibilityContext] = []
        var allowance: [Double] = []
        let eligibilityPolicy = EligibilityPolicy(noCarMaximumKilometres: policy.noCarMaximumKilometres)
        for (index, planning) in problem.agents.enumerated() {
            let agent = planning.agent
            agentIndex[agent.externalID] = index
            if communeIndex[agent.communeCode] == nil {
                communeIndex[agent.communeCode] = communeCodes.count
                communeCodes.append(agent.communeCode)
            }
            agentCommune.append(communeIndex[agent.communeCode]!)
            plannedAgents.append(Self.capped(agent, at: policy.maximumTravelKilometres))
            contexts.append(
                EligibilityContext(
                    circuity: planning.circuity, publicHolidays: planning.publicHolidays, agentOrigin: planning.origin,
                    planningDate: problem.planningDate, policy: eligibilityPolicy))
            allowance.append(planning.trainingHoursAllowance ?? policy.trainingHoursPerFullTime * agent.workingTime)
        }
        self.agentIndex = agentIndex
        self.communeCodes = communeCodes
        self.agentCommune = agentCommune
        self.plannedAgents = plannedAgents
        self.contexts = contexts
        self.allowance = allowance
        let participates = communeCodes.map { policy.participatingCommunes?.contains($0) ?? true }
        communeParticipates = participates
        communeBudget = communeCodes.map { policy.budgets.amount(forCommune: $0) ?? .infinity }
        hasBudgets = communeBudget.contains { $0 < .infinity }

        // Needs.
        needAgent = problem.needs.map { agentIndex[$0.agentID] ?? -1 }
        needWeight = problem.needs.map(\.weight)
        var needInPlan: [Bool] = []
        var communeNeedWeight = [Double](repeating: 0, count: communeCodes.count)
        for (need, agent) in zip(problem.needs, needAgent) {
            let inPlan = agent >= 0 && participates[agentCommune[agent]] && need.weight > 0
            needInPlan.append(inPlan)
            if inPlan { communeNeedWeight[agentCommune[agent]] += need.weight }
        }
        self.needInPlan = needInPlan
        self.communeNeedWeight = communeNeedWeight
        fairnessFloor = communeNeedWeight.map { policy.fairness.floorShare * $0 }

        // Sessions.
        let courseIndex = Dictionary(problem.courses.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        sessionCourse = problem.sessions.map { courseIndex[$0.courseID] }
        sessionHours = problem.sessions.map { session in
            session.days.reduce(0) { $0 + Double(max(0, $1.endMinute - $1.startMinute)) / 60 }
        }
        sessionDayCount = problem.sessions.map { Set($0.days.map(\.day)).count }
        fixedCost = problem.sessions.map(\.fixedCost)
        seatCost = problem.sessions.map(\.seatCost)
        let floorSize = policy.minimumGroupSize ?? 0
        minimumSeats = problem.sessions.map { max($0.minimumSeats, floorSize, 1) }
        maximumSeats = problem.sessions.map(\.maximumSeats)
        clashes = Self.clashLists(problem.sessions)
        var teaching: [CompetenceCode: [Int]] = [:]
        for (index, course) in sessionCourse.enumerated() {
            guard let course else { continue }
            for code in Set(problem.courses[course].competences.map(\.code)) {
                teaching[code, default: []].append(index)
            }
        }
        sessionsTeaching = teaching

        // Re-planning.
        // Needs by agent and competence, only when there is a previous plan to match.
        var needKey: [String: [Int]] = [:]
        if !problem.previousAssignments.isEmpty {
            for (index, need) in problem.needs.enumerated() {
                needKey["\(need.agentID)\u{1}\(need.competence)", default: []].append(index)
            }
        }
        let sessionIndex = Dictionary(
            problem.sessions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var pins: [(need: Int, session: Int, assignment: PreviousAssignment)] = []
        var unknownPins: [PreviousAssignment] = []
        var previousSession = [Int32](repeating: -1, count: problem.needs.count)
        var previousCount = 0
        for previous in problem.previousAssignments {
            let need = needKey["\(previous.agentID)\u{1}\(previous.competence)"]?.first
            let session = sessionIndex[previous.sessionID]
            if previous.isPinned {
                if let need, let session {
                    pins.append((need, session, previous))
                } else {
                    unknownPins.append(previous)
                }
            } else {
                previousCount += 1
                if let need, let session { previousSession[need] = Int32(session) }
            }
        }
        self.pins = pins
        self.unknownPins = unknownPins
        self.previousSession = previousSession
        self.previousCount = previousCount

        // Options: by ranges of agents on parallel threads (``OptionBuilder``), concatenated in agent order.
        var needsOfAgent = [[Int]](repeating: [], count: problem.agents.count)
        for (need, agent) in needAgent.enumerated() where needInPlan[need] { needsOfAgent[agent].append(need) }
        let builder = OptionBuilder(
            problem: problem, plannedAgents: plannedAgents, contexts: contexts, eligibilityPolicy: eligibilityPolicy,
            sessionCourse: sessionCourse, sessionDayCount: sessionDayCount, previousSession: previousSession,
            needsOfAgent: needsOfAgent,
            fitting: Self.fittingSessions(courses: problem.courses, sessionCourse: sessionCourse),
            sessionIsRemote: problem.sessions.map(\.isRemote))
        var optionAgent: [Int32] = []
        var optionSession: [Int32] = []
        var optionRoad: [Double] = []
        var optionTravel: [Double] = []
        var optionNeedStart: [Int32] = [0]
        var optionNeeds: [Int32] = []
        var optionNeedValue: [Double] = []
        var agentOptions = [[Int32]](repeating: [], count: problem.agents.count)
        var sessionOptions = [[Int32]](repeating: [], count: problem.sessions.count)
        for block in builder.blocks(
            parts: optionWorkers ?? ParallelRanges.parts(items: problem.agents.count, minimumPerPart: 1_000))
        {
            let first = optionAgent.count
            optionAgent += block.agent
            optionSession += block.session
            optionRoad += block.roadKilometres
            optionTravel += block.travelCost
            optionNeeds += block.needs
            optionNeedValue += block.needValue
            for (offset, count) in block.needCount.enumerated() {
                optionNeedStart.append(optionNeedStart[first + offset] + count)
                let option = Int32(first + offset)
                agentOptions[Int(block.agent[offset])].append(option)
                sessionOptions[Int(block.session[offset])].append(option)
            }
        }
        self.optionAgent = optionAgent
        self.optionSession = optionSession
        optionRoadKilometres = optionRoad
        optionTravelCost = optionTravel
        self.optionNeedStart = optionNeedStart
        self.optionNeeds = optionNeeds
        self.optionNeedValue = optionNeedValue
        self.agentOptions = agentOptions
        self.sessionOptions = sessionOptions
    }

    /// Per competence and current level, the sessions whose course teaches that competence from that level
    /// to a level above it (the level-fit rule of ``Eligibility/levelFit(need:course:)``), in session order.
    private static func fittingSessions(courses: [Course], sessionCourse: [Int?]) -> [CompetenceCode: [[Int]]] {
        var fitting: [CompetenceCode: [[Int]]] = [:]
        for (session, course) in sessionCourse.enumerated() {
            guard let course else { continue }
            for taught in courses[course].competences where taught.entryLevel < taught.exitLevel {
                var byLevel = fitting[taught.code] ?? []
                if byLevel.count < taught.exitLevel {
                    byLevel += Array(repeating: [], count: taught.exitLevel - byLevel.count)
                }
                for level in max(0, taught.entryLevel)..<taught.exitLevel where byLevel[level].last != session {
                    byLevel[level].append(session)
                }
                fitting[taught.code] = byLevel
            }
        }
        return fitting
    }

    /// The agent with their travel limit capped by the policy's what-if limit, if any.
    private static func capped(_ agent: Agent, at cap: Double?) -> Agent {
        guard let cap, cap < agent.maximumTravelKilometres else { return agent }
        return Agent(
            externalID: agent.externalID, lastName: agent.lastName, firstName: agent.firstName,
            communeCode: agent.communeCode, jobFamilyID: agent.jobFamilyID, statusID: agent.statusID,
            equipment: agent.equipment, workingTime: agent.workingTime, workingDays: agent.workingDays,
            hasCar: agent.hasCar, maximumTravelKilometres: cap, unavailable: agent.unavailable,
            languages: agent.languages)
    }

    /// For each session, the sessions with an overlapping time slot (sorted), found day by day.
    private static func clashLists(_ sessions: [TrainingSession]) -> [[Int32]] {
        var byDay: [CalendarDay: [Int]] = [:]
        for (index, session) in sessions.enumerated() {
            for day in Set(session.days.map(\.day)) { byDay[day, default: []].append(index) }
        }
        var lists = [Set<Int32>](repeating: [], count: sessions.count)
        for (_, indices) in byDay where indices.count > 1 {
            for (position, first) in indices.enumerated() {
                for second in indices[(position + 1)...] where TimeClash(sessions[first], sessions[second]) != nil {
                    lists[first].insert(Int32(second))
                    lists[second].insert(Int32(first))
                }
            }
        }
        return lists.map { $0.sorted() }
    }

    /// For each session, the (up to) 12 sessions sharing the most candidate agents with it: the sessions
    /// whose openings and groups interact, and so the neighbourhoods of the large-neighbourhood search
    /// (computed when that search first needs them: a plan proven within the gap target before it needs
    /// none). A session with more than ``neighbourSample`` candidates counts what an evenly spaced sample
    /// of them shares: counting them all costs the square of the options per agent, which a dense city
    /// (every agent within reach of hundreds of sessions) makes prohibitive.
    func neighbourLists() -> [[Int]] {
        var shared = [Int32](repeating: 0, count: sessionCount)
        var touched: [Int] = []
        return sessionOptions.indices.map { session in
            let candidates = sessionOptions[session]
            let stride = max(1, (candidates.count + Self.neighbourSample - 1) / Self.neighbourSample)
            for option in Swift.stride(from: 0, to: candidates.count, by: stride).map({ candidates[$0] }) {
                for other in agentOptions[Int(optionAgent[Int(option)])] {
                    let related = Int(optionSession[Int(other)])
                    guard related != session else { continue }
                    if shared[related] == 0 { touched.append(related) }
                    shared[related] += 1
                }
            }
            let ranked = touched.sorted { (shared[$0], $1) > (shared[$1], $0) }.prefix(12)
            for related in touched { shared[related] = 0 }
            touched.removeAll(keepingCapacity: true)
            return Array(ranked)
        }
    }
}
