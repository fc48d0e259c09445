import Foundation
import ParcoursModel
import ParcoursSolver

/// The plan as JSON, schema `parcours-plan` version 1, documented in
/// `Sources/ParcoursOutput/Schemas/plan-v1.schema.json`: every open session with its participants and
/// cost split, every assignment, every unmet need with its reasons' names and facts, travel, the
/// objective's terms, the bound and the gap (both `null` when the solve stopped before computing a
/// bound). It leaves the communes, so agents are known by their pseudonym only. Keys are sorted, so two writes of one plan give the same bytes.
public enum PlanJSON {
    public static let schemaName = "parcours-plan"
    public static let schemaVersion = 1

    public static func encode(_ context: PlanContext) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(Document(context))
    }

    struct Document: Encodable {
        let schema = PlanJSON.schemaName
        let schemaVersion = PlanJSON.schemaVersion
        let generatedAt: String
        let planID: String?
        let revision: Int
        let language: String
        let planningDate: String
        let policy: PolicyEntry
        let objective: ObjectiveEntry
        let bound: FiniteNumber
        let gap: FiniteNumber
        let seconds: Double
        let communes: [CommuneEntry]
        let agents: [AgentEntry]
        let sessions: [SessionEntry]
        let assignments: [AssignmentEntry]
        let travel: [TravelEntry]
        let unmetNeeds: [UnmetEntry]
        let releasedPins: [ReleasedPinEntry]

        init(_ context: PlanContext) {
            let plan = context.plan
            generatedAt = ISO8601DateFormatter().string(from: context.generatedAt)
            planID = context.planID
            revision = context.revision
            language = context.language.rawValue
            planningDate = context.problem.planningDate.description
            policy = PolicyEntry(context.problem.policy)
            objective = ObjectiveEntry(plan.objective)
            bound = FiniteNumber(plan.bound)
            gap = FiniteNumber(plan.bound.isFinite ? plan.gap : .infinity)
            seconds = plan.seconds
            communes = plan.communes.map { CommuneEntry($0, context: context) }
            let attending = Set(plan.sessions.flatMap(\.participants)).union(plan.unmetNeeds.map(\.need.agentID))
            agents = context.problem.agents.filter { attending.contains($0.agent.externalID) }.map {
                AgentEntry($0, context: context)
            }
            sessions = plan.sessions.compactMap { SessionEntry($0, context: context) }
            let needs = context.needsByKey
            assignments = plan.assignments.map { assignment in
                AssignmentEntry(
                    assignment, need: needs[NeedKey(agentID: assignment.agentID, competence: assignment.competence)],
                    context: context)
            }
            travel = plan.travel.map {
                TravelEntry(
                    agent: context.pseudonym($0.agentID), commune: $0.communeCode, roadKilometres: $0.roadKilometres,
                    cost: $0.cost, hours: $0.hours, allowanceHours: $0.allowanceHours)
            }
            unmetNeeds = plan.unmetNeeds.map { UnmetEntry($0, context: context) }
            releasedPins = plan.releasedPins.map { pin in
                ReleasedPinEntry(
                    agent: context.pseudonym(pin.assignment.agentID), competence: pin.assignment.competence.rawValue,
                    session: pin.assignment.sessionID, reason: pin.reason.map { ReasonEntry($0, context: context) })
            }
        }
    }

    /// A number written as is when finite, as `null` otherwise (JSON has no infinity).
    struct FiniteNumber: Encodable {
        let value: Double
        init(_ value: Double) { self.value = value }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            if value.isFinite { try container.encode(value) } else { try container.encodeNil() }
        }
    }

    struct PolicyEntry: Encodable {
        let valuePerWeight: Double
        let travelCostPerKilometre: Double
        let noCarMaximumKilometres: Double
        let maximumTravelKilometres: Double?
        let minimumGroupSize: Int?
        let remoteAllowed: Bool
        let participatingCommunes: [String]?
        let costSplit: String
        let trainingHoursPerFullTime: Double
        let changePenalty: Double
        let timeLimitSeconds: Double
        let seed: UInt64

        init(_ policy: PlanningPolicy) {
            valuePerWeight = policy.valuePerWeight
            travelCostPerKilometre = policy.travelCostPerKilometre
            noCarMaximumKilometres = policy.noCarMaximumKilometres
            maximumTravelKilometres = policy.maximumTravelKilometres
            minimumGroupSize = policy.minimumGroupSize
            remoteAllowed = policy.remoteAllowed
            participatingCommunes = policy.participatingCommunes.map { $0.sorted() }
            costSplit = policy.costSplit.rawValue
            trainingHoursPerFullTime = policy.trainingHoursPerFullTime
            changePenalty = policy.changePenalty
            timeLimitSeconds = policy.timeLimitSeconds
            seed = policy.seed
        }
    }

    struct ObjectiveEntry: Encodable {
        let total: Double
        let coveredWeight: Double
        let coveredValue: Double
        let fairnessBonus: Double
        let fixedCosts: Double
        let seatCosts: Double
        let travelCosts: Double
        let changes: Int
        let changePenalties: Double

        init(_ terms: ObjectiveTerms) {
            total = terms.total
            coveredWeight = terms.coveredWeight
            coveredValue = terms.coveredValue
            fairnessBonus = terms.fairnessBonus
            fixedCosts = terms.fixedCosts
            seatCosts = terms.seatCosts
            travelCosts = terms.travelCosts
            changes = terms.changes
            changePenalties = terms.changePenalties
        }
    }

    struct CommuneEntry: Encodable {
        let code: String
        let name: String
        let territory: String?
        let latitude: Double?
        let longitude: Double?
        let sessionCosts: Double
        let travelCosts: Double
        let spent: Double
        let budget: Double?
        let needWeight: Double
        let coveredWeight: Double

        init(_ outcome: CommuneOutcome, context: PlanContext) {
            code = outcome.communeCode
            name = context.communeName(outcome.communeCode)
            territory = context.territory(ofCommune: outcome.communeCode)?.id
            latitude = context.commune(outcome.communeCode)?.coordinate.latitude
            longitude = context.commune(outcome.communeCode)?.coordinate.longitude
            sessionCosts = outcome.sessionCosts
            travelCosts = outcome.travelCosts
            spent = outcome.spent
            budget = outcome.budget
            needWeight = outcome.needWeight
            coveredWeight = outcome.coveredWeight
        }
    }

    /// What the plan's rules look at, for an agent known by pseudonym: no name, no matricule.
    struct AgentEntry: Encodable {
        let id: String
        let commune: String
        let origin: [Double]
        let circuity: CircuityEntry
        let status: String
        let equipment: [String]
        let hasCar: Bool
        let maximumTravelKilometres: Double
        let workingTime: Double

        init(_ planning: PlanningAgent, context: PlanContext) {
            let agent = planning.agent
            id = context.pseudonymizer.pseudonym(of: agent)
            commune = agent.communeCode
            origin = [planning.origin.latitude, planning.origin.longitude]
            circuity = CircuityEntry(
                factor: planning.circuity.factor, shortTripBelowKilometres: planning.circuity.shortTripBelowKilometres,
                shortTripFactor: planning.circuity.shortTripFactor)
            status = agent.statusID
            equipment = agent.equipment.map(\.rawValue).sorted()
            hasCar = agent.hasCar
            maximumTravelKilometres = agent.maximumTravelKilometres
            workingTime = agent.workingTime
        }
    }

    struct CircuityEntry: Encodable {
        let factor: Double
        let shortTripBelowKilometres: Double?
        let shortTripFactor: Double?
    }

    struct SessionEntry: Encodable {
        let id: String
        let course: CourseEntry
        let days: [DayEntry]
        let remote: Bool
        let venue: VenueEntry?
        let minimumSeats: Int
        let maximumSeats: Int
        let participants: [String]
        let communes: [ShareEntry]
        let fixedCost: Double
        let seatCost: Double
        let seatCosts: Double
        let totalCost: Double
        let equipmentRequired: [String]
        let equipmentProvided: [String]
        let eligibleStatuses: [String]
        let waitlist: [WaitlistEntryJSON]

        init?(_ planned: PlannedSession, context: PlanContext) {
            guard let session = context.session(planned.sessionID),
                let course = context.course(ofSession: planned.sessionID)
            else { return nil }
            id = session.id
            self.course = CourseEntry(
                id: course.id, title: course.title, provider: course.providerID,
                providerName: context.providerName(course.providerID), hours: course.hours,
                format: course.format.rawValue,
                competences: course.competences.map {
                    TaughtEntry(code: $0.code.rawValue, entryLevel: $0.entryLevel, exitLevel: $0.exitLevel)
                })
            days = session.days.map(DayEntry.init)
            remote = session.isRemote
            venue = session.venue.map {
                VenueEntry(
                    name: $0.name, address: $0.address, commune: $0.communeCode, latitude: $0.coordinate.latitude,
                    longitude: $0.coordinate.longitude)
            }
            minimumSeats = session.minimumSeats
            maximumSeats = session.maximumSeats
            participants = planned.participants.map(context.pseudonym).sorted()
            communes = planned.communes.map { ShareEntry(commune: $0.communeCode, seats: $0.seats, amount: $0.amount) }
            fixedCost = planned.fixedCost
            seatCost = session.seatCost
            seatCosts = planned.seatCosts
            totalCost = planned.totalCost
            equipmentRequired = session.equipmentRequired.map(\.rawValue).sorted()
            equipmentProvided = session.equipmentProvided.map(\.rawValue).sorted()
            eligibleStatuses = session.eligibleStatuses.sorted()
            waitlist = planned.waitlist.map {
                WaitlistEntryJSON(
                    agent: context.pseudonym($0.agentID), competence: $0.competence.rawValue, weight: $0.weight)
            }
        }
    }

    struct CourseEntry: Encodable {
        let id: String
        let title: String
        let provider: String
        let providerName: String
        let hours: Double?
        let format: String
        let competences: [TaughtEntry]
    }

    struct TaughtEntry: Encodable {
        let code: String
        let entryLevel: Int
        let exitLevel: Int
    }

    struct DayEntry: Encodable {
        let date: String
        let start: String
        let end: String

        init(_ day: SessionDay) {
            date = day.day.description
            start = String(format: "%02d:%02d", day.startMinute / 60, day.startMinute % 60)
            end = String(format: "%02d:%02d", day.endMinute / 60, day.endMinute % 60)
        }
    }

    struct VenueEntry: Encodable {
        let name: String
        let address: String
        let commune: String?
        let latitude: Double
        let longitude: Double
    }

    struct ShareEntry: Encodable {
        let commune: String
        let seats: Int
        let amount: Double
    }

    struct WaitlistEntryJSON: Encodable {
        let agent: String
        let competence: String
        let weight: Double
    }

    struct AssignmentEntry: Encodable {
        let agent: String
        let commune: String?
        let competence: String
        let session: String
        let weight: Double
        let currentLevel: Int?
        let targetLevel: Int?
        let projectedLevel: Int?
        let pinned: Bool
        let changed: Bool

        init(_ assignment: PlanAssignment, need: Need?, context: PlanContext) {
            agent = context.pseudonym(assignment.agentID)
            commune = context.agent(assignment.agentID)?.agent.communeCode
            competence = assignment.competence.rawValue
            session = assignment.sessionID
            weight = assignment.weight
            currentLevel = need?.currentLevel
            targetLevel = need?.targetLevel
            projectedLevel = need.map { context.projectedLevel(of: $0, sessionID: assignment.sessionID) }
            pinned = assignment.isPinned
            changed = assignment.isChanged
        }
    }

    struct TravelEntry: Encodable {
        let agent: String
        let commune: String
        let roadKilometres: Double
        let cost: Double
        let hours: Double
        let allowanceHours: Double
    }

    struct UnmetEntry: Encodable {
        let agent: String
        let commune: String?
        let competence: String
        let currentLevel: Int
        let targetLevel: Int
        let weight: Double
        /// The constraint names of the reason the need is listed under in the documents.
        let headline: [String]
        let reasons: [ReasonEntry]
        let nearestChange: NearestChangeEntry?

        init(_ unmet: UnmetNeed, context: PlanContext) {
            agent = context.pseudonym(unmet.need.agentID)
            commune = unmet.communeCode
            competence = unmet.need.competence.rawValue
            currentLevel = unmet.need.currentLevel
            targetLevel = unmet.need.targetLevel
            weight = unmet.need.weight
            headline = unmet.headline?.constraintNames ?? []
            reasons = unmet.reasons.map { ReasonEntry($0, context: context) }
            nearestChange = context.nearestChange(unmet).map { NearestChangeEntry($0, context: context) }
        }
    }

    /// The nearest change that would cover a need: its kind, session, the setting wanted and today's.
    struct NearestChangeEntry: Encodable {
        let kind: String
        let session: String
        let commune: String?
        let value: Double
        let current: Double
        let explanation: String

        init(_ change: NearestChange, context: PlanContext) {
            session = change.sessionID
            explanation = PlanWording(context: context).nearestChange(change)
            var commune: String?
            switch change {
            case .travelLimit(_, let road, let limit): (kind, value, current) = ("travel-limit", road, limit)
            case .moreSeats(_, let seats, let maximum):
                (kind, value, current) = ("more-seats", Double(seats), Double(maximum))
            case .allowance(_, let hours, let allowance): (kind, value, current) = ("allowance", hours, allowance)
            case .budget(_, let code, let amount, let budget):
                (kind, value, current) = ("budget", amount, budget)
                commune = code
            case .valuePerWeight(_, let amount, let today): (kind, value, current) = ("value-per-weight", amount, today)
            }
            self.commune = commune
        }
    }

    struct ReleasedPinEntry: Encodable {
        let agent: String
        let competence: String
        let session: String
        let reason: ReasonEntry?
    }

    /// A reason: its constraint names, the session it is about, its facts, and a sentence.
    struct ReasonEntry: Encodable {
        let constraints: [String]
        let session: String?
        let facts: Facts
        let explanation: String

        init(_ reason: UnmetReason, context: PlanContext) {
            constraints = reason.constraintNames
            session = reason.sessionID
            facts = Facts(reason)
            explanation = PlanWording(context: context).reason(reason)
        }
    }

    /// The numbers behind a reason; only those of its kind are present.
    struct Facts: Encodable {
        var commune: String?
        var competence: String?
        var minimumSeats: Int?
        var maximumSeats: Int?
        var eligibleAgents: Int?
        var fixedCost: Double?
        var waitlistPosition: Int?
        var otherSession: String?
        var clashDate: String?
        var sessionHours: Double?
        var usedHours: Double?
        var allowanceHours: Double?
        var budget: Double?
        var spent: Double?
        var additionalCost: Double?
        var value: Double?
        var cost: Double?
        var failures: [FailureEntry]?

        init(_ reason: UnmetReason) {
            switch reason {
            case .unknownAgent, .remoteNotAllowed: break
            case .communeNotParticipating(let code): commune = code
            case .noSession(let code): competence = code.rawValue
            case .ineligible(_, let list): failures = list.map(FailureEntry.init)
            case .minimumNotReached(_, let minimum, let eligible):
                (minimumSeats, eligibleAgents) = (minimum, eligible)
            case .sessionNotOpened(_, let fixed, let minimum, let eligible):
                (fixedCost, minimumSeats, eligibleAgents) = (fixed, minimum, eligible)
            case .capacity(_, let maximum, let position): (maximumSeats, waitlistPosition) = (maximum, position)
            case .timeClash(let clash):
                (otherSession, clashDate) = (clash.secondSessionID, clash.firstDay.day.description)
            case .allowance(_, let hours, let used, let allowance):
                (sessionHours, usedHours, allowanceHours) = (hours, used, allowance)
            case .budget(_, let code, let amount, let spentSoFar, let additional):
                (commune, budget, spent, additionalCost) = (code, amount, spentSoFar, additional)
            case .valueBelowCost(_, let needValue, let needCost): (value, cost) = (needValue, needCost)
            }
        }
    }

    /// A failed eligibility constraint and its main facts.
    struct FailureEntry: Encodable {
        let constraint: String
        var roadKilometres: Double?
        var limitKilometres: Double?
        var missingEquipment: [String]?
        var status: String?
        var days: [String]?

        init(_ failure: EligibilityFailure) {
            constraint = failure.constraint.rawValue
            switch failure {
            case .travel(_, _, let road, _, _, let limit): (roadKilometres, limitKilometres) = (road, limit)
            case .equipment(let missing): missingEquipment = missing.map(\.rawValue)
            case .status(let id, _): status = id
            case .schedule(let list), .unavailability(let list): days = list.map(\.description)
            case .publicHoliday(let holidays): days = holidays.map(\.day.description)
            case .levelFit, .remoteAccess, .language, .registration: break
            }
        }
    }
}
