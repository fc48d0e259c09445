import Foundation
import ParcoursCSV
import ParcoursModel

/// Reads an agent roster (CSV, `;`, French or English headers, UTF-8 or Windows-1252, as Excel
/// saves it) into agents, checking every value against a ``RosterVocabulary``.
///
/// All or nothing: every problem of the file (up to ``maximumProblems``) is thrown at once in an
/// ``ImportFailure``, each naming the file, the line and the column. Problems never quote names.
public enum RosterReader {
    public static let maximumProblems = 100

    /// The agents of the roster at `path`; `file` names it in problems (default: `path`).
    public static func read(
        path: String, file: String? = nil, vocabulary: RosterVocabulary
    ) throws(ImportFailure) -> [Agent] {
        let csv: CSVReader
        do {
            csv = try CSVReader(path: path, source: file ?? path)
        } catch {
            throw ImportFailure(problems: [ImportProblem(error)])
        }
        return try read(csv, vocabulary: vocabulary)
    }

    /// The agents of a roster already in memory.
    public static func read(bytes: [UInt8], file: String, vocabulary: RosterVocabulary) throws(ImportFailure) -> [Agent]
    {
        try read(CSVReader(bytes: bytes, source: file), vocabulary: vocabulary)
    }

    private static func read(_ csv: CSVReader, vocabulary: RosterVocabulary) throws(ImportFailure) -> [Agent] {
        let file = csv.source
        let rows: [CSVRow]
        do {
            rows = try csv.readAll()
        } catch {
            throw ImportFailure(problems: [ImportProblem(error)])
        }
        guard let header = rows.first else {
            throw ImportFailure(problems: [
                ImportProblem(file: file, line: 0, column: nil, messageFR: "fichier vide", messageEN: "empty file")
            ])
        }
        let columns = try columnIndices(header, file: file)
        var problems: [ImportProblem] = []
        var agents: [Agent] = []
        var lineOfID: [String: Int] = [:]
        for row in rows.dropFirst() {
            var parser = RowParser(row: row, header: header.fields, columns: columns, file: file)
            let agent = parser.agent(vocabulary: vocabulary)
            let id = parser.cell(.externalID)
            if let first = lineOfID[id] {
                parser.problem(
                    .externalID, "matricule déjà donné ligne \(first)", "external id already given on line \(first)")
            } else if !id.isEmpty {
                lineOfID[id] = row.line
            }
            if let agent, parser.problems.isEmpty { agents.append(agent) }
            problems += parser.problems
            if problems.count >= maximumProblems { break }
        }
        guard problems.isEmpty else { throw ImportFailure(problems: Array(problems.prefix(maximumProblems))) }
        return agents
    }

    /// Finds each column by its header; reports missing required ones and unknown or doubled headers.
    private static func columnIndices(_ header: CSVRow, file: String) throws(ImportFailure) -> [RosterColumn: Int] {
        var columns: [RosterColumn: Int] = [:]
        var problems: [ImportProblem] = []
        func problem(_ column: String?, _ french: String, _ english: String) {
            problems.append(
                ImportProblem(file: file, line: header.line, column: column, messageFR: french, messageEN: english))
        }
        for (index, text) in header.fields.enumerated() {
            let key = TitleKey.make(text)
            guard let column = RosterColumn.allCases.first(where: { $0.headers.contains { TitleKey.make($0) == key } })
            else {
                if !key.isEmpty {
                    problem(
                        text, "colonne inconnue (voir Config/templates/README.md)",
                        "unknown column (see Config/templates/README.md)")
                }
                continue
            }
            if let previous = columns[column] {
                problem(
                    text, "colonne en double (déjà en position \(previous + 1))",
                    "duplicate column (already at position \(previous + 1))")
            }
            columns[column] = index
        }
        for column in RosterColumn.allCases where !column.isOptional && columns[column] == nil {
            problem(
                column.headers.prefix(2).joined(separator: " / "), "colonne obligatoire absente",
                "required column missing")
        }
        guard problems.isEmpty else { throw ImportFailure(problems: problems) }
        return columns
    }
}

/// Reads one roster row, gathering a problem per faulty cell.
private struct RowParser {
    let row: CSVRow
    let header: [String]
    let columns: [RosterColumn: Int]
    let file: String
    var problems: [ImportProblem] = []

    init(row: CSVRow, header: [String], columns: [RosterColumn: Int], file: String) {
        self.row = row
        self.header = header
        self.columns = columns
        self.file = file
    }

    mutating func problem(_ column: RosterColumn?, _ french: String, _ english: String) {
        problems.append(
            ImportProblem(
                file: file, line: row.line, column: column.flatMap { columns[$0] }.map { header[$0] },
                messageFR: french, messageEN: english))
    }

