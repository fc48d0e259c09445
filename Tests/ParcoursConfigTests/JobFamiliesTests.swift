import Foundation
import ParcoursConfig
import ParcoursModel
import Testing

@Suite struct JobFamiliesTests {
    @Test func loadsTheTenFamiliesWithEveryCompetence() throws {
        let configuration = try shippedConfiguration.get()
        #expect(configuration.jobFamilies.count == 10)
        for family in configuration.jobFamilies {
            #expect(Set(family.targets.keys) == Set(configuration.framework.codes), "\(family.id)")
            #expect(!family.reasoning.isEmpty, "\(family.id)")
            #expect(!family.needsFR.isEmpty, "\(family.id)")
        }
    }

    @Test func readsTargetsAndPrioritiesAsWritten() throws {
        let configuration = try shippedConfiguration.get()
        let field = try #require(configuration.jobFamily(id: "field-technical"))
        #expect(field.nameFR == "Intervenants techniques de terrain")
        #expect(field.target(for: CompetenceCode("5.2")) == 2)
        #expect(field.priority(for: CompetenceCode("5.2")) == 3)
        #expect(field.target(for: CompetenceCode("3.4")) == 0)
        let referents = try #require(configuration.jobFamily(id: "digital-referents"))
        #expect(referents.target(for: CompetenceCode("5.1")) == 5)
        #expect(referents.priority(for: CompetenceCode("1.3")) == 1)
    }

    @Test func namesTheLineAndFieldOfAnUnknownCompetence() throws {
        let error = try configErrorAfterEditing("job-families.yaml") {
            $0.replacingOccurrences(
                of: "\"3.4\": {level: 0, priority: 1}   # Programmer — not expected",
                with: "\"3.7\": {level: 0, priority: 1}")
        }
        #expect(error?.field == "families[0].targets.3.7")
        #expect(error?.line == (try shippedLine(of: "# Programmer — not expected", in: "job-families.yaml")))
        #expect(error?.message == "unknown competence code 3.7")
        #expect(
            error?.description(in: .french).hasSuffix("families[0].targets.3.7: code de compétence inconnu 3.7") == true
        )
    }

    @Test func refusesALevelOutsideTheScale() throws {
        let error = try configErrorAfterEditing("job-families.yaml") {
            $0.replacingOccurrences(of: "\"5.1\": {level: 5, priority: 3}", with: "\"5.1\": {level: 9, priority: 3}")
        }
        #expect(error?.field == "families[4].targets.5.1.level")
        #expect(error?.message.contains("outside 0…8") == true)
    }

    @Test func namesAMissingField() throws {
        let error = try configErrorAfterEditing("job-families.yaml") {
            $0.replacingOccurrences(of: "    en: \"Elected officials\"\n", with: "")
        }
        #expect(error?.field == "families[9].en")
        #expect(error?.message == "missing field")
        #expect(error?.messageFR == "champ manquant")
        #expect(error?.line == (try shippedLine(of: "- id: elected", in: "job-families.yaml")))
    }
}
