import ParcoursDiagnose
import ParcoursModel

/// The heatmap commune × competence: each cell is the share of agents below their job family's
/// target on the competence; cells over too few agents are grey and empty.
struct HeatmapSVG {
    /// The whole territory first, then its communes.
    let rows: [(label: String, aggregate: GroupAggregate)]
    let report: DiagnosisReport
    /// Makes the ids of the SVG's definitions unique in the page.
    let idSuffix: String

    var svg: String {
        GridHeatmapSVG(
            title: report.language.pick(
                "Part des agents sous le niveau visé, par commune et compétence",
                "Share of agents below the target level, by commune and competence"),
            columns: report.framework.codes.map { ($0.rawValue, report.competenceTitle($0)) },
            rows: rows.map { row in
                GridHeatmapSVG.Row(
                    label: row.label, cells: row.aggregate.competences.map { cell($0, rowLabel: row.label) })
            },
            idSuffix: idSuffix, firstRowIsTotal: true
        ).svg
    }

    private func cell(_ cell: CompetenceAggregate, rowLabel: String) -> GridHeatmapSVG.Cell {
        let numbers = NumberText(language: report.language)
        let competence = "\(rowLabel) · \(cell.competence.rawValue) \(report.competenceTitle(cell.competence))"
        guard cell.agentsWithTarget > 0 else {
            return .empty(tooltip: "\(competence): \(report.language.pick("aucun agent visé", "no agent targeted"))")
        }
        guard let below = cell.belowTarget, let meanGap = cell.meanGap else {
            let note = report.language.pick(
                "moins de \(report.policy.minimumCellSize) agents : non affiché",
                "fewer than \(report.policy.minimumCellSize) agents: not shown")
            return .hidden(tooltip: "\(competence): \(note)")
        }
        let share = Double(below) / Double(cell.agentsWithTarget)
        let detail = report.language.pick(
            "\(below) sur \(cell.agentsWithTarget) sous le niveau visé, écart moyen \(numbers.decimal(meanGap))",
            "\(below) of \(cell.agentsWithTarget) below target, mean gap \(numbers.decimal(meanGap))")
        return .value(ratio: share, text: numbers.wholePercent(share), tooltip: "\(competence): \(detail)")
    }
}
