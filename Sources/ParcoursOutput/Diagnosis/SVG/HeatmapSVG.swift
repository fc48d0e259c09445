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

    private let labelWidth = 190.0
    private let cellWidth = 46.0
    private let cellHeight = 26.0
    private let headerHeight = 34.0

    var svg: String {
        let codes = report.framework.codes
        let numbers = NumberText(language: report.language)
        let width = labelWidth + cellWidth * Double(codes.count) + 4
        let height = headerHeight + cellHeight * Double(rows.count) + 4
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" class="heatmap" viewBox="0 0 \(width) \(height)" \
            width="\(width)" height="\(height)" role="img" aria-label="\(HTMLText.escape(title))">
            <title>\(HTMLText.escape(title))</title>
            <defs><pattern id="hatch-\(idSuffix)" width="6" height="6" patternUnits="userSpaceOnUse" \
            patternTransform="rotate(45)"><rect width="6" height="6" fill="\(ColourScale.suppressed)"/>\
            <line x1="0" y1="0" x2="0" y2="6" stroke="#c8c8c8" stroke-width="2"/></pattern></defs>

            """
        for (column, code) in codes.enumerated() {
            let x = labelWidth + cellWidth * Double(column) + cellWidth / 2
            out += """
                <text x="\(x)" y="\(headerHeight - 10)" class="code" text-anchor="middle">\
                <title>\(HTMLText.escape(report.competenceTitle(code)))</title>\(HTMLText.escape(code.rawValue))</text>

                """
        }
        for (index, row) in rows.enumerated() {
            let y = headerHeight + cellHeight * Double(index)
            let weight = index == 0 ? " font-weight=\"700\"" : ""
            out += """
                <text x="\(labelWidth - 8)" y="\(y + cellHeight / 2 + 4)" text-anchor="end" class="row-label"\(weight)>\
                \(HTMLText.escape(row.label))</text>

                """
            for (column, cell) in row.aggregate.competences.enumerated() {
                let x = labelWidth + cellWidth * Double(column)
                out += self.cell(cell, x: x, y: y, numbers: numbers, rowLabel: row.label)
            }
        }
        // The first row is the whole territory: a line sets it apart from the communes.
        let separator = headerHeight + cellHeight
        out += "<line x1=\"0\" y1=\"\(separator)\" x2=\"\(width)\" y2=\"\(separator)\" stroke=\"#555555\"/>\n"
        return out + "</svg>"
    }

    private var title: String {
        report.language.pick(
            "Part des agents sous le niveau visé, par commune et compétence",
            "Share of agents below the target level, by commune and competence")
    }

    private func cell(_ cell: CompetenceAggregate, x: Double, y: Double, numbers: NumberText, rowLabel: String)
        -> String
    {
        let rect = "x=\"\(x + 1)\" y=\"\(y + 1)\" width=\"\(cellWidth - 2)\" height=\"\(cellHeight - 2)\""
        let competence = "\(rowLabel) · \(cell.competence.rawValue) \(report.competenceTitle(cell.competence))"
        guard cell.agentsWithTarget > 0 else {
            let note = report.language.pick("aucun agent visé", "no agent targeted")
            return
                "<rect \(rect) fill=\"#ffffff\" stroke=\"#eeeeee\"><title>\(HTMLText.escape("\(competence): \(note)"))</title></rect>\n"
        }
        guard let below = cell.belowTarget, let meanGap = cell.meanGap else {
            let note = report.language.pick(
                "moins de \(report.policy.minimumCellSize) agents : non affiché",
                "fewer than \(report.policy.minimumCellSize) agents: not shown")
            return
                "<rect \(rect) fill=\"url(#hatch-\(idSuffix))\"><title>\(HTMLText.escape("\(competence): \(note)"))</title></rect>\n"
        }
        let share = Double(below) / Double(cell.agentsWithTarget)
        let detail = report.language.pick(
            "\(below) sur \(cell.agentsWithTarget) sous le niveau visé, écart moyen \(numbers.decimal(meanGap))",
            "\(below) of \(cell.agentsWithTarget) below target, mean gap \(numbers.decimal(meanGap))")
        let textColour = ColourScale.needsLightText(share) ? "#ffffff" : "#222222"
        return """
            <g><title>\(HTMLText.escape("\(competence): \(detail)"))</title>\
            <rect \(rect) fill="\(ColourScale.sequential(share))"/>\
            <text x="\(x + cellWidth / 2)" y="\(y + cellHeight / 2 + 4)" text-anchor="middle" class="cell" \
            fill="\(textColour)">\(numbers.wholePercent(share))</text></g>

            """
    }
}
