import Foundation
import ParcoursCSV
import ParcoursModel

/// Reads a Pix Orga campaign export (profiles collection or assessment) row by row, normalising
/// each participant row into a ``PixParticipation``.
///
/// Values as Pix writes them: decimal comma, `NA`, Oui/Non, dates `DD/MM/YYYY HH:mm`
/// (Europe/Paris) or legacy `YYYY-MM-DD`, the `'` Pix puts before a value starting with
/// `= + - @` removed, identifiers kept as text. Participants who did not share (or send) their
/// results are kept as not shared, with no results. Profiles collections give a measured level and
/// pix count for all 16 competences (a competence absent from the export counts as level 0, 0
/// pix); assessments give mastery and skill counts for the target profile's competences, with a
/// level estimated by ``AssessmentLevelEstimate``.
///
/// Reading is all or nothing: rows are handed out until the first problem; after it, the rest of
/// the file is still checked so that every problem (up to ``maximumProblems``) is reported at
/// once, in an ``ImportFailure`` thrown at the end.
public final class PixExportReader {
    /// The file name used in problems.
    public let file: String
    public let kind: PixCampaignKind
    /// The competences the export gives results for, in framework order: all those of a profiles
    /// collection, the target profile's for an assessment.
    public let competenceCodes: [CompetenceCode]
    /// The headers of the extra columns kept in ``PixParticipation/extraColumns``.
    public var extraColumnHeaders: [String] { header.extraColumns.map(\.header) }
    /// Problems gathered before the reader gives up.
    public static let maximumProblems = 100

    private let csv: CSVReader
    private let header: PixHeader
    private let maximumLevel: Int
    /// A profiles collection's results start as 0 for every competence of the framework; the
    /// export's columns then overwrite their entries in place, by precomputed position.
    private let zeroForEveryCompetence: [CompetenceCode: Int]
    private let profileColumns: [(level: Int, pix: Int, entry: Dictionary<CompetenceCode, Int>.Index)]
    private var problems: [ImportProblem] = []
    private var campaign: PixCampaign?
    /// The campaign columns of the row ``campaign`` was decoded from, as written.
    private var campaignFields: [String] = []
    private let campaignColumns: [Int]

    /// Opens the export at `path` and analyses its header; `file` names it in problems (default: `path`).
    public convenience init(path: String, file: String? = nil, framework: CompetenceFramework) throws(ImportFailure) {
        let reader: CSVReader
        do {
            reader = try CSVReader(path: path, source: file ?? path)
        } catch {
            throw ImportFailure(problems: [ImportProblem(error)])
        }
        try self.init(csv: reader, framework: framework)
    }

    /// Reads an export already in memory.
    public convenience init(bytes: [UInt8], file: String, framework: CompetenceFramework) throws(ImportFailure) {
        try self.init(csv: CSVReader(bytes: bytes, source: file), framework: framework)
    }

    private init(csv: CSVReader, framework: CompetenceFramework) throws(ImportFailure) {
        self.csv = csv
        file = csv.source
        let headers: [String]
        do {
            guard let record = try csv.next() else {
                throw ImportFailure(problems: [
                    ImportProblem(
                        file: csv.source, line: 0, column: nil, messageFR: "fichier vide", messageEN: "empty file")
                ])
            }
            headers = record.strings
        } catch let error as CSVError {
            throw ImportFailure(problems: [ImportProblem(error)])
        } catch let failure as ImportFailure {
            throw failure
        } catch {
            preconditionFailure("unexpected error \(error)")
        }
        header = try PixHeader(headers: headers, file: csv.source, framework: framework)
        kind = header.kind
        competenceCodes =
            kind == .profilesCollection ? header.profileCompetences.map(\.code) : header.assessedCompetences.map(\.code)
        maximumLevel = framework.maximumLevel
        campaignColumns =
            [header.organization, header.campaignID, header.campaignCode, header.campaignName]
            + (header.targetProfile.map { [$0] } ?? [])
        let zeros = Dictionary(uniqueKeysWithValues: framework.codes.map { ($0, 0) })
        zeroForEveryCompetence = zeros
        profileColumns = header.profileCompetences.map { ($0.level, $0.pix, zeros.index(forKey: $0.code)!) }
    }

    /// Bytes of the file read so far (for progress).
    public var bytesConsumed: Int { csv.bytesConsumed }

    /// Calls `body` with each participant row, in file order, while the file has no problem;
    /// throws an ``ImportFailure`` listing every problem found (or what `body` throws).
    public func forEachParticipation(_ body: (PixParticipation) throws -> Void) throws {
        while true {
            let record: CSVRecord?
            do {
                record = try csv.next()
            } catch {
                problems.append(ImportProblem(error, columns: header.headers))
                break
            }
            guard let record else { break }
            let participation = participation(from: record)
            if problems.count >= Self.maximumProblems { break }
            if problems.isEmpty, let participation { try body(participation) }
        }
        if !problems.isEmpty { throw ImportFailure(problems: problems) }
    }

    /// Every participant row, in file order.
    public func readAll() throws(ImportFailure) -> [PixParticipation] {
        var all: [PixParticipation] = []
        do {
            try forEachParticipation { all.append($0) }
        } catch let failure as ImportFailure {
            throw failure
        } catch {
            preconditionFailure("unexpected error \(error)")
        }
        return all
    }

    // MARK: - One row

