import Foundation
import ParcoursModel

@testable import ParcoursCatalogue

/// Files and helpers the catalogue tests share; everything they read is inside the repository.
enum CatalogueFixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Fixtures")
    static let schemas = repository.appending(path: "Config/schemas")
    static let config = repository.appending(path: "Config")

    static func path(_ name: String) -> String { folder.appending(path: name).path }

    /// A few real communes of both territories (codes, postal codes and centres from Config's
    /// gazetteer): the four communes of postal code 20200, and Namur.
    static let communes = Gazetteer(communes: [
        .france: [
            commune("2B033", "Bastia", ["20200", "20600"], 42.68641, 9.42503, "FRM02"),
            commune("2B305", "San-Martino-di-Lota", ["20200"], 42.73248, 9.43243, "FRM02"),
            commune("2B309", "Santa-Maria-di-Lota", ["20200"], 42.75137, 9.42399, "FRM02"),
            commune("2B353", "Ville-di-Pietrabugno", ["20200"], 42.71597, 9.42744, "FRM02"),
            commune("2B120", "Furiani", ["20600"], 42.65220, 9.41660, "FRM02"),
        ],
        .belgium: [
            commune("92094", "Namur", ["5000", "5001", "5002", "5020", "5100"], 50.46986, 4.88119, "BE352"),
            commune("92142", "Gembloux", ["5030", "5031", "5032"], 50.54363, 4.70078, "BE352"),
        ],
    ])

    private static func commune(
        _ code: String, _ name: String, _ postalCodes: [String], _ latitude: Double, _ longitude: Double,
        _ nuts3: String
    ) -> Commune {
        Commune(
            code: code, name: name, postalCodes: postalCodes,
            coordinate: Coordinate(latitude: latitude, longitude: longitude), population: nil, nuts3: nuts3,
            arrondissement: nil)
    }

    struct Outcome {
        let summary: CatalogueSummary
        let courses: [CatalogueCourse]

        func course(_ id: String) -> CatalogueCourse? { courses.first { $0.id == id } }
        func diagnostics(of course: String) -> [CatalogueDiagnostic] {
            summary.diagnostics.filter { $0.courseID == course }
        }
    }

    static func read(
        _ path: String, profile: CatalogueProfile = .auto, limits: XMLSafetyLimits = .standard,
        tagger: CompetenceTagger? = nil
    ) throws -> Outcome {
        let reader = CatalogueReader(
            options: CatalogueReadOptions(
                schemaDirectory: schemas, profile: profile, limits: limits, communes: communes, tagger: tagger))
        var courses: [CatalogueCourse] = []
        let summary = try reader.read(path: path) { course, _ in courses.append(course) }
        return Outcome(summary: summary, courses: courses)
    }

    static func refusal(_ path: String, limits: XMLSafetyLimits = .standard) -> CatalogueRefusal? {
        do {
            _ = try read(path, limits: limits)
            return nil
        } catch {
            return error as? CatalogueRefusal
        }
    }
}
