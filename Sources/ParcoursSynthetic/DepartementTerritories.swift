import Foundation
import ParcoursCSV
import ParcoursModel

/// The French communes of a national commune list, a territory per département: the parts of the
/// national planning benchmark.
///
/// The list is the reference file `fr-communes-2026.csv` (COG 2026, populations légales in force from
/// 1 January 2026, polygon centroids; see `shared/reference/geo/README.md`), read by column name:
/// `insee_code`, `name`, `dep`, `postal_codes`, `lat_centroid`, `lon_centroid`, `population_municipale`
/// and `nuts3`. A commune without a centroid (a split since 2018) or without a population cannot hold
/// agents or sessions: it is left out and listed in ``skipped``.
public struct DepartementTerritories: Sendable {
    public static let columns = [
        "insee_code", "name", "dep", "postal_codes", "lat_centroid", "lon_centroid", "population_municipale", "nuts3",
    ]

    /// One territory per département, in the order the list first names them; the id is the
    /// département code (`01`, `2A`, `971`).
    public let territories: [Territory]
    /// The communes left out for want of a centroid or a population: their département and INSEE code.
    public let skipped: [(departement: String, code: String)]

    /// Reads `path`; every département gets `circuity` and the French `statuses`.
    public init(path: String, circuity: Circuity, statuses: [EmploymentStatus]) throws(CommuneListError) {
        let reader: CSVReader
        do {
            reader = try CSVReader(path: path, separator: UInt8(ascii: ","), encoding: .utf8)
        } catch {
            throw CommuneListError(file: path, line: error.line, field: nil, message: "\(error.kind)")
        }
        var columnIndex: [String: Int] = [:]
        var communes: [String: [Commune]] = [:]
        var departements: [String] = []
        var skipped: [(departement: String, code: String)] = []
        var seen = Set<String>()
        do {
            guard let header = try reader.next()?.strings else {
                throw CommuneListError(file: path, line: 1, field: nil, message: "the file is empty")
            }
            for column in Self.columns {
                guard let index = header.firstIndex(of: column) else {
                    throw CommuneListError(file: path, line: 1, field: column, message: "the column is missing")
                }
                columnIndex[column] = index
            }
            while let record = try reader.next() {
                func field(_ column: String) throws(CommuneListError) -> CSVField {
                    let index = columnIndex[column]!
                    guard index < record.count else {
                        throw CommuneListError(
                            file: path, line: record.line, field: column,
                            message: "\(record.count) fields, fewer than the header's \(header.count)")
                    }
                    return record[index]
                }
                let code = try field("insee_code").string
                let departement = try field("dep").string
                guard !code.isEmpty, seen.insert(code).inserted else {
                    throw CommuneListError(
                        file: path, line: record.line, field: "insee_code",
                        message: "commune code \"\(code)\" is empty or appears twice")
                }
                guard !departement.isEmpty else {
                    throw CommuneListError(file: path, line: record.line, field: "dep", message: "no département")
                }
                let latitude = try field("lat_centroid")
                let longitude = try field("lon_centroid")
                let population = try field("population_municipale")
                if latitude.isEmpty || longitude.isEmpty || population.isEmpty {
                    skipped.append((departement, code))
                    continue
                }
                guard let latitude = latitude.decimal, (-90...90).contains(latitude) else {
                    throw CommuneListError(
                        file: path, line: record.line, field: "lat_centroid", message: "not a latitude")
                }
                guard let longitude = longitude.decimal, (-180...180).contains(longitude) else {
                    throw CommuneListError(
                        file: path, line: record.line, field: "lon_centroid", message: "not a longitude")
                }
                guard let inhabitants = population.integer, inhabitants >= 0 else {
                    throw CommuneListError(
                        file: path, line: record.line, field: "population_municipale",
                        message: "not a number of inhabitants")
                }
                if communes[departement] == nil { departements.append(departement) }
                communes[departement, default: []].append(
                    Commune(
                        code: code, name: try field("name").string,
                        postalCodes: try field("postal_codes").string.split(separator: " ").map(String.init),
                        coordinate: Coordinate(latitude: latitude, longitude: longitude), population: inhabitants,
                        nuts3: try field("nuts3").string, arrondissement: nil))
            }
        } catch let error as CSVError {
            throw CommuneListError(file: path, line: error.line, field: nil, message: "\(error.kind)")
        } catch let error as CommuneListError {
            throw error
        } catch {
            throw CommuneListError(file: path, line: nil, field: nil, message: "\(error)")
        }
        territories = departements.map { departement in
            let members = communes[departement]!
            return Territory(
                id: departement, name: "Département \(departement)", country: .france,
                circuityFactor: circuity.factor, communes: members, statuses: statuses,
                nameEN: "Département \(departement)", nuts3Regions: Array(Set(members.map(\.nuts3))).sorted(),
                circuity: circuity)
        }
        self.skipped = skipped
    }
}

