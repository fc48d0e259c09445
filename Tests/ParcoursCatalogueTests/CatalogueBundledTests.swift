import Foundation
import ParcoursConfig
import ParcoursModel
import Testing

@testable import ParcoursCatalogue

/// The catalogues shipped in Catalogues/ feed the demo: they must all be accepted, with the real
/// gazetteer and tagging rules of Config/, and together cover every competence.
@Suite struct CatalogueBundledTests {
    @Test func bundledCataloguesAreAcceptedAndCoverEveryCompetenceAtSeveralLevels() throws {
        let configuration = try Configuration(directory: CatalogueFixtures.config)
        let reader = CatalogueReader(
            options: CatalogueReadOptions(
                schemaDirectory: CatalogueFixtures.schemas, communes: configuration.gazetteer,
                tagger: CompetenceTagger(rules: configuration.tagging),
                knownCompetences: Set(configuration.framework.codes)))
        let folder = CatalogueFixtures.repository.appending(path: "Catalogues")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".xml") || $0.hasSuffix(".csv") }.sorted()
        var courses: [CatalogueCourse] = []
        var formats = Set<CatalogueFormat>()
        var providers = Set<String>()
        for file in files {
            let summary = try reader.read(path: folder.appending(path: file).path) { course, provider in
                courses.append(course)
                providers.insert(provider.id)
            }
            #expect(
                summary.errorCount == 0,
                "\(file): \(summary.diagnostics.first { $0.severity == .error }?.messageEN ?? "")")
            formats.insert(summary.format)
        }
        #expect(formats == [.parcoursCSV, .lheo, .xcriCap])
        #expect(providers.count >= 3)
        #expect(courses.count >= 40)
        let taught = courses.flatMap(\.competences)
        #expect(Set(taught.map(\.code)) == Set(configuration.framework.codes))
        #expect(Set(taught.map(\.exitLevel)).count >= 3)
        #expect(taught.contains { $0.source == .inferred } && taught.contains { $0.source == .declared })
        let sessions = courses.flatMap(\.sessions)
        #expect(sessions.allSatisfy { $0.start.year == 2027 && $0.start.precision == .day })
        #expect(sessions.contains { $0.venue == nil && $0.format == .remote })
        let territoryCommunes = Set(configuration.territories.flatMap { $0.communes.map(\.code) })
        let placed = Set(sessions.compactMap { $0.venue?.communeCode })
        #expect(placed.isSubset(of: territoryCommunes))
        #expect(placed.contains("92094") && placed.contains("2B033"))
        #expect(sessions.allSatisfy { $0.venue == nil || $0.venue?.latitude != nil })
        #expect(sessions.allSatisfy { ($0.minimumSeats ?? 0) > 0 && ($0.maximumSeats ?? 0) >= ($0.minimumSeats ?? 0) })
    }
}
