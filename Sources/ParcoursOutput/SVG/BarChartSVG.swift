/// A horizontal bar chart: a row per item, its bar made of coloured segments on a common scale, an
/// optional tick (a budget, a minimum) and the figure written after the bar.
struct BarChartSVG {
    struct Segment {
        let value: Double
        let colour: String
        let tooltip: String
    }

    struct Bar {
        let label: String
        let segments: [Segment]
        /// A tick on the scale, and what it means.
        let marker: (value: Double, tooltip: String)?
        let note: String
    }

    let title: String
    let bars: [Bar]
    /// The scale's end; the largest bar or marker when nil.
    let maximum: Double?
    /// The legend: colour and meaning.
    let legend: [(colour: String, label: String)]

    var labelWidth = 300.0
    var barWidth = 380.0
    var noteWidth = 170.0
    private let rowHeight = 22.0
    private let legendHeight = 26.0

    var svg: String {
        let top = legend.isEmpty ? 4.0 : legendHeight
        let width = labelWidth + barWidth + noteWidth
        let height = top + rowHeight * Double(bars.count) + 4
        let largest =
            maximum
            ?? bars.map { bar in
                max(bar.segments.map(\.value).reduce(0, +), bar.marker?.value ?? 0)
            }.max() ?? 1
        let scale = barWidth / max(largest, 1e-9)
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" class="bars" viewBox="0 0 \(width) \(height)" \
            width="\(width)" height="\(height)" role="img" aria-label="\(HTMLText.escape(title))">
            <title>\(HTMLText.escape(title))</title>

            """
        var x = labelWidth
        for item in legend {
            out += """
                <rect x="\(x)" y="6" width="14" height="14" fill="\(item.colour)"/>\
                <text x="\(x + 19)" y="18" class="note">\(HTMLText.escape(item.label))</text>

                """
            x += 30 + Double(item.label.count) * 6.5
        }
        for (index, bar) in bars.enumerated() {
            let y = top + rowHeight * Double(index)
            out += """
                <text x="\(labelWidth - 8)" y="\(y + rowHeight / 2 + 4)" text-anchor="end" class="row-label">\
                <title>\(HTMLText.escape(bar.label))</title>\(HTMLText.escape(SVGText.shortened(bar.label, to: Int(labelWidth / 6.6))))</text>

                """
            var start = labelWidth
            for segment in bar.segments where segment.value > 0 {
                let length = segment.value * scale
                out += """
                    <rect x="\(SVGText.number(start))" y="\(y + 4)" width="\(SVGText.number(length))" \
                    height="\(rowHeight - 8)" fill="\(segment.colour)"><title>\(HTMLText.escape(segment.tooltip))</title></rect>

                    """
                start += length
            }
            if let marker = bar.marker {
                let markerX = labelWidth + marker.value * scale
                out += """
                    <line x1="\(SVGText.number(markerX))" y1="\(y + 1)" x2="\(SVGText.number(markerX))" \
                    y2="\(y + rowHeight - 1)" stroke="#222222" stroke-width="2"><title>\(HTMLText.escape(marker.tooltip))</title></line>

                    """
            }
            out += """
                <text x="\(labelWidth + barWidth + 8)" y="\(y + rowHeight / 2 + 4)" class="note">\
                \(HTMLText.escape(bar.note))</text>

                """
        }
        return out + "</svg>"
    }
}
