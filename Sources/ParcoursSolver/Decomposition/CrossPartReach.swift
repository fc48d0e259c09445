import Foundation
import ParcoursModel

/// How many agents of a decomposed problem could reach an on-site session of another part: the
/// attendance the decomposition forbids (remote sessions apart, which any part's agents could join).
enum CrossPartReach {
    /// What a part contributes: its agents grouped by origin, circuity and travel limit, and the venues of
    /// its on-site sessions.
    struct Part: Sendable {
        struct Group: Hashable, Sendable {
            let origin: Coordinate
            let circuity: Circuity
            let limit: Double
        }

        let agents: [Group: Int]
        let venues: Set<Coordinate>

        init(problem: PlanningProblem) {
            let policy = EligibilityPolicy(noCarMaximumKilometres: problem.policy.noCarMaximumKilometres)
            var agents: [Group: Int] = [:]
            for planning in problem.agents {
                let limit = min(
                    Eligibility.travelLimit(agent: planning.agent, policy: policy).kilometres,
                    problem.policy.maximumTravelKilometres ?? .infinity)
                agents[Group(origin: planning.origin, circuity: planning.circuity, limit: limit), default: 0] += 1
            }
            self.agents = agents
            venues = Set(problem.sessions.compactMap(\.venue?.coordinate))
        }
    }

    /// The number of agents, over all parts, within their travel limit (by ``Eligibility/road(from:to:circuity:)``)
    /// of a venue of another part.
    static func count(_ parts: [Part]) -> Int {
        let grid = VenueGrid(parts: parts)
        var count = 0
        for (index, part) in parts.enumerated() {
            for (group, agents) in part.agents where grid.reaches(group, outside: index) {
                count += agents
            }
        }
        return count
    }
}

/// Venues in cells of half a degree, each with the part it belongs to.
private struct VenueGrid {
    static let cellDegrees = 0.5
    /// Fewest kilometres in a degree of latitude (a margin under the 111.2 of a great circle).
    static let kilometresPerDegree = 110.0

    struct Cell: Hashable {
        let latitude: Int
        let longitude: Int
    }

    private var cells: [Cell: [(venue: Coordinate, part: Int)]] = [:]
    private let partsWithVenues: Int

    init(parts: [CrossPartReach.Part]) {
        for (index, part) in parts.enumerated() {
            for venue in part.venues {
                cells[Self.cell(venue.latitude, venue.longitude), default: []].append((venue, index))
            }
        }
        partsWithVenues = parts.count { !$0.venues.isEmpty }
    }

    static func cell(_ latitude: Double, _ longitude: Double) -> Cell {
        Cell(
            latitude: Int((latitude / cellDegrees).rounded(.down)),
            longitude: Int((longitude / cellDegrees).rounded(.down)))
    }

    /// Whether a venue of a part other than `part` is within the group's travel limit.
    func reaches(_ group: CrossPartReach.Part.Group, outside part: Int) -> Bool {
        guard group.limit.isFinite else {
            return cells.values.contains { $0.contains { $0.part != part } }
        }
        guard partsWithVenues > 0 else { return false }
        let circuity = group.circuity
        let smallestFactor = min(1, circuity.factor, circuity.shortTripFactor ?? circuity.factor)
        let radius = group.limit / smallestFactor
        let latitudeSpan = radius / Self.kilometresPerDegree
        let widest = min(89.0, abs(group.origin.latitude) + latitudeSpan)
        let longitudeSpan = min(180, radius / (Self.kilometresPerDegree * cos(widest * .pi / 180)))
        let low = Self.cell(group.origin.latitude - latitudeSpan, group.origin.longitude - longitudeSpan)
        let high = Self.cell(group.origin.latitude + latitudeSpan, group.origin.longitude + longitudeSpan)
        for latitude in low.latitude...high.latitude {
            for longitude in low.longitude...high.longitude {
                for (venue, venuePart) in cells[Cell(latitude: latitude, longitude: longitude)] ?? []
                where venuePart != part
                    && Eligibility.road(from: group.origin, to: venue, circuity: circuity).kilometres <= group.limit
                {
                    return true
                }
            }
        }
        return false
    }
}
