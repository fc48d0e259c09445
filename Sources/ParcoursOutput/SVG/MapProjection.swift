import Foundation
import ParcoursModel

/// Places coordinates on a map drawing: an equirectangular projection around the points' mean
/// latitude, scaled to fit a width and a maximum height with padding (more on the right, where names go).
struct MapProjection {
    let width: Double
    let height: Double
    private let xScale: Double
    private let scale: Double
    private let minX: Double
    private let minY: Double
    private let padding: (left: Double, right: Double, top: Double, bottom: Double)

    /// Nil when there is no point to fit. `minimumSpanDegrees` keeps a few points close together from
    /// filling the whole drawing.
    init?(
        fitting points: [Coordinate], width: Double, maximumHeight: Double,
        padding: (left: Double, right: Double, top: Double, bottom: Double), minimumHeight: Double = 220,
        minimumSpanDegrees: Double = 0.001
    ) {
        guard !points.isEmpty else { return nil }
        let meanLatitude = points.map(\.latitude).reduce(0, +) / Double(points.count)
        let xScale = cos(meanLatitude * .pi / 180)
        self.xScale = xScale
        let xs = points.map { $0.longitude * xScale }
        let ys = points.map { -$0.latitude }
        // A span below the minimum (points close together) is widened around its centre, not blown up.
        func widened(_ low: Double, _ high: Double) -> (Double, Double) {
            let missing = max(0, minimumSpanDegrees - (high - low)) / 2
            return (low - missing, high + missing)
        }
        let (minX, maxX) = widened(xs.min()!, xs.max()!)
        let (minY, maxY) = widened(ys.min()!, ys.max()!)
        let usableWidth = width - padding.left - padding.right
        let usableHeight = maximumHeight - padding.top - padding.bottom
        let scale = min(usableWidth / max(maxX - minX, 0.001), usableHeight / max(maxY - minY, 0.001))
        self.scale = scale
        self.width = width
        height = max(minimumHeight, (maxY - minY) * scale + padding.top + padding.bottom)
        self.minX = minX
        self.minY = minY
        self.padding = padding
    }

    /// The drawing's x and y of a coordinate.
    func point(_ coordinate: Coordinate) -> (x: Double, y: Double) {
        (
            padding.left + (coordinate.longitude * xScale - minX) * scale,
            padding.top + (-coordinate.latitude - minY) * scale
        )
    }
}

/// Small text helpers of the charts.
enum SVGText {
    /// A coordinate in an SVG attribute: one decimal.
    static func number(_ value: Double) -> String { String(format: "%.1f", value) }

    /// The text cut to `length` characters with an ellipsis, for labels of fixed width.
    static func shortened(_ text: String, to length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}
