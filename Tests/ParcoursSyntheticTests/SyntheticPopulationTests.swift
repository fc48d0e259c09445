import Foundation
import ParcoursConfig
import ParcoursModel
import ParcoursSynthetic
import Testing

let repositoryConfig = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appending(path: "Config")
let configuration = Result { try Configuration(directory: repositoryConfig) }
let period = DayRange(
    first: CalendarDay(year: 2027, month: 1, day: 4), last: CalendarDay(year: 2027, month: 6, day: 30))

func population(_ territory: String, communes: [String]? = nil, seed: UInt64 = 7) throws -> SyntheticPopulation {
    let configuration = try configuration.get()
    return try SyntheticPopulation(
        territory: try #require(configuration.territory(id: territory)), communes: communes,
        jobFamilies: configuration.jobFamilies, framework: configuration.framework, period: period, seed: seed)
}

@Suite struct SyntheticPopulationTests {
    @Test func sizesCommunesByPopulation() throws {
        let namur = try population("namur")
        // 1.5 per 100 of the province's 502 046 inhabitants (2020), elected included.
        #expect((7_400...7_700).contains(namur.agents.count))
        let bastia = try population("bastia")
        #expect(bastia.agents.count { $0.agent.communeCode == "2B033" } == 703)  // 46 867 × 1.5 %
        #expect(Set(bastia.agents.map(\.agent.externalID)).count == bastia.agents.count)
    }

    @Test func isDeterministicPerSeedAndCommune() throws {
        let whole = try population("bastia")
        let again = try population("bastia")
        #expect(whole.agents == again.agents)
        let furiani = try population("bastia", communes: ["2B120"])
        #expect(furiani.agents == whole.agents.filter { $0.agent.communeCode == "2B120" })
        #expect(try population("bastia", seed: 8).agents != whole.agents)
    }

    @Test func matchesTheSurveyAndTheFamilies() throws {
        let configuration = try configuration.get()
        let agents = try population("namur").agents
        let families = Dictionary(uniqueKeysWithValues: configuration.jobFamilies.map { ($0.id, $0) })
        let below = agents.count { synthetic in
            let family = families[synthetic.agent.jobFamilyID]!
            return family.targets.contains { code, target in
                family.priority(for: code) >= 3 && (synthetic.levels[code] ?? 0) < target
            }
        }
        let share = Double(below) / Double(agents.count)
        #expect((0.60...0.73).contains(share), "share below needs \(share)")
        let fragile = agents.count { configuration.policy.fragility.isFragile(levels: $0.levels) }
        #expect((0.12...0.30).contains(Double(fragile) / Double(agents.count)))
        let field = agents.filter { $0.agent.jobFamilyID == "field-technical" }
        let office = agents.filter { $0.agent.jobFamilyID == "administrative" }
        #expect(Double(field.count) / Double(agents.count) > 0.25)
        #expect(field.count { $0.agent.equipment.contains(.workComputer) } * 2 < field.count)
        #expect(office.count { $0.agent.equipment.contains(.workComputer) } * 10 > office.count * 9)
        #expect(agents.allSatisfy { $0.levels.count == 16 && $0.levels.values.allSatisfy { (0...7).contains($0) } })
    }

    @Test func usesTheStatusesOfTheCountry() throws {
        let configuration = try configuration.get()
        let bastia = try population("bastia").agents
        let french = Set(configuration.statuses[.france]!.map(\.id))
        #expect(bastia.allSatisfy { french.contains($0.agent.statusID) })
        #expect(bastia.filter { $0.agent.jobFamilyID == "elected" }.allSatisfy { $0.agent.statusID == "elu" })
        #expect(bastia.first { $0.agent.communeCode == "2B305" }?.agent.externalID == "030001")
        #expect(try population("namur", communes: ["91005"]).agents.first?.agent.externalID == "91005-00001")
    }

    @Test func refusesACommuneOutsideTheTerritory() throws {
        #expect(throws: SyntheticDataError.unknownCommune("92094", territory: "bastia")) {
            try population("bastia", communes: ["92094"])
        }
    }
}