    /// The cell of `column`, trimmed; empty when the column is absent or the row short.
    func cell(_ column: RosterColumn) -> String {
        guard let index = columns[column], index < row.fields.count else { return "" }
        return FormulaNeutralisation.restore(row.fields[index].trimmingSpaces)
    }

    /// The cell read by `read`, or a problem (`expected` says what was expected).
    mutating func value<Value>(
        _ column: RosterColumn, _ read: (String) -> Value?, expectedFR: String, expectedEN: String
    ) -> Value? {
        let text = cell(column)
        if let value = read(text) { return value }
        problem(
            column, text.isEmpty ? "valeur manquante : \(expectedFR)" : "attendu : \(expectedFR)",
            text.isEmpty ? "missing value: \(expectedEN)" : "expected \(expectedEN)")
        return nil
    }

    mutating func agent(vocabulary: RosterVocabulary) -> Agent? {
        guard row.fields.count <= header.count else {
            problem(
                nil, "\(row.fields.count) champs pour \(header.count) colonnes",
                "\(row.fields.count) fields for \(header.count) columns")
            return nil
        }
        let externalID = value(
            .externalID, { $0.isEmpty ? nil : $0 }, expectedFR: "un matricule", expectedEN: "an external id")
        var place: RosterVocabulary.Place?
        let communeText = cell(.commune)
        let places = vocabulary.places(matching: communeText)
        if places.count == 1 {
            place = places[0]
        } else if places.isEmpty {
            problem(
                .commune,
                communeText.isEmpty
                    ? "valeur manquante : code ou nom de commune" : "commune inconnue des territoires de Config",
                communeText.isEmpty
                    ? "missing value: commune code or name" : "commune unknown to the territories of Config")
        } else {
            let codes = places.map(\.code).joined(separator: ", ")
            problem(
                .commune, "plusieurs communes portent ce nom (\(codes)) : donner le code",
                "several communes bear this name (\(codes)): give the code")
        }
        let family = value(
            .jobFamily, vocabulary.jobFamily(matching:),
            expectedFR:
                "une famille de métiers de Config/job-families.yaml (\(vocabulary.jobFamilies.map(\.id).joined(separator: ", ")))",
            expectedEN:
                "a job family of Config/job-families.yaml (\(vocabulary.jobFamilies.map(\.id).joined(separator: ", ")))"
        )
        var status: EmploymentStatus?
        if let place {
            let ids = place.statuses.map(\.id).joined(separator: ", ")
            status = value(
                .status, { vocabulary.status(matching: $0, at: place) },
                expectedFR: "un statut de \(place.territoryName) (\(ids))",
                expectedEN: "a status of \(place.territoryName) (\(ids))")
        }
        var equipment: Set<Equipment> = []
        let devices: [(RosterColumn, Equipment)] = [
            (.workComputer, .workComputer), (.tablet, .tablet), (.smartphone, .smartphone),
            (.homeInternet, .homeInternet),
        ]
        for (column, item) in devices {
            if value(column, RosterValues.yesNo, expectedFR: "Oui ou Non", expectedEN: "Oui/Yes or Non/No") == true {
                equipment.insert(item)
            }
        }
        let workingTime = value(
            .workingTime, RosterValues.workingTime, expectedFR: "une fraction du temps plein (0,8 ou 80 %)",
            expectedEN: "a fraction of full time (0.8 or 80 %)")
        let days = value(
            .workingDays, RosterValues.workingDays, expectedFR: "des jours (lun mar mer… ou lun-ven)",
            expectedEN: "days (mon tue wed… or mon-fri)")
        let car = value(.car, RosterValues.yesNo, expectedFR: "Oui ou Non", expectedEN: "Oui/Yes or Non/No")
        let distance = value(
            .maximumDistance, { RosterValues.decimal($0) }, expectedFR: "une distance en km (ex. 25)",
            expectedEN: "a distance in km (e.g. 25)")
        let unavailable = value(
            .unavailable, RosterValues.periods, expectedFR: "des périodes AAAA-MM-JJ/AAAA-MM-JJ",
            expectedEN: "periods YYYY-MM-DD/YYYY-MM-DD")
        let languages = value(
            .languages, RosterValues.languages, expectedFR: "des codes de langue ISO 639-1 (fr nl co)",
            expectedEN: "ISO 639-1 language codes (fr nl co)")
        guard problems.isEmpty, let externalID, let place, let family, let status, let workingTime, let days,
            let car, let distance, let unavailable, let languages
        else { return nil }
        return Agent(
            externalID: externalID, lastName: cell(.lastName), firstName: cell(.firstName), communeCode: place.code,
            jobFamilyID: family.id, statusID: status.id, equipment: equipment, workingTime: workingTime,
            workingDays: days, hasCar: car, maximumTravelKilometres: distance, unavailable: unavailable,
            languages: languages)
    }
}
