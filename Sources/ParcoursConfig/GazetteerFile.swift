import Foundation
import ParcoursModel

/// `Config/places/*.yaml`: the gazetteer of communes (code, names, postal codes, coordinates,
/// population, NUTS-3), one file per country.
enum GazetteerFile {
    static let folder = "places"

    private struct File: Decodable {
        let country: String
        let communes: [Entry]
    }
    private struct Entry: Decodable {
        let code: String
        let name: String
        let other_names: [String]?
        let postal_codes: [String]
        let lat: Double
        let lon: Double
        let population: Int?
        let nuts3: String
    }

    static func load(from folder: URL) throws -> Gazetteer {
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "yaml" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw ConfigError(file: folder.path, message: "the gazetteer folder cannot be read")
        }
        guard !files.isEmpty else { throw ConfigError(file: folder.path, message: "holds no gazetteer (*.yaml)") }
        var communes: [Country: [Commune]] = [:]
        var otherNames: [String: [String]] = [:]
        var seen = Set<String>()
        for url in files {
            let yaml = try YAMLFile(url: url)
            let file = try yaml.decode(File.self)
            let country = try yaml.country(file.country, at: ["country"])
            for (index, entry) in file.communes.enumerated() {
                let path: [FieldKey] = ["communes", .index(index)]
                guard !entry.code.isEmpty, seen.insert(entry.code).inserted else {
                    throw yaml.error(at: path + ["code"], "commune code \"\(entry.code)\" is empty or appears twice")
                }
                guard (-90...90).contains(entry.lat), (-180...180).contains(entry.lon) else {
                    throw yaml.error(at: path + ["lat"], "coordinates \(entry.lat), \(entry.lon) are not on Earth")
                }
                guard !entry.postal_codes.isEmpty else {
                    throw yaml.error(at: path + ["postal_codes"], "commune \(entry.code) has no postal code")
                }
                communes[country, default: []].append(
                    Commune(
                        code: entry.code, name: entry.name, postalCodes: entry.postal_codes,
                        coordinate: Coordinate(latitude: entry.lat, longitude: entry.lon), population: entry.population,
                        nuts3: entry.nuts3, arrondissement: nil))
                if let names = entry.other_names, !names.isEmpty { otherNames[entry.code] = names }
            }
        }
        return Gazetteer(communes: communes, otherNames: otherNames)
    }
}
