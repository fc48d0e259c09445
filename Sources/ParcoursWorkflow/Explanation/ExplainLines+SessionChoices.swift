import ParcoursModel
import ParcoursSolver

/// Why an assignment went to its session rather than another the agent could attend for the same need:
/// the engine's facts (``PlanExplainer/explain(_:)-(PlanAssignment)``) in the documents' wording.
public struct SessionChoice: Encodable, Hashable, Sendable {
    /// Another session the agent could attend, and why not that one.
    public struct Alternative: Encodable, Hashable, Sendable {
        public let session: String
        public let whyNot: String
    }

    public let agent: String
    public let lastName: String
    public let firstName: String
    public let competence: String
    public let sessionID: String
    /// The session in one line: id, course, dates, venue and road distance from the agent's commune.
    public let session: String
    /// Why this one, in a sentence: the distance and how many other sessions were possible.
    public let why: String
    public let alternatives: [Alternative]
}

extension ExplainLines {
    /// Each assignment of commune `code`'s agents with why its session; nil when no agent of the plan
    /// belongs to the commune.
    public func sessionChoices(ofCommune code: String) -> [SessionChoice]? {
        let agents = record.problem.agents.filter { $0.agent.communeCode == code }
        guard !agents.isEmpty else { return nil }
        let byID = Dictionary(agents.map { ($0.agent.externalID, $0) }, uniquingKeysWith: { first, _ in first })
        let facts = facts
        return record.plan.assignments.compactMap { assignment in
            guard let planning = byID[assignment.agentID], let session = record.session(assignment.sessionID) else {
                return nil
            }
            let explanation = facts.explain(assignment)
            return SessionChoice(
                agent: planning.agent.externalID, lastName: planning.agent.lastName,
                firstName: planning.agent.firstName, competence: assignment.competence.rawValue,
                sessionID: session.id, session: describe(session, for: planning),
                why: wording.assignment(explanation)[0],
                alternatives: explanation.alternatives.map { alternative in
                    SessionChoice.Alternative(
                        session: record.session(alternative.sessionID).map { describe($0, for: planning) }
                            ?? alternative.sessionID,
                        whyNot: wording.verdict(alternative.verdict))
                })
        }
    }
}
