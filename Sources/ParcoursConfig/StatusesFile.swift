import Foundation
import ParcoursModel

/// `Config/statuses.yaml`: the employment statuses of each country.
enum StatusesFile {
    static let name = "statuses.yaml"

    private struct Status: Decodable {
        let id: String
        let fr: String
        let en: String
        let elected: Bool
    }

    static func load(from url: URL) throws -> [Country: [EmploymentStatus]] {
        let yaml = try YAMLFile(url: url)
        let file = try yaml.decode([String: [Status]].self)
        var statuses: [Country: [EmploymentStatus]] = [:]
        for key in file.keys.sorted() {
            let country = try yaml.country(key, at: [.key(key)])
            var seen = Set<String>()
            statuses[country] = try file[key, default: []].enumerated().map { index, status in
                let path: [FieldKey] = [.key(key), .index(index)]
                try yaml.checkSlug(status.id, at: path + ["id"])
                guard seen.insert(status.id).inserted else {
                    throw yaml.error(
                        at: path + ["id"], "status \(status.id) appears twice for \(key)",
                        fr: "le statut \(status.id) apparaît deux fois pour \(key)")
                }
                guard !status.fr.isEmpty, !status.en.isEmpty else {
                    throw yaml.error(at: path + [status.fr.isEmpty ? "fr" : "en"], "label is empty", fr: "libellé vide")
                }
                return EmploymentStatus(
                    id: status.id, labelFR: status.fr, labelEN: status.en, isElected: status.elected)
            }
        }
        return statuses
    }
}
