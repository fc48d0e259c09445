import Foundation
import ParcoursCSV
import ParcoursModel

/// What the rows of one export share: its columns and where each result goes.
struct PixLayout: Sendable {
    let file: String
    let header: PixHeader
    /// See ``PixExportReader/competenceCodes``.
    let competences: [CompetenceCode]
    let maximumLevel: Int
    /// Profiles collection: the level and pix columns of each of ``competences``, nil for a
    /// competence the export lacks (level 0, 0 pix).
    let profileColumns: [(level: Int, pix: Int)?]
    /// The columns that make a row's campaign.
    let campaignColumns: [Int]

    init(header: PixHeader, file: String, framework: CompetenceFramework) {
        self.file = file
        self.header = header
        maximumLevel = framework.maximumLevel
        switch header.kind {
        case .profilesCollection:
            competences = framework.codes
            let columns = Dictionary(
                header.profileCompetences.map { ($0.code, ($0.level, $0.pix)) }, uniquingKeysWith: { first, _ in first }
            )
            profileColumns = framework.codes.map { columns[$0] }
        case .assessment:
            competences = header.assessedCompetences.map(\.code)
            profileColumns = []
        }
        campaignColumns =
            [header.organization, header.campaignID, header.campaignCode, header.campaignName]
            + (header.targetProfile.map { [$0] } ?? [])
    }
}

/// Turns the records of a Pix export into ``PixRow``s, gathering the problems of faulty records.
/// One decoder reads one piece of a file (see ``PixExportReader``).
final class PixRowDecoder {
    let layout: PixLayout
    /// The problems found so far, in file order.
    private(set) var problems: [ImportProblem] = []
    private var campaign: PixCampaign?
    /// The campaign columns of the record ``campaign`` was decoded from, as written.
    private var campaignFields: [[UInt8]] = []

    init(layout: PixLayout) {
        self.layout = layout
    }

    /// Records a problem of the CSV layer (the record could not be read).
    func add(_ error: CSVError) {
        problems.append(ImportProblem(error, columns: layout.header.headers))
    }

    /// The row of `record`; nil when it has problems (then added to ``problems``).
    func row(from record: CSVRecord) -> PixRow? {
        let header = layout.header
        guard record.count == header.headers.count else {
            problem(
                record, nil, "\(record.count) champs au lieu de \(header.headers.count)",
                "\(record.count) fields instead of \(header.headers.count)")
            return nil
        }
        let problemsBefore = problems.count
        let shared: Bool
        let sharedField = record[header.shared]
        if sharedField.matches(Literal.yes) {
            shared = true
        } else if sharedField.matches(Literal.no) {
            shared = false
        } else {
            problem(record, header.shared, "attendu Oui ou Non", "expected Oui or Non")
            return nil
        }
        var sharedAt: Date?
        if shared, let column = header.sharedOn, !record[column].matches(Literal.notAvailable) {
            sharedAt = PixDate.parse(record[column])
            if sharedAt == nil {
                problem(
                    record, column, "date attendue au format JJ/MM/AAAA HH:mm ou AAAA-MM-JJ",
                    "expected a date as DD/MM/YYYY HH:mm or YYYY-MM-DD")
            }
        }
        var profile: [PixProfileResult] = []
        var assessment: [PixAssessmentResult] = []
        var skillResults: [String: PixSkillResult] = [:]
        if shared {
            switch header.kind {
            case .profilesCollection:
                profile = profileResults(record)
            case .assessment:
                assessment = assessmentResults(record)
                skillResults = self.skillResults(record)
            }
        }
        var extras: [String: String] = [:]
        for (column, name) in header.extraColumns where !record[column].isEmpty {
            extras[name] = text(record, column)
        }
        guard problems.count == problemsBefore else { return nil }
        return PixRow(
            campaign: campaign(of: record), competences: layout.competences,
            externalID: header.externalID.flatMap { record[$0].isEmpty ? nil : text(record, $0) },
            lastName: text(record, header.lastName), firstName: text(record, header.firstName), shared: shared,
            sharedAt: sharedAt, profileResults: profile, assessmentResults: assessment, extraColumns: extras,
            skillResults: skillResults, line: record.line)
    }

    private enum Literal {
        static let yes = CSVLiteral("Oui")
        static let no = CSVLiteral("Non")
        static let notAvailable = CSVLiteral("NA")
        static let mastered = CSVLiteral("OK")
        static let failed = CSVLiteral("KO")
        static let notTested = CSVLiteral("Non testé")
    }