    private func problem(_ record: CSVRecord, _ column: Int?, _ french: String, _ english: String) {
        problems.append(
            ImportProblem(
                file: file, line: record.line, column: column.map { header.headers[$0] }, messageFR: french,
                messageEN: english))
    }

    private func text(_ record: CSVRecord, _ column: Int) -> String {
        FormulaNeutralisation.restore(record[column].string)
    }

    private func participation(from record: CSVRecord) -> PixParticipation? {
        guard record.count == header.headers.count else {
            problem(
                record, nil, "\(record.count) champs au lieu de \(header.headers.count)",
                "\(record.count) fields instead of \(header.headers.count)")
            return nil
        }
        let problemsBefore = problems.count
        let shared: Bool
        let sharedField = record[header.shared]
        if sharedField.matches("Oui") {
            shared = true
        } else if sharedField.matches("Non") {
            shared = false
        } else {
            problem(record, header.shared, "attendu Oui ou Non", "expected Oui or Non")
            return nil
        }
        var sharedAt: Date?
        if shared, let column = header.sharedOn, !record[column].matches("NA") {
            sharedAt = PixDate.parse(record[column])
            if sharedAt == nil {
                problem(
                    record, column, "date attendue au format JJ/MM/AAAA HH:mm ou AAAA-MM-JJ",
                    "expected a date as DD/MM/YYYY HH:mm or YYYY-MM-DD")
            }
        }
        var levels: [CompetenceCode: Int]?
        var pix: [CompetenceCode: Int]?
        var mastery: [CompetenceCode: Double]?
        var skills: [CompetenceCode: SkillCount]?
        var estimated: [CompetenceCode: Int]?
        var skillResults: [String: PixSkillResult] = [:]
        if shared {
            switch kind {
            case .profilesCollection:
                (levels, pix) = profileResults(record)
            case .assessment:
                (mastery, skills, estimated) = assessmentResults(record)
                skillResults = self.skillResults(record)
            }
        }
        var extras: [String: String] = [:]
        for (column, name) in header.extraColumns where !record[column].isEmpty {
            extras[name] = text(record, column)
        }
        guard problems.count == problemsBefore else { return nil }
        return PixParticipation(
            campaign: campaign(of: record),
            externalID: header.externalID.flatMap { record[$0].isEmpty ? nil : text(record, $0) },
            lastName: text(record, header.lastName), firstName: text(record, header.firstName), shared: shared,
            sharedAt: sharedAt, levels: levels, pix: pix, mastery: mastery, skills: skills, estimatedLevels: estimated,
            extraColumns: extras, line: record.line, skillResults: skillResults)
    }

    /// The campaign of a row; rows of one export share it, so it is decoded once and later rows
    /// are compared with its fields as written.
    private func campaign(of record: CSVRecord) -> PixCampaign {
        let columns =
            [header.organization, header.campaignID, header.campaignCode, header.campaignName]
            + (header.targetProfile.map { [$0] } ?? [])
        if let campaign, zip(columns, campaignFields).allSatisfy({ record[$0].matches($1) }) { return campaign }
        campaignFields = columns.map { record[$0].string }
        let decoded = PixCampaign(
            organizationName: text(record, header.organization), campaignID: text(record, header.campaignID),
            code: text(record, header.campaignCode), name: text(record, header.campaignName), kind: kind,
            targetProfileName: header.targetProfile.map { text(record, $0) })
        campaign = decoded
        return decoded
    }

    private func profileResults(_ record: CSVRecord) -> ([CompetenceCode: Int], [CompetenceCode: Int]) {
        var levels = zeroForEveryCompetence
        var pix = zeroForEveryCompetence
        for (levelColumn, pixColumn, entry) in profileColumns {
            if let level = record[levelColumn].integer, level >= 0, level <= maximumLevel {
                levels.values[entry] = level
            } else {
                problem(
                    record, levelColumn, "niveau entier de 0 à \(maximumLevel) attendu",
                    "expected a whole level from 0 to \(maximumLevel)")
            }
            if let points = record[pixColumn].integer, points >= 0 {
                pix.values[entry] = points
            } else {
                problem(
                    record, pixColumn, "nombre de pix entier positif attendu", "expected a whole, positive pix count")
            }
        }
        return (levels, pix)
    }

    private func assessmentResults(
        _ record: CSVRecord
    ) -> ([CompetenceCode: Double], [CompetenceCode: SkillCount], [CompetenceCode: Int]) {
        var mastery: [CompetenceCode: Double] = [:]
        var skills: [CompetenceCode: SkillCount] = [:]
        var estimated: [CompetenceCode: Int] = [:]
        for (code, masteryColumn, totalColumn, masteredColumn) in header.assessedCompetences {
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
            mastery[code] = ratio
            skills[code] = SkillCount(total: total, mastered: mastered)
            estimated[code] = AssessmentLevelEstimate.level(mastery: ratio)
        }
        return (mastery, skills, estimated)
    }

    private func skillResults(_ record: CSVRecord) -> [String: PixSkillResult] {
        var results: [String: PixSkillResult] = [:]
        for (column, skill) in header.skillColumns {
            let field = record[column]
            if field.matches("OK") {
                results[skill] = .mastered
            } else if field.matches("KO") {
                results[skill] = .failed
            } else if field.matches("Non testé") {
                results[skill] = .notTested
            } else if !field.matches("NA") {
                problem(record, column, "attendu OK, KO ou Non testé", "expected OK, KO or Non testé")
            }
        }
        return results
    }
}
