import Foundation
import ParcoursCSV
import ParcoursModel

/// `Config/places/communes-<country>.csv`: the gazetteer of communes (code, names, postal codes,
/// coordinates, population, NUTS-3), one file per country. CSV because the data is generated and large:
/// it is read at every start (see `Config/places/README.md`).
enum GazetteerFile {
    static let folder = "places"
    static let columns = ["code", "name", "other_names", "postal_codes", "lat", "lon", "population", "nuts3"]
    static let files: [(name: String, country: Country)] = [
        ("communes-be.csv", .belgium), ("communes-fr.csv", .france),
    ]

    static func load(from folder: URL) throws -> Gazetteer {
        var communes: [Country: [Commune]] = [:]
        var otherNames: [String: [String]] = [:]
        var seen = Set<String>()
        for (name, country) in files {
            let path = folder.appending(path: name).path
            let rows: [CSVRow]
            do {
                rows = try CSVReader.readAll(path: path, separator: UInt8(ascii: ","), encoding: .utf8)
            } catch {
                throw ConfigError(
                    file: path, line: error.line > 0 ? error.line : nil,
                    message: "not a valid CSV file (\(error.kind))",
                    fr: "fichier CSV invalide (\(error.kind))")
            }
            guard let header = rows.first, header.fields == columns else {
                throw ConfigError(
                    file: path, line: 1, message: "the header must be \(columns.joined(separator: ","))",
                    fr: "l'en-tête doit être \(columns.joined(separator: ","))")
            }
            for row in rows.dropFirst() {
                func problem(_ column: String, _ message: String, fr french: String) -> ConfigError {
                    ConfigError(file: path, line: row.line, field: column, message: message, fr: french)
                }
                guard row.fields.count == columns.count else {
                    throw ConfigError(
                        file: path, line: row.line, message: "\(row.fields.count) fields instead of \(columns.count)",
                        fr: "\(row.fields.count) champs au lieu de \(columns.count)")
                }
                let fields = row.fields
                guard !fields[0].isEmpty, seen.insert(fields[0]).inserted else {
                    throw problem(
                        "code", "commune code \"\(fields[0])\" is empty or appears twice",
                        fr: "code de commune « \(fields[0]) » vide ou en double")
                }
                guard let latitude = Double(fields[4]), (-90...90).contains(latitude) else {
                    throw problem(
                        "lat", "\"\(fields[4])\" is not a latitude", fr: "« \(fields[4]) » n'est pas une latitude")
                }
                guard let longitude = Double(fields[5]), (-180...180).contains(longitude) else {
                    throw problem(
                        "lon", "\"\(fields[5])\" is not a longitude", fr: "« \(fields[5]) » n'est pas une longitude")
                }
                let postalCodes = fields[3].split(separator: " ").map(String.init)
                guard !postalCodes.isEmpty else {
                    throw problem("postal_codes", "no postal code", fr: "aucun code postal")
                }
                var population: Int?
                if !fields[6].isEmpty {
                    guard let value = Int(fields[6]), value >= 0 else {
                        throw problem(
                            "population", "\"\(fields[6])\" is not a number of inhabitants",
                            fr: "« \(fields[6]) » n'est pas un nombre d'habitants")
                    }
                    population = value
                }
                communes[country, default: []].append(
                    Commune(
                        code: fields[0], name: fields[1], postalCodes: postalCodes,
                        coordinate: Coordinate(latitude: latitude, longitude: longitude), population: population,
                        nuts3: fields[7], arrondissement: nil))
                if !fields[2].isEmpty { otherNames[fields[0]] = fields[2].split(separator: "|").map(String.init) }
            }
        }
        return Gazetteer(communes: communes, otherNames: otherNames)
    }
}