    private func problem(_ record: CSVRecord, _ column: Int?, _ french: String, _ english: String) {
        problems.append(
            ImportProblem(
                file: layout.file, line: record.line, column: column.map { layout.header.headers[$0] },
                messageFR: french, messageEN: english))
    }

    private func text(_ record: CSVRecord, _ column: Int) -> String {
        let field = record[column]
        // Only a value Pix neutralised starts with `'` (ASCII in both encodings).
        return field.bytes.first == UInt8(ascii: "'") ? FormulaNeutralisation.restore(field.string) : field.string
    }

    /// The campaign of a row; rows of one export share it, so it is decoded once and later rows
    /// are compared with its fields as written.
    private func campaign(of record: CSVRecord) -> PixCampaign {
        let columns = layout.campaignColumns
        if let campaign, campaignFields.indices.allSatisfy({ record[columns[$0]].hasBytes(of: campaignFields[$0]) }) {
            return campaign
        }
        campaignFields = columns.map { Array(record[$0].bytes) }
        let header = layout.header
        let decoded = PixCampaign(
            organizationName: text(record, header.organization), campaignID: text(record, header.campaignID),
            code: text(record, header.campaignCode), name: text(record, header.campaignName), kind: header.kind,
            targetProfileName: header.targetProfile.map { text(record, $0) })
        campaign = decoded
        return decoded
    }

    private func profileResults(_ record: CSVRecord) -> [PixProfileResult] {
        let maximumLevel = layout.maximumLevel
        var results: [PixProfileResult] = []
        results.reserveCapacity(layout.profileColumns.count)
        for columns in layout.profileColumns {
            guard let (levelColumn, pixColumn) = columns else {
                results.append(PixProfileResult(level: 0, pix: 0))
                continue
            }
            var level = 0
            var pix = 0
            if let value = record[levelColumn].integer, value >= 0, value <= maximumLevel {
                level = value
            } else {
                problem(
                    record, levelColumn, "niveau entier de 0 à \(maximumLevel) attendu",
                    "expected a whole level from 0 to \(maximumLevel)")
            }
            if let value = record[pixColumn].integer, value >= 0 {
                pix = value
            } else {
                problem(
                    record, pixColumn, "nombre de pix entier positif attendu", "expected a whole, positive pix count")
            }
            results.append(PixProfileResult(level: level, pix: pix))
        }
        return results
    }

    private func assessmentResults(_ record: CSVRecord) -> [PixAssessmentResult] {
        var results: [PixAssessmentResult] = []
        results.reserveCapacity(layout.header.assessedCompetences.count)
        for (_, masteryColumn, totalColumn, masteredColumn) in layout.header.assessedCompetences {
            guard let total = record[totalColumn].integer, total >= 0 else {
                problem(
                    record, totalColumn, "nombre d'acquis entier positif attendu",
                    "expected a whole, positive skill count")
                continue
            }
            guard let mastered = record[masteredColumn].integer, (0...total).contains(mastered) else {
                problem(
                    record, masteredColumn, "nombre d'acquis maîtrisés entier de 0 à \(total) attendu",
                    "expected a whole count of mastered skills from 0 to \(total)")
                continue
            }
            var ratio = total == 0 ? 0 : Double(mastered) / Double(total)
            if let masteryColumn {
                guard let value = record[masteryColumn].decimal, (0...1).contains(value) else {
                    problem(
                        record, masteryColumn, "taux de 0 à 1 attendu (ex. 0,67)",
                        "expected a ratio from 0 to 1 (e.g. 0,67)")
                    continue
                }
                ratio = value
            }
            results.append(
                PixAssessmentResult(
                    mastery: ratio, skills: SkillCount(total: total, mastered: mastered),
                    estimatedLevel: AssessmentLevelEstimate.level(mastery: ratio)))
        }
        return results
    }

    private func skillResults(_ record: CSVRecord) -> [String: PixSkillResult] {
        var results: [String: PixSkillResult] = [:]
        for (column, skill) in layout.header.skillColumns {
            let field = record[column]
            if field.matches(Literal.mastered) {
                results[skill] = .mastered
            } else if field.matches(Literal.failed) {
                results[skill] = .failed
            } else if field.matches(Literal.notTested) {
                results[skill] = .notTested
            } else if !field.matches(Literal.notAvailable) {
                problem(record, column, "attendu OK, KO ou Non testé", "expected OK, KO or Non testé")
            }
        }
        return results
    }
}