/// A national commune list that cannot be read: the file, its 1-based line and the field.
public struct CommuneListError: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let field: String?
    public let message: String

    public var description: String {
        [file, line.map(String.init), field].compactMap { $0 }.joined(separator: ":") + ": " + message
    }
}

extension Territory {
    /// The territory in areas of about `maximumInhabitants` at most, so that no part outgrows what the
    /// planner handles well: a commune larger than that is first divided into equal shares of its
    /// inhabitants at its own centroid (`75056/1`, `75056/2`…: Paris, Marseille), then the communes are cut
    /// in two along the longer side of their extent, in proportion to the areas each side gets, until each
    /// area is small enough. Ids are `<id>.<n>`; a territory small enough is returned unchanged.
    public func areas(maximumInhabitants: Int) -> [Territory] {
        let inhabitants = communes.reduce(0) { $0 + ($1.population ?? 0) }
        guard maximumInhabitants > 0, inhabitants > maximumInhabitants else { return [self] }
        let shares = communes.flatMap { commune -> [Commune] in
            let population = commune.population ?? 0
            guard population > maximumInhabitants else { return [commune] }
            let count = (population + maximumInhabitants - 1) / maximumInhabitants
            return (1...count).map { share in
                Commune(
                    code: "\(commune.code)/\(share)", name: "\(commune.name) (\(share)/\(count))",
                    postalCodes: commune.postalCodes, coordinate: commune.coordinate,
                    population: population / count + (share <= population % count ? 1 : 0), nuts3: commune.nuts3,
                    arrondissement: commune.arrondissement)
            }
        }
        let count = (inhabitants + maximumInhabitants - 1) / maximumInhabitants
        return Self.bisect(shares, into: count).enumerated().map { index, members in
            Territory(
                id: "\(id).\(index + 1)", name: "\(name) (\(index + 1))", country: country,
                circuityFactor: circuityFactor, communes: members, statuses: statuses,
                nameEN: "\(nameEN) (\(index + 1))",
                timeZoneIdentifier: timeZoneIdentifier, nuts3Regions: nuts3Regions, schoolCalendarID: schoolCalendarID,
                circuity: circuity)
        }
    }

    /// `communes` in `count` groups of about equal population, cut along the longer side of their extent.
    private static func bisect(_ communes: [Commune], into count: Int) -> [[Commune]] {
        let count = min(count, communes.count)
        guard count > 1 else { return [communes] }
        let latitudes = communes.map(\.coordinate.latitude)
        let longitudes = communes.map(\.coordinate.longitude)
        let middle = (latitudes.min()! + latitudes.max()!) / 2
        let latitudeSpan = latitudes.max()! - latitudes.min()!
        let longitudeSpan = (longitudes.max()! - longitudes.min()!) * cos(middle * .pi / 180)
        let sorted = communes.sorted {
            latitudeSpan >= longitudeSpan
                ? ($0.coordinate.latitude, $0.code) < ($1.coordinate.latitude, $1.code)
                : ($0.coordinate.longitude, $0.code) < ($1.coordinate.longitude, $1.code)
        }
        let first = count / 2
        let total = Double(sorted.reduce(0) { $0 + ($1.population ?? 0) })
        let wanted = total * Double(first) / Double(count)
        var cut = 0
        var running = 0.0
        while cut < sorted.count - (count - first), running + Double(sorted[cut].population ?? 0) / 2 < wanted {
            running += Double(sorted[cut].population ?? 0)
            cut += 1
        }
        cut = max(cut, first)
        return bisect(Array(sorted[..<cut]), into: first) + bisect(Array(sorted[cut...]), into: count - first)
    }
}
