/// A heatmap grid: a row per group, a column per competence code, each cell coloured by a ratio on the
/// sequential scale with its text and a tooltip; an empty cell is white, a hidden one hatched. The first
/// row can be set apart (a territory total above its communes).
struct GridHeatmapSVG {
    enum Cell {
        /// Nothing to show (no agent concerned).
        case empty(tooltip: String)
        /// A figure not shown (too few agents).
        case hidden(tooltip: String)
        case value(ratio: Double, text: String, tooltip: String)
    }

    struct Row {
        let label: String
        let cells: [Cell]
    }

    let title: String
    let columns: [(code: String, title: String)]
    let rows: [Row]
    /// Makes the ids of the SVG's definitions unique in the page.
    let idSuffix: String
    /// Draws the first row bold and a line under it.
    let firstRowIsTotal: Bool

    private let labelWidth = 190.0
    private let cellWidth = 46.0
    private let cellHeight = 26.0
    private let headerHeight = 34.0

    var svg: String {
        let width = labelWidth + cellWidth * Double(columns.count) + 4
        let height = headerHeight + cellHeight * Double(rows.count) + 4
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" class="heatmap" viewBox="0 0 \(width) \(height)" \
            width="\(width)" height="\(height)" role="img" aria-label="\(HTMLText.escape(title))">
            <title>\(HTMLText.escape(title))</title>
            <defs><pattern id="hatch-\(idSuffix)" width="6" height="6" patternUnits="userSpaceOnUse" \
            patternTransform="rotate(45)"><rect width="6" height="6" fill="\(ColourScale.suppressed)"/>\
            <line x1="0" y1="0" x2="0" y2="6" stroke="#c8c8c8" stroke-width="2"/></pattern></defs>

            """
        for (index, column) in columns.enumerated() {
            let x = labelWidth + cellWidth * Double(index) + cellWidth / 2
            out += """
                <text x="\(x)" y="\(headerHeight - 10)" class="code" text-anchor="middle">\
                <title>\(HTMLText.escape(column.title))</title>\(HTMLText.escape(column.code))</text>

                """
        }
        for (index, row) in rows.enumerated() {
            let y = headerHeight + cellHeight * Double(index)
            let weight = firstRowIsTotal && index == 0 ? " font-weight=\"700\"" : ""
            out += """
                <text x="\(labelWidth - 8)" y="\(y + cellHeight / 2 + 4)" text-anchor="end" class="row-label"\(weight)>\
                \(HTMLText.escape(row.label))</text>

                """
            for (column, cell) in row.cells.enumerated() {
                out += self.cell(cell, x: labelWidth + cellWidth * Double(column), y: y)
            }
        }
        if firstRowIsTotal {
            let separator = headerHeight + cellHeight
            out += "<line x1=\"0\" y1=\"\(separator)\" x2=\"\(width)\" y2=\"\(separator)\" stroke=\"#555555\"/>\n"
        }
        return out + "</svg>"
    }

    private func cell(_ cell: Cell, x: Double, y: Double) -> String {
        let rect = "x=\"\(x + 1)\" y=\"\(y + 1)\" width=\"\(cellWidth - 2)\" height=\"\(cellHeight - 2)\""
        switch cell {
        case .empty(let tooltip):
            return
                "<rect \(rect) fill=\"#ffffff\" stroke=\"#eeeeee\"><title>\(HTMLText.escape(tooltip))</title></rect>\n"
        case .hidden(let tooltip):
            return "<rect \(rect) fill=\"url(#hatch-\(idSuffix))\"><title>\(HTMLText.escape(tooltip))</title></rect>\n"
        case .value(let ratio, let text, let tooltip):
            let textColour = ColourScale.needsLightText(ratio) ? "#ffffff" : "#222222"
            return """
                <g><title>\(HTMLText.escape(tooltip))</title>\
                <rect \(rect) fill="\(ColourScale.sequential(ratio))"/>\
                <text x="\(x + cellWidth / 2)" y="\(y + cellHeight / 2 + 4)" text-anchor="middle" class="cell" \
                fill="\(textColour)">\(HTMLText.escape(text))</text></g>

                """
        }
    }
}
