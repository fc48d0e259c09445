import Foundation
import ParcoursModel
import ParcoursTender
import Testing

@Suite struct DemandFileTests {
    @Test func readsNeedsAdditionsAndRemovals() throws {
        let json = """
            {"launch_date": "2026-05-04", "window": {"first": "2026-09-01", "last": "2027-06-30"},
             "needs": [{"agent": "P-1", "commune": "1", "competence": "1.1", "current_level": 0, "target_level": 2,
                        "weight": 2.5, "remote_possible": false, "equipment_lacking": ["computer"], "reason": "no-course"}],
             "additions": [{"theme": "beta", "commune": "3", "agents": 4, "from_level": 1, "to_level": 3, "format": "on-site"}],
             "removals": [{"competence": "2.4"}]}
            """
        let demand = try TenderDemandFile.read(Data(json.utf8), maximumLevel: 8)
        #expect(demand.launchDate == CalendarDay(year: 2026, month: 5, day: 4))
        #expect(demand.window?.last == CalendarDay(year: 2027, month: 6, day: 30))
        #expect(demand.needs.first?.equipmentLacking == [.workComputer])
        #expect(demand.additions.first?.agents == 4)
        #expect(demand.removals.first?.competence == CompetenceCode("2.4"))
    }

    @Test func namesTheFieldInError() throws {
        func error(_ json: String) -> DemandFileError? {
            #expect(throws: DemandFileError.self) { try TenderDemandFile.read(Data(json.utf8), maximumLevel: 8) }
            do {
                _ = try TenderDemandFile.read(Data(json.utf8), maximumLevel: 8)
                return nil
            } catch { return error }
        }
        let need =
            #"{"agent": "P-1", "commune": "1", "competence": "1.1", "current_level": 3, "target_level": 2, "weight": 1, "remote_possible": false, "reason": "level"}"#
        #expect(error(#"{"launch_date": "2026-05-04", "needs": [\#(need)]}"#)?.field == "needs[0].target_level")
        #expect(error(#"{"launch_date": "04/05/2026", "needs": []}"#)?.field == "launch_date")
        #expect(error(#"{"launch_date": "2026-05-04"}"#)?.field == "needs")
        #expect(
            error(#"{"launch_date": "2026-05-04", "needs": [], "removals": [{}]}"#)?.message(in: .french)
                == "removals[0]: nomme au moins agent, commune, competence ou theme")
    }
}
