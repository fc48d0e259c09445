import Foundation
import ParcoursModel

/// How an ``Agent`` maps to a row of the `agent` table, in both stores.
package enum AgentColumns {
    /// The columns written, in the order of ``values(_:fileID:)``.
    package static let names = [
        "communeCode", "externalID", "lastName", "firstName", "jobFamilyID", "statusID", "equipment", "workingTime",
        "workingDays", "hasCar", "maximumTravelKilometres", "unavailable", "languages", "fileID",
    ]

    package static func values(_ agent: Agent, fileID: Int64) -> [ColumnValue] {
        [
            .text(agent.communeCode), .text(agent.externalID), .text(agent.lastName), .text(agent.firstName),
            .text(agent.jobFamilyID), .text(agent.statusID),
            .text(agent.equipment.map(\.rawValue).sorted().joined(separator: ",")), .number(agent.workingTime),
            .text(agent.workingDays.sorted().map { String($0.rawValue) }.joined(separator: ",")), .flag(agent.hasCar),
            .number(agent.maximumTravelKilometres),
            .text(agent.unavailable.map { "\($0.first)/\($0.last)" }.joined(separator: ",")),
            .text(agent.languages.joined(separator: ",")), .integer(fileID),
        ]
    }

    package static func agent(_ row: some StoredRow) throws -> Agent {
        func list(_ column: String) throws -> [Substring] {
            try row.text(column).split(separator: ",")
        }
        return Agent(
            externalID: try row.text("externalID"), lastName: try row.text("lastName"),
            firstName: try row.text("firstName"), communeCode: try row.text("communeCode"),
            jobFamilyID: try row.text("jobFamilyID"), statusID: try row.text("statusID"),
            equipment: Set(try list("equipment").compactMap { Equipment(rawValue: String($0)) }),
            workingTime: try row.number("workingTime"),
            workingDays: Set(try list("workingDays").compactMap { Int($0).flatMap(Weekday.init(rawValue:)) }),
            hasCar: try row.flag("hasCar"), maximumTravelKilometres: try row.number("maximumTravelKilometres"),
            unavailable: try list("unavailable").compactMap { range in
                let ends = range.split(separator: "/")
                guard ends.count == 2, let first = CalendarDay(iso: ends[0]), let last = CalendarDay(iso: ends[1])
                else { return nil }
                return DayRange(first: first, last: last)
            },
            languages: try list("languages").map(String.init))
    }
}
