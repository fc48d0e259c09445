import Foundation

/// Colours of the charts: a sequential scale for shares (light = few, dark red = many) and one
/// colour per Pix level.
enum ColourScale {
    /// Stops of the sequential scale (ColorBrewer YlOrRd, 5 classes).
    private static let stops: [(Double, Double, Double)] = [
        (255, 255, 178), (254, 204, 92), (253, 141, 60), (240, 59, 32), (189, 0, 38),
    ]

    /// The colour of a ratio 0…1 on the sequential scale, as `#rrggbb`.
    static func sequential(_ ratio: Double) -> String {
        let clamped = min(1, max(0, ratio.isFinite ? ratio : 0))
        let position = clamped * Double(stops.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(stops.count - 1, lower + 1)
        let fraction = position - Double(lower)
        func mix(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * fraction).rounded()) }
        let (r0, g0, b0) = stops[lower]
        let (r1, g1, b1) = stops[upper]
        return String(format: "#%02x%02x%02x", mix(r0, r1), mix(g0, g1), mix(b0, b1))
    }

    /// Whether text on the sequential colour of `ratio` should be white rather than dark.
    static func needsLightText(_ ratio: Double) -> Bool { ratio > 0.62 }

    /// One colour per level 0…8, from red (no mastery) through yellow to blue (expert).
    static func level(_ level: Int) -> String {
        let colours = [
            "#a50026", "#d73027", "#f46d43", "#fdae61", "#fee090", "#abd9e9", "#74add1", "#4575b4", "#313695",
        ]
        return colours[min(colours.count - 1, max(0, level))]
    }

    /// Whether text on the colour of `level` should be white.
    static func levelNeedsLightText(_ level: Int) -> Bool { level <= 1 || level >= 7 }

    /// Grey of suppressed or empty cells.
    static let suppressed = "#e5e5e5"
}
