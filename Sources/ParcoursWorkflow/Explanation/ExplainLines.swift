import ParcoursModel
import ParcoursOutput
import ParcoursSolver

/// The lines of `parcours explain` and of the service's explanations, from a stored plan: the engine's facts (``PlanExplainer``) in the
/// documents' wording (``PlanWording``).
public struct ExplainLines: Sendable {
    public let wording: PlanWording
    public let record: PlanRecord
    public let planID: Int64

    public init(wording: PlanWording, record: PlanRecord, planID: Int64) {
        self.wording = wording
        self.record = record
        self.planID = planID
    }

    var language: Language { wording.context.language }
    private var text: PlanText { PlanText(language) }
    private var dates: DateText { DateText(language: language) }
    var facts: PlanExplainer { PlanExplainer(problem: record.problem, plan: record.plan) }

    /// Each need of the agent: covered by which session, or every reason it is not; nil for an unknown agent.
    public func agent(_ id: String) -> [String]? {
        guard let planning = record.agent(id) else { return nil }
        let agent = planning.agent
        var lines = [
            language.pick(
                "Plan \(planID) — agent \(id) (\(agent.lastName.uppercased()) \(agent.firstName)), commune \(agent.communeCode), famille \(agent.jobFamilyID), statut \(agent.statusID)",
                "Plan \(planID) — agent \(id) (\(agent.lastName.uppercased()) \(agent.firstName)), commune \(agent.communeCode), job family \(agent.jobFamilyID), status \(agent.statusID)"
            )
        ]
        lines += needLines(of: planning, indent: "  ")
        if let travel = record.plan.travel.first(where: { $0.agentID == id }) {
            lines.append(
                language.pick(
                    "  Déplacements : \(text.kilometres(travel.roadKilometres)) aller-retour au total (\(text.euros(travel.cost))) ; \(language.decimal(travel.hours, fractionDigits: 1)) h de formation sur \(language.decimal(travel.allowanceHours, fractionDigits: 1)) h permises",
                    "  Travel: \(text.kilometres(travel.roadKilometres)) round trips in all (\(text.euros(travel.cost))); \(language.decimal(travel.hours, fractionDigits: 1)) training hours out of \(language.decimal(travel.allowanceHours, fractionDigits: 1)) allowed"
                ))
        }
        return lines
    }

    /// The session: open with whom and at what cost, or why not; nil for an unknown session.
    public func session(_ id: String) -> [String]? {
        guard let session = record.session(id) else { return nil }
        var lines = [describe(session)]
        if let planned = record.plan.sessions.first(where: { $0.sessionID == id }) {
            lines.append(
                language.pick(
                    "  Ouverte : \(planned.participants.count) participants (minimum \(session.minimumSeats), maximum \(session.maximumSeats)), coût \(text.euros(planned.totalCost)) (fixe \(text.euros(planned.fixedCost)), places \(text.euros(planned.seatCosts)))",
                    "  Open: \(planned.participants.count) participants (minimum \(session.minimumSeats), maximum \(session.maximumSeats)), cost \(text.euros(planned.totalCost)) (fixed \(text.euros(planned.fixedCost)), seats \(text.euros(planned.seatCosts)))"
                ))
            for share in planned.communes {
                lines.append(
                    language.pick(
                        "    commune \(share.communeCode) : \(share.seats) places, \(text.euros(share.amount))",
                        "    commune \(share.communeCode): \(share.seats) seats, \(text.euros(share.amount))"))
            }
            lines.append(
                language.pick("  Participants : ", "  Participants: ") + planned.participants.joined(separator: ", "))
            if !planned.waitlist.isEmpty {
                lines.append(
                    language.pick("  Liste d’attente : ", "  Waitlist: ")
                        + planned.waitlist.map { "\($0.agentID) (\($0.competence))" }.joined(separator: ", "))
            }
        } else {
            lines.append(language.pick("  Non ouverte. Raisons relevées :", "  Not open. Reasons found:"))
            lines += reasonCounts(atSession: id).map { "    \($0)" }
        }
        return lines
    }

