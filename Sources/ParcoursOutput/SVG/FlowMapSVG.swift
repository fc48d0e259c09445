import Foundation
import ParcoursModel

/// Who goes where: the communes of a territory with agents in the plan (circles sized by agents
/// trained), the venues of its on-site sessions (dark squares sized by participants), and a line from
/// each commune to each venue its agents go to, as thick as the number of agents; the territory's other
/// communes are small dots, for orientation.
struct FlowMapSVG {
    struct Flow {
        let communeCode: String
        let venue: Venue
        let agents: Int
    }

    let territory: Territory
    /// Agents trained per commune code.
    let agentsByCommune: [String: Int]
    let flows: [Flow]
    let language: Language

    var svg: String {
        let venues = Dictionary(flows.map { ($0.venue, $0.agents) }, uniquingKeysWith: +)
        let points = territory.communes.map(\.coordinate) + venues.keys.map(\.coordinate)
        guard
            let projection = MapProjection(
                fitting: points, width: 560, maximumHeight: 640, padding: (28, 118, 30, 30),
                minimumSpanDegrees: 0.2)
        else { return "" }
        let title = language.pick(
            "Carte des communes et des lieux de formation : qui va où",
            "Map of the communes and training venues: who goes where")
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" class="map" viewBox="0 0 \(projection.width) \(SVGText.number(projection.height))" \
            width="\(projection.width)" height="\(SVGText.number(projection.height))" role="img" aria-label="\(HTMLText.escape(title))">
            <title>\(HTMLText.escape(title))</title>
            <rect width="\(projection.width)" height="\(SVGText.number(projection.height))" fill="#f7fafc" rx="6"/>

            """
        for commune in territory.communes where agentsByCommune[commune.code] == nil {
            let (x, y) = projection.point(commune.coordinate)
            out += """
                <circle cx="\(SVGText.number(x))" cy="\(SVGText.number(y))" r="2" fill="#b8c2cc">\
                <title>\(HTMLText.escape(commune.name))</title></circle>

                """
        }
        let largestFlow = Double(flows.map(\.agents).max() ?? 1)
        for flow in flows.sorted(by: { $0.agents > $1.agents }) {
            guard let commune = territory.commune(code: flow.communeCode) else { continue }
            let (x1, y1) = projection.point(commune.coordinate)
            let (x2, y2) = projection.point(flow.venue.coordinate)
            let width = 1 + 5 * Double(flow.agents) / largestFlow
            let tooltip = language.pick(
                "\(commune.name) → \(flow.venue.name) : \(flow.agents) agent(s)",
                "\(commune.name) → \(flow.venue.name): \(flow.agents) agent(s)")
            out += """
                <line x1="\(SVGText.number(x1))" y1="\(SVGText.number(y1))" x2="\(SVGText.number(x2))" \
                y2="\(SVGText.number(y2))" stroke="#2c7fb8" stroke-opacity="0.55" stroke-width="\(SVGText.number(width))" \
                stroke-linecap="round"><title>\(HTMLText.escape(tooltip))</title></line>

                """
        }
        let largestCommune = Double(agentsByCommune.values.max() ?? 1)
        for commune in territory.communes {
            guard let agents = agentsByCommune[commune.code] else { continue }
            let (x, y) = projection.point(commune.coordinate)
            let radius = 4 + 14 * sqrt(Double(agents) / largestCommune)
            let tooltip = language.pick(
                "\(commune.name) : \(agents) agent(s) en formation", "\(commune.name): \(agents) agent(s) in training")
            out += """
                <g><title>\(HTMLText.escape(tooltip))</title>\
                <circle cx="\(SVGText.number(x))" cy="\(SVGText.number(y))" r="\(SVGText.number(radius))" fill="#fd8d3c" \
                stroke="#444444" fill-opacity="0.85"/>\
                <text x="\(SVGText.number(x + radius + 3))" y="\(SVGText.number(y + 4))" class="map-label">\
                \(HTMLText.escape(commune.name))</text></g>

                """
        }
        let largestVenue = Double(venues.values.max() ?? 1)
        for (venue, agents) in venues.sorted(by: { $0.key.name < $1.key.name }) {
            let (x, y) = projection.point(venue.coordinate)
            let side = 7 + 7 * sqrt(Double(agents) / largestVenue)
            let tooltip = language.pick(
                "\(venue.name), \(venue.address) : \(agents) participant(s)",
                "\(venue.name), \(venue.address): \(agents) participant(s)")
            out += """
                <rect x="\(SVGText.number(x - side / 2))" y="\(SVGText.number(y - side / 2))" width="\(SVGText.number(side))" \
                height="\(SVGText.number(side))" fill="#253494" stroke="#ffffff" stroke-width="1.5">\
                <title>\(HTMLText.escape(tooltip))</title></rect>

                """
        }
        return out + "</svg>"
    }
}
