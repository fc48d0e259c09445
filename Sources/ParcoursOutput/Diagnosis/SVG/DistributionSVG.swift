import ParcoursDiagnose
import ParcoursModel

/// The distribution of levels per competence: one 100 % bar per competence, a segment per level.
struct DistributionSVG {
    let distributions: [LevelDistribution]
    let report: DiagnosisReport

    private let labelWidth = 300.0
    private let barWidth = 420.0
    private let rowHeight = 22.0
    private let noteWidth = 190.0
    private let legendHeight = 34.0

    var svg: String {
        let numbers = NumberText(language: report.language)
        let width = labelWidth + barWidth + noteWidth
        let height = legendHeight + rowHeight * Double(distributions.count) + 6
        let title = report.language.pick(
            "Répartition des agents évalués par niveau, pour chaque compétence",
            "Assessed agents by level, for each competence")
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" class="distribution" viewBox="0 0 \(width) \(height)" \
            width="\(width)" height="\(height)" role="img" aria-label="\(HTMLText.escape(title))">
            <title>\(HTMLText.escape(title))</title>

            """
        out += legend(maximumLevel: report.framework.maximumLevel)
        for (index, distribution) in distributions.enumerated() {
            let y = legendHeight + rowHeight * Double(index)
            let code = distribution.competence
            let label = "\(code.rawValue) \(report.competenceTitle(code))"
            out += """
                <text x="\(labelWidth - 8)" y="\(y + rowHeight / 2 + 4)" text-anchor="end" class="row-label">\
                <title>\(HTMLText.escape(label))</title>\(HTMLText.escape(SVGText.shortened(label, to: 46)))</text>

                """
            guard let counts = distribution.counts, distribution.total > 0 else {
                out += """
                    <rect x="\(labelWidth)" y="\(y + 3)" width="\(barWidth)" height="\(rowHeight - 6)" \
                    fill="\(ColourScale.suppressed)"/>\
                    <text x="\(labelWidth + barWidth + 8)" y="\(y + rowHeight / 2 + 4)" class="note">\
                    \(HTMLText.escape(report.language.pick("trop peu de résultats", "too few results")))</text>

                    """
                continue
            }
            var x = labelWidth
            for (level, count) in counts.enumerated() where count > 0 {
                let share = Double(count) / Double(distribution.total)
                let segment = barWidth * share
                let detail = report.language.pick(
                    "\(code.rawValue), niveau \(level) : \(count) agents (\(numbers.percent(share)))",
                    "\(code.rawValue), level \(level): \(count) agents (\(numbers.percent(share)))")
                out += """
                    <rect x="\(x)" y="\(y + 3)" width="\(segment)" height="\(rowHeight - 6)" \
                    fill="\(ColourScale.level(level))"><title>\(HTMLText.escape(detail))</title></rect>
                    """
                if segment >= 18 {
                    let colour = ColourScale.levelNeedsLightText(level) ? "#ffffff" : "#222222"
                    out += """
                        <text x="\(x + segment / 2)" y="\(y + rowHeight / 2 + 4)" text-anchor="middle" \
                        class="cell" fill="\(colour)">\(level)</text>
                        """
                }
                out += "\n"
                x += segment
            }
            let note =
                (distribution.estimated ?? 0) > 0
                ? report.language.pick(
                    "n = \(distribution.total), dont \(distribution.estimated ?? 0) estimés",
                    "n = \(distribution.total), \(distribution.estimated ?? 0) estimated")
                : "n = \(distribution.total)"
            out += """
                <text x="\(labelWidth + barWidth + 8)" y="\(y + rowHeight / 2 + 4)" class="note">\
                \(HTMLText.escape(note))</text>

                """
        }
        return out + "</svg>"
    }

    private func legend(maximumLevel: Int) -> String {
        var out = """
            <text x="\(labelWidth - 8)" y="20" text-anchor="end" class="note">\
            \(HTMLText.escape(report.language.pick("Niveau :", "Level:")))</text>
            """
        let box = barWidth / Double(maximumLevel + 1)
        for level in 0...maximumLevel {
            let x = labelWidth + box * Double(level)
            let colour = ColourScale.levelNeedsLightText(level) ? "#ffffff" : "#222222"
            out += """
                <rect x="\(x)" y="6" width="\(box - 2)" height="20" fill="\(ColourScale.level(level))"/>\
                <text x="\(x + box / 2 - 1)" y="20" text-anchor="middle" class="cell" fill="\(colour)">\(level)</text>
                """
        }
        return out + "\n"
    }
}
