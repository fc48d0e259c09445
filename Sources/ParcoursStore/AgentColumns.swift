import Foundation
import GRDB
import ParcoursModel

/// How an ``Agent`` maps to a row of the `agent` table.
enum AgentColumns {
    static let insertSQL = """
        INSERT INTO agent
        (communeCode, externalID, lastName, firstName, jobFamilyID, statusID, equipment, workingTime,
         workingDays, hasCar, maximumTravelKilometres, unavailable, languages, fileID)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    static func arguments(_ agent: Agent, fileID: Int64) -> StatementArguments {
        [
            agent.communeCode, agent.externalID, agent.lastName, agent.firstName, agent.jobFamilyID,
            agent.statusID, agent.equipment.map(\.rawValue).sorted().joined(separator: ","), agent.workingTime,
            agent.workingDays.sorted().map { String($0.rawValue) }.joined(separator: ","), agent.hasCar,
            agent.maximumTravelKilometres,
            agent.unavailable.map { "\($0.first)/\($0.last)" }.joined(separator: ","),
            agent.languages.joined(separator: ","), fileID,
        ]
    }

    static func agent(_ row: Row) -> Agent {
        func list(_ column: String) -> [Substring] {
            (row[column] as String).split(separator: ",")
        }
        return Agent(
            externalID: row["externalID"], lastName: row["lastName"], firstName: row["firstName"],
            communeCode: row["communeCode"], jobFamilyID: row["jobFamilyID"], statusID: row["statusID"],
            equipment: Set(list("equipment").compactMap { Equipment(rawValue: String($0)) }),
            workingTime: row["workingTime"],
            workingDays: Set(list("workingDays").compactMap { Int($0).flatMap(Weekday.init(rawValue:)) }),
            hasCar: row["hasCar"], maximumTravelKilometres: row["maximumTravelKilometres"],
            unavailable: list("unavailable").compactMap { range in
                let ends = range.split(separator: "/")
                guard ends.count == 2, let first = CalendarDay(iso: ends[0]), let last = CalendarDay(iso: ends[1])
                else { return nil }
                return DayRange(first: first, last: last)
            },
            languages: list("languages").map(String.init))
    }
}
