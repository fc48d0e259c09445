import Foundation
import ParcoursCSV
import ParcoursModel

/// Writes synthetic agents in the agent-roster format (French headers, French Excel conventions).
enum RosterWriter {
    /// The roster's columns: header, then the cell of an agent.
    static let columns: [(header: String, cell: @Sendable (Agent) -> CSVCell)] = [
        ("Matricule", { .text($0.externalID) }),
        ("Nom", { .text($0.lastName) }),
        ("Prénom", { .text($0.firstName) }),
        ("Commune", { .text($0.communeCode) }),
        ("Famille de métiers", { .text($0.jobFamilyID) }),
        ("Statut", { .text($0.statusID) }),
        ("Ordinateur au travail", { yesNo($0.equipment.contains(.workComputer)) }),
        ("Tablette", { yesNo($0.equipment.contains(.tablet)) }),
        ("Smartphone", { yesNo($0.equipment.contains(.smartphone)) }),
        ("Internet à domicile", { yesNo($0.equipment.contains(.homeInternet)) }),
        ("Temps de travail", { .decimal($0.workingTime) }),
        ("Jours travaillés", { .text(days($0.workingDays)) }),
        ("Voiture", { yesNo($0.hasCar) }),
        ("Distance maximale (km)", { .decimal($0.maximumTravelKilometres) }),
        ("Indisponibilités", { .text($0.unavailable.map { "\($0.first)/\($0.last)" }.joined(separator: " ")) }),
        ("Langues", { .text($0.languages.joined(separator: " ")) }),
    ]

    static func write(_ agents: [Agent], to path: String) throws(CSVError) {
        let writer = try CSVWriter(path: path)
        writer.write(columns.map(\.header))
        for agent in agents { writer.write(columns.map { $0.cell(agent) }) }
        try writer.close()
    }

    private static func yesNo(_ value: Bool) -> CSVCell { value ? "Oui" : "Non" }

    private static func days(_ days: Set<Weekday>) -> String {
        let names: [Weekday: String] = [
            .monday: "lun", .tuesday: "mar", .wednesday: "mer", .thursday: "jeu", .friday: "ven", .saturday: "sam",
            .sunday: "dim",
        ]
        return days.sorted().compactMap { names[$0] }.joined(separator: " ")
    }
}
