import Foundation
import ParcoursModel

/// `Config/retention.yaml`: how long agents' personal data is kept without news of them.
enum RetentionFile {
    static let name = "retention.yaml"

    private struct File: Decodable {
        let personal_data_months: Int
    }

    static func load(from url: URL) throws -> RetentionPolicy {
        let yaml = try YAMLFile(url: url)
        let file = try yaml.decode(File.self)
        guard file.personal_data_months >= 1 else {
            throw yaml.error(
                at: ["personal_data_months"], "must be at least 1 month", fr: "doit valoir au moins 1 mois")
        }
        return RetentionPolicy(months: file.personal_data_months)
    }
}
