import Foundation
import ParcoursConfig
import ParcoursModel
import Testing

@Suite struct StatusesTests {
    @Test func listsTheStatusesOfEachCountry() throws {
        let statuses = try shippedConfiguration.get().statuses
        #expect(statuses[.belgium]?.map(\.id).starts(with: ["statutaire", "contractuel", "ape"]) == true)
        #expect(statuses[.belgium]?.first { $0.id == "mandataire" }?.isElected == true)
        #expect(statuses[.france]?.map(\.id).contains("apprenti") == true)
        #expect(
            statuses[.france]?.first { $0.id == "elu" }?.labelEN == "Elected official (mayor, deputy mayor, councillor)"
        )
        #expect(statuses[.france]?.filter(\.isElected).count == 1)
    }

    @Test func refusesAStatusListedTwice() throws {
        let error = try configErrorAfterEditing("statuses.yaml") {
            $0.replacingOccurrences(of: "{id: apprenti,", with: "{id: titulaire,")
        }
        #expect(error?.field == "FR[4].id")
        #expect(error?.line == (try shippedLine(of: "id: apprenti", in: "statuses.yaml")))
    }
}

@Suite struct PolicyTests {
    @Test func readsThePolicy() throws {
        let configuration = try shippedConfiguration.get()
        let policy = configuration.policy
        #expect(policy.minimumCellSize == 5)
        #expect(policy.fragility.baseCompetences.map(\.rawValue) == ["1.1", "2.1", "3.1", "4.1", "4.2", "5.1"])
        #expect(policy.fragility.belowLevel == 2 && policy.fragility.minimumCount == 3)
        #expect(policy.weight(gap: 2, priority: 3) == 6)
        #expect(configuration.pseudonym == PseudonymPolicy(prefix: "P-", length: 10))
    }

    @Test func judgesFragilityOnTheBaseCompetences() throws {
        let fragility = try shippedConfiguration.get().policy.fragility
        func levels(_ pairs: [String: Int]) -> [CompetenceCode: Int] {
            Dictionary(uniqueKeysWithValues: pairs.map { (CompetenceCode($0.key), $0.value) })
        }
        // Three base competences below 2 (1.1, 2.1 and 3.1); 1.2 is not a base competence.
        #expect(fragility.isFragile(levels: levels(["1.1": 1, "2.1": 0, "3.1": 1, "4.1": 2, "4.2": 3, "5.1": 2])))
        #expect(
            !fragility.isFragile(
                levels: levels(["1.1": 1, "2.1": 0, "1.2": 0, "4.1": 2, "4.2": 3, "5.1": 2, "3.1": 2])))
        // Missing base competences count as 0 for an agent who has other results.
        #expect(fragility.isFragile(levels: levels(["1.1": 4, "2.1": 4, "3.1": 4])))
    }

    @Test func refusesAnUnknownBaseCompetence() throws {
        let error = try configErrorAfterEditing("policy.yaml") {
            $0.replacingOccurrences(of: "\"4.2\", \"5.1\"]", with: "\"4.2\", \"6.1\"]")
        }
        #expect(error?.field == "fragility.base_competences[5]")
        #expect(error?.line == (try shippedLine(of: "base_competences:", in: "policy.yaml")))
    }
}
