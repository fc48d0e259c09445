import Foundation
import ParcoursConfig
import ParcoursModel
import Testing

/// The repository's own Config folder, found from this source file.
let repositoryConfig = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appending(path: "Config")

@Suite struct CompetenceFrameworkTests {
    @Test func loadsSixteenCompetencesInFiveAreas() throws {
        let framework = try Configuration(directory: repositoryConfig).framework
        #expect(framework.areas.count == 5)
        #expect(
            framework.codes.map(\.rawValue) == [
                "1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3", "5.1",
                "5.2",
            ])
        #expect(framework.maximumLevel == 8)
        #expect(framework.pixPerLevel == 8)
    }

    @Test func findsCompetencesByLooseTitle() throws {
        let framework = try Configuration(directory: repositoryConfig).framework
        #expect(framework.competence(titled: "Sécuriser l'environnement numérique")?.code == CompetenceCode("4.1"))
        #expect(framework.competence(titled: "DÉVELOPPER DES DOCUMENTS MULTIMÉDIA")?.code == CompetenceCode("3.2"))
        #expect(framework.competence(titled: "Adapter des documents à leur finalité")?.code == CompetenceCode("3.3"))
        #expect(framework.competence(titled: "Jongler") == nil)
        #expect(framework.area(titled: "Protection et securite")?.code == "4")
    }

    @Test func reportsTheFileAndFieldOfABadFramework() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "parcours-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
        pix_per_level: 8
        levels:
          - {level: 1, fr: "a", en: "a"}
        areas:
          - code: "1"
            fr: "Information"
            en: "Information"
            competences:
              - {code: "2.1", fr: "Interagir", en: "Interacting"}
        """.write(to: folder.appending(path: "competences.yaml"), atomically: true, encoding: .utf8)
        let error = #expect(throws: ConfigError.self) { try Configuration(directory: folder) }
        #expect(error?.field == "areas[0].competences[0].code")
        #expect(error?.file.hasSuffix("competences.yaml") == true)
    }
}
