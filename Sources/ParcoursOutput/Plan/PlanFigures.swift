import ParcoursModel
import ParcoursSolver

/// Coverage of a territory's needs before and after the plan, per commune and competence: the share of
/// the commune's agents below their target level. After the plan a covered need counts as met when
/// the course's exit level (capped by the target) reaches the target.
struct PlanCoverage {
    let context: PlanContext
    let territory: Territory

    /// Per commune code (and "" for the whole territory) and competence: agents, below target before, after.
    private var counts: [String: (agents: Int, before: [CompetenceCode: Int], after: [CompetenceCode: Int])] {
        var agentsByCommune: [String: Int] = [:]
        for planning in context.problem.agents where territory.commune(code: planning.agent.communeCode) != nil {
            agentsByCommune[planning.agent.communeCode, default: 0] += 1
        }
        var result: [String: (agents: Int, before: [CompetenceCode: Int], after: [CompetenceCode: Int])] = [:]
        for (code, agents) in agentsByCommune { result[code] = (agents, [:], [:]) }
        result[""] = (agentsByCommune.values.reduce(0, +), [:], [:])
        let covered = Dictionary(
            context.plan.assignments.map { (NeedKey(agentID: $0.agentID, competence: $0.competence), $0.sessionID) }
        ) { first, _ in first }
        for need in context.problem.needs where need.gap > 0 {
            guard let commune = context.agent(need.agentID)?.agent.communeCode, result[commune] != nil else { continue }
            let stillBelow =
                covered[NeedKey(agentID: need.agentID, competence: need.competence)].map {
                    context.projectedLevel(of: need, sessionID: $0) < need.targetLevel
                } ?? true
            for key in [commune, ""] {
                result[key]!.before[need.competence, default: 0] += 1
                if stillBelow { result[key]!.after[need.competence, default: 0] += 1 }
            }
        }
        return result
    }

    func heatmap(after: Bool) -> String {
        let counts = self.counts
        let numbers = NumberText(language: context.language)
        let communes = territory.communes.filter { counts[$0.code] != nil }.sorted { $0.name < $1.name }
        let keys = [("", context.t("Ensemble du territoire", "Whole territory"))] + communes.map { ($0.code, $0.name) }
        let rows = keys.map { key, label in
            let entry = counts[key]!
            let cells = context.framework.codes.map { code -> GridHeatmapSVG.Cell in
                let title = "\(label) · \(code.rawValue) \(context.competenceTitle(code))"
                let before = entry.before[code] ?? 0
                guard before > 0 else {
                    return .empty(tooltip: title + context.t(" : aucun besoin", ": no need"))
                }
                guard entry.agents >= context.minimumCellSize else {
                    return .hidden(
                        tooltip: title
                            + context.t(
                                " : moins de \(context.minimumCellSize) agents, non affiché",
                                ": fewer than \(context.minimumCellSize) agents, not shown"))
                }
                let below = after ? entry.after[code] ?? 0 : before
                let ratio = Double(below) / Double(entry.agents)
                return .value(
                    ratio: ratio, text: numbers.wholePercent(ratio),
                    tooltip: title
                        + context.t(
                            " : \(below) agent(s) sur \(entry.agents) sous le niveau visé",
                            ": \(below) agent(s) of \(entry.agents) below target"))
            }
            return GridHeatmapSVG.Row(label: label, cells: cells)
        }
        return GridHeatmapSVG(
            title: after
                ? context.t("Agents sous le niveau visé après le plan", "Agents below target after the plan")
                : context.t("Agents sous le niveau visé avant le plan", "Agents below target before the plan"),
            columns: context.framework.competences.map { ($0.code.rawValue, context.competenceTitle($0.code)) },
            rows: rows, idSuffix: "\(territory.id)-\(after ? "after" : "before")", firstRowIsTotal: true
        ).svg
    }
}

/// Where a territory's agents go: agents trained per commune, trips commune → venue, agents in remote sessions.
struct PlanFlows {
    let agentsByCommune: [String: Int]
    let flows: [FlowMapSVG.Flow]
    let remoteAgents: Int

    init(context: PlanContext, territory: Territory) {
        var trained: [String: Set<String>] = [:]
        var trips: [String: [Venue: Set<String>]] = [:]
        var remote: Set<String> = []
        for planned in context.plan.sessions {
            let session = context.session(planned.sessionID)
            for id in planned.participants {
                guard let commune = context.agent(id)?.agent.communeCode, territory.commune(code: commune) != nil
                else { continue }
                trained[commune, default: []].insert(id)
                if let venue = session?.venue {
                    trips[commune, default: [:]][venue, default: []].insert(id)
                } else {
                    remote.insert(id)
                }
            }
        }
        agentsByCommune = trained.mapValues(\.count)
        flows = trips.flatMap { commune, venues in
            venues.map { FlowMapSVG.Flow(communeCode: commune, venue: $0.key, agents: $0.value.count) }
        }.sorted { ($0.communeCode, $0.venue.name) < ($1.communeCode, $1.venue.name) }
        remoteAgents = remote.count
    }
}
