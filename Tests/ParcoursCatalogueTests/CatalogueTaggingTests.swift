import Foundation
import ParcoursCSV
import ParcoursConfig
import ParcoursModel
import Testing

@testable import ParcoursCatalogue

/// The tagging rules of Config/tagging.yaml measured on a hand-labelled set of course titles and
/// descriptions (Fixtures/tagging-labelled.csv).
@Suite struct CatalogueTaggingTests {
    static let configuration = Result { try Configuration(directory: CatalogueFixtures.config) }

    struct Scores {
        var truePositives = 0
        var falsePositives = 0
        var falseNegatives = 0
        var precision: Double { Double(truePositives) / Double(max(1, truePositives + falsePositives)) }
        var recall: Double { Double(truePositives) / Double(max(1, truePositives + falseNegatives)) }
    }

    static func score() throws -> (scores: Scores, courses: Int) {
        let tagger = CompetenceTagger(rules: try configuration.get().tagging)
        let rows = try CSVReader.readAll(path: CatalogueFixtures.path("tagging-labelled.csv")).dropFirst()
        var scores = Scores()
        for row in rows {
            let expected = Set(row.fields[2].split(separator: ",").map { CompetenceCode(String($0)) })
            let proposed = Set(
                tagger.propose(title: row.fields[0], texts: [row.fields[1]], formacodes: []).map(\.competence.code))
            scores.truePositives += proposed.intersection(expected).count
            scores.falsePositives += proposed.subtracting(expected).count
            scores.falseNegatives += expected.subtracting(proposed).count
        }
        return (scores, rows.count)
    }

    @Test func precisionAndRecallOnTheLabelledSetReachTheirFloors() throws {
        let (scores, courses) = try Self.score()
        #expect(courses >= 80)
        print(
            "tagging on \(courses) labelled courses: precision \(String(format: "%.3f", scores.precision)) "
                + "(\(scores.truePositives) TP, \(scores.falsePositives) FP), recall \(String(format: "%.3f", scores.recall)) "
                + "(\(scores.falseNegatives) FN)")
        #expect(scores.precision >= 0.90)
        #expect(scores.recall >= 0.83)
    }

    @Test func proposalsAreInferredWithConfidenceAndLevelsFromCues() throws {
        let tagger = CompetenceTagger(rules: try Self.configuration.get().tagging)
        let proposals = tagger.propose(
            title: "Initiation au tableur", texts: ["Premiers pas : formules et graphiques."], formacodes: [])
        let first = try #require(proposals.first)
        #expect(first.competence.code == CompetenceCode("1.3"))
        #expect(first.competence.source == .inferred)
        #expect(first.competence.entryLevel == 0 && first.competence.exitLevel == 2)
        #expect(first.competence.confidence > 0.8 && first.competence.confidence <= 1)
        #expect(first.evidence.contains("titre: tableur"))
        // A term in the description alone gives the text weight; nothing digital gives nothing.
        let weak = tagger.propose(title: "Accueil du public", texts: ["Répondre par courriel."], formacodes: [])
        #expect(weak.map(\.competence.confidence) == [0.5])
        #expect(tagger.propose(title: "Accueil du public", texts: ["Accueil téléphonique."], formacodes: []).isEmpty)
    }

    @Test func aFormacodeAloneMakesAProposal() throws {
        let tagger = CompetenceTagger(rules: try Self.configuration.get().tagging)
        let codes = tagger.propose(title: "Module 4", texts: [], formacodes: ["31006"]).map(\.competence.code)
        #expect(codes == [CompetenceCode("4.1")])
        // 70354 was once listed from memory as "tableur"; it could not be checked, so it is not a rule.
        #expect(tagger.propose(title: "Module 4", texts: [], formacodes: ["70354"]).isEmpty)
    }
}
