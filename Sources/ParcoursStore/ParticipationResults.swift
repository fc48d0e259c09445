import Foundation
import GRDB
import ParcoursModel

/// The result columns of a participation row, as ``ResultsJSON`` encodes them (nil: NULL), from the
/// rows of the table that held them before (``ParticipationWriter`` writes a new row's directly).
struct ParticipationResults {
    var levels: String?
    var pix: String?
    var mastery: String?
    var skills: String?
    var estimatedLevels: String?

    /// The columns of results kept one row per competence (`participationResult`, before
    /// migration "v3 results in participation"), in competence order; a kind of result no row
    /// gives stays NULL.
    init(resultRows rows: [Row], into json: inout ResultsJSON.Writer) {
        func column<Value>(_ pairs: [(CompetenceCode, Value)], value: (Value, inout ResultsJSON.Writer) -> Void)
            -> String?
        {
            pairs.isEmpty ? nil : json.object(pairs, value: value)
        }
        let codes = rows.map { CompetenceCode($0["competence"]) }
        func pairs<Value>(_ read: (Row) -> Value?) -> [(CompetenceCode, Value)] {
            zip(codes, rows).compactMap { code, row in read(row).map { (code, $0) } }
        }
        levels = column(pairs { $0["measuredLevel"] as Int? }) { $1.integer($0) }
        pix = column(pairs { $0["pix"] as Int? }) { $1.integer($0) }
        mastery = column(pairs { $0["mastery"] as Double? }) { $1.number($0) }
        skills = column(
            pairs { row -> (Int, Int)? in
                guard let total: Int = row["skillsTotal"], let mastered: Int = row["skillsMastered"] else { return nil }
                return (total, mastered)
            }
        ) { $1.pair($0.0, $0.1) }
        estimatedLevels = column(pairs { $0["estimatedLevel"] as Int? }) { $1.integer($0) }
    }
}
