import Foundation
import ParcoursModel
import ParcoursSolver
import ParcoursStore

/// A training plan as stored: the problem it was solved from (agents, needs, sessions, policy, the
/// previous plan's assignments), so it can be re-solved, explained and compared whatever the store
/// holds later; the what-if options it was asked with; the result; and how the solve progressed.
/// Stored as JSON (``encoded()``) in the plan store; ``format`` changes when the layout does.
public struct PlanRecord: Codable, Sendable {
    /// The layout of this version of Parcours.
    public static let currentFormat = 1

    public let format: Int
    public let territoryID: String
    public let problem: PlanningProblem
    public let overrides: PlanningOverrides
    /// Sessions cancelled and agents removed by this plan's re-plans and their ancestors: later
    /// re-plans keep them out.
    public let cancelledSessions: [String]
    public let removedAgents: [String]
    /// Agents of the territory with no Pix result: their needs are unknown, not none.
    public let unassessedAgents: [String]
    public let plan: TrainingPlan
    /// Each improvement of the plan or of its bound while solving.
    public let progress: [PlanningProgress]

    public init(
        territoryID: String, problem: PlanningProblem, overrides: PlanningOverrides, cancelledSessions: [String] = [],
        removedAgents: [String] = [], unassessedAgents: [String], plan: TrainingPlan, progress: [PlanningProgress]
    ) {
        format = Self.currentFormat
        self.territoryID = territoryID
        self.problem = problem
        self.overrides = overrides
        self.cancelledSessions = cancelledSessions
        self.removedAgents = removedAgents
        self.unassessedAgents = unassessedAgents
        self.plan = plan
        self.progress = progress
    }

    /// The record as stored (JSON, keys sorted; infinite bounds written as "inf").
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(self)
    }

    /// The record of a stored plan; throws ``PlanRecordError`` when it was stored in another layout.
    public init(stored: StoredPlan) throws(PlanRecordError) {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        struct Header: Decodable { let format: Int }
        guard let header = try? decoder.decode(Header.self, from: stored.document) else {
            throw .unreadable(planID: stored.id)
        }
        guard header.format == Self.currentFormat else {
            throw .otherFormat(planID: stored.id, format: header.format)
        }
        do {
            self = try decoder.decode(Self.self, from: stored.document)
        } catch {
            throw .unreadable(planID: stored.id)
        }
    }

    /// The agent with external id `id` in the problem.
    public func agent(_ id: String) -> PlanningAgent? { agentsByID[id] }

    /// The session with id `id` in the problem.
    public func session(_ id: String) -> TrainingSession? { problem.sessions.first { $0.id == id } }

    /// The course of `session`.
    public func course(of session: TrainingSession) -> Course? { problem.courses.first { $0.id == session.courseID } }

    /// Agents of the problem by external id.
    public var agentsByID: [String: PlanningAgent] {
        Dictionary(problem.agents.map { ($0.agent.externalID, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

/// A stored plan this version cannot read.
public enum PlanRecordError: Error, Hashable, Sendable {
    case unreadable(planID: Int64)
    case otherFormat(planID: Int64, format: Int)

    public func message(in language: Language) -> String {
        switch self {
        case .unreadable(let id):
            language.pick("le plan \(id) stocké est illisible", "stored plan \(id) cannot be read")
        case .otherFormat(let id, let format):
            language.pick(
                "le plan \(id) a été stocké au format \(format), cette version lit le format \(PlanRecord.currentFormat) : refaites-le avec « parcours plan »",
                "plan \(id) was stored in format \(format), this version reads format \(PlanRecord.currentFormat): make it again with 'parcours plan'"
            )
        }
    }
}