    /// The commune's agents by name with their needs, its sessions (other communes' agents as counts),
    /// its costs; nil when no agent of the plan belongs to it.
    public func commune(_ code: String) -> [String]? {
        let agents = record.problem.agents.filter { $0.agent.communeCode == code }
        guard !agents.isEmpty else { return nil }
        let figures = PlanFigures(planID: planID, label: "", record: record, farKilometres: 30)
        let coverage = figures.byCommune[code] ?? PlanFigures.Coverage()
        let outcome = record.plan.communes.first { $0.communeCode == code }
        var lines = [
            language.pick(
                "Plan \(planID) — commune \(code) : \(text.count(agents.count)) agents, \(text.count(coverage.coveredNeeds)) besoins couverts sur \(text.count(coverage.needs)) (\(text.percent(coverage.share)) du poids)",
                "Plan \(planID) — commune \(code): \(text.count(agents.count)) agents, \(text.count(coverage.coveredNeeds)) needs covered out of \(text.count(coverage.needs)) (\(text.percent(coverage.share)) of the weight)"
            )
        ]
        if let outcome {
            let budget = outcome.budget.map { text.euros($0) } ?? language.pick("aucun", "none")
            lines.append(
                language.pick(
                    "  Coût : \(text.euros(outcome.spent)) (part des sessions \(text.euros(outcome.sessionCosts)), déplacements \(text.euros(outcome.travelCosts))) ; budget \(budget)",
                    "  Cost: \(text.euros(outcome.spent)) (session shares \(text.euros(outcome.sessionCosts)), travel \(text.euros(outcome.travelCosts))); budget \(budget)"
                ))
        }
        let own = Set(agents.map(\.agent.externalID))
        let sessions = record.plan.sessions.filter { $0.participants.contains(where: own.contains) }
        if !sessions.isEmpty {
            lines.append(language.pick("  Sessions suivies par ses agents :", "  Sessions its agents attend:"))
            for planned in sessions {
                let mine = planned.participants.filter(own.contains).count
                let others = planned.participants.count - mine
                lines.append(
                    language.pick(
                        "    \(planned.sessionID) : \(mine) de ses agents, \(others) d’autres communes",
                        "    \(planned.sessionID): \(mine) of its agents, \(others) from other communes"))
            }
        }
        for planning in agents {
            let agent = planning.agent
            lines.append("  \(agent.lastName.uppercased()) \(agent.firstName) (\(agent.externalID))")
            lines += needLines(of: planning, indent: "    ")
        }
        return lines
    }

    // MARK: - Pieces

    private func needLines(of planning: PlanningAgent, indent: String) -> [String] {
        let id = planning.agent.externalID
        let needs = record.problem.needs.filter { $0.agentID == id }
        if needs.isEmpty {
            return [
                indent
                    + (record.unassessedAgents.contains(id)
                        ? language.pick("pas de résultat Pix : besoins inconnus", "no Pix result: needs unknown")
                        : language.pick("aucun besoin", "no need"))
            ]
        }
        let assignments = record.plan.assignments.filter { $0.agentID == id }
        let unmet = record.plan.unmetNeeds.filter { $0.need.agentID == id }
        let facts = facts
        var lines: [String] = []
        for need in needs {
            let head = language.pick(
                "\(need.competence) (niveau \(need.currentLevel) → \(need.targetLevel), poids \(language.decimal(need.weight)))",
                "\(need.competence) (level \(need.currentLevel) → \(need.targetLevel), weight \(language.decimal(need.weight)))"
            )
            if let assignment = assignments.first(where: { $0.competence == need.competence }),
                let session = record.session(assignment.sessionID)
            {
                lines.append(
                    indent + head + language.pick(" : couvert par ", ": covered by ") + describe(session, for: planning)
                )
                lines += wording.assignment(facts.explain(assignment)).map { indent + "  – " + $0 }
            } else if let need = unmet.first(where: { $0.need.competence == need.competence }) {
                let explanation = facts.explain(need)
                lines.append(
                    indent + head + language.pick(" : non couvert — ", ": not covered — ")
                        + wording.summary(explanation))
                if let change = explanation.nearestChange {
                    lines.append(
                        indent + language.pick("  Changement le plus proche : ", "  Nearest change: ")
                            + wording.nearestChange(change))
                }
                for reason in need.reasons {
                    lines.append(
                        indent + "  – " + wording.labels(reason) + language.pick(" : ", ": ") + wording.reason(reason))
                }
            }
        }
        return lines
    }

    /// The session in one line: id, course title, dates, venue (and road distance from `agent`'s commune).
    func describe(_ session: TrainingSession, for agent: PlanningAgent? = nil) -> String {
        let title = record.course(of: session)?.title ?? session.courseID
        let place: String
        if let venue = session.venue {
            let distance = agent.map {
                " (\(text.kilometres($0.circuity.roadKilometres(straightLine: $0.origin.distanceKilometres(to: venue.coordinate)))))"
            }
            place = venue.name + (distance ?? "")
        } else {
            place = language.pick("à distance", "remote")
        }
        return "\(session.id) « \(title) », \(dates.sessionDates(session.days)), \(place)"
    }

    /// How often each reason names the session among unmet needs, most frequent first.
    private func reasonCounts(atSession id: String) -> [String] {
        var counts: [String: Int] = [:]
        for unmet in record.plan.unmetNeeds {
            for reason in unmet.reasons where reason.sessionID == id {
                for name in reason.constraintNames { counts[name, default: 0] += 1 }
            }
        }
        if counts.isEmpty {
            return [language.pick("aucun besoin ne vise cette session", "no need points at this session")]
        }
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map {
            language.pick(
                "\(wording.label($0.key)) : \($0.value) besoins", "\(wording.label($0.key)): \($0.value) needs")
        }
    }
}
