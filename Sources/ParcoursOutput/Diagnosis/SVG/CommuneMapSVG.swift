import Foundation
import ParcoursDiagnose
import ParcoursModel

/// The communes of a territory at their coordinates: a circle per commune with agents, its area
/// proportional to the agents, its colour the share of fragile agents (grey when too few agents
/// to be shown); the territory's other communes are small dots, for orientation.
struct CommuneMapSVG {
    let diagnosis: TerritoryDiagnosis
    let report: DiagnosisReport

    private let width = 560.0
    private let maximumHeight = 640.0
    /// Room around the points; more on the right, where the names are written.
    private let padding = (left: 28.0, right: 118.0, top: 30.0, bottom: 30.0)
    private let maximumRadius = 24.0
    private let minimumRadius = 4.0

    var svg: String {
        let communes = diagnosis.territory.communes
        guard
            let projection = MapProjection(
                fitting: communes.map(\.coordinate), width: width, maximumHeight: maximumHeight, padding: padding)
        else { return "" }
        let height = projection.height
        func point(_ commune: Commune) -> (Double, Double) { projection.point(commune.coordinate) }
        let aggregates = Dictionary(
            diagnosis.communes.compactMap { aggregate -> (String, GroupAggregate)? in
                guard case .commune(let code) = aggregate.scope else { return nil }
                return (code, aggregate)
            }, uniquingKeysWith: { first, _ in first })
        let largest = Double(aggregates.values.map(\.agents).max() ?? 1)
        let title = report.language.pick(
            "Carte des communes : taille = agents, couleur = part d'agents fragiles",
            "Map of the communes: size = agents, colour = share of fragile agents")
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" class="map" viewBox="0 0 \(width) \(height)" \
            width="\(width)" height="\(height)" role="img" aria-label="\(HTMLText.escape(title))">
            <title>\(HTMLText.escape(title))</title>
            <rect width="\(width)" height="\(height)" fill="#f7fafc" rx="6"/>

            """
        for commune in communes where aggregates[commune.code] == nil {
            let (x, y) = point(commune)
            out += """
                <circle cx="\(rounded(x))" cy="\(rounded(y))" r="2" fill="#b8c2cc">\
                <title>\(HTMLText.escape(commune.name))</title></circle>

                """
        }
        let numbers = NumberText(language: report.language)
        let drawn = communes.compactMap { commune in aggregates[commune.code].map { (commune, $0) } }
            .sorted { $0.1.agents > $1.1.agents }  // small circles on top of large ones
        for (commune, aggregate) in drawn {
            let (x, y) = point(commune)
            let radius = minimumRadius + (maximumRadius - minimumRadius) * sqrt(Double(aggregate.agents) / largest)
            let fill = aggregate.fragileShare.map(ColourScale.sequential) ?? "url(#map-hatch-\(diagnosis.territory.id))"
            let detail =
                aggregate.fragileShare.map {
                    report.language.pick(
                        "\(aggregate.agents) agents, \(aggregate.assessed) évalués, \(numbers.percent($0)) fragiles",
                        "\(aggregate.agents) agents, \(aggregate.assessed) assessed, \(numbers.percent($0)) fragile")
                }
                ?? report.language.pick(
                    "\(aggregate.agents) agents, \(aggregate.assessed) évalués : trop peu pour être affiché",
                    "\(aggregate.agents) agents, \(aggregate.assessed) assessed: too few to be shown")
            out += """
                <g><title>\(HTMLText.escape("\(commune.name): \(detail)"))</title>\
                <circle cx="\(rounded(x))" cy="\(rounded(y))" r="\(rounded(radius))" fill="\(fill)" \
                stroke="#444444" stroke-width="1" fill-opacity="0.9"/>\
                <text x="\(rounded(x + radius + 3))" y="\(rounded(y + 4))" class="map-label">\
                \(HTMLText.escape(commune.name))</text></g>

                """
        }
        out += """
            <defs><pattern id="map-hatch-\(diagnosis.territory.id)" width="6" height="6" patternUnits="userSpaceOnUse" \
            patternTransform="rotate(45)"><rect width="6" height="6" fill="\(ColourScale.suppressed)"/>\
            <line x1="0" y1="0" x2="0" y2="6" stroke="#c8c8c8" stroke-width="2"/></pattern></defs>
            </svg>
            """
        return out
    }

    private func rounded(_ value: Double) -> String { SVGText.number(value) }
}
