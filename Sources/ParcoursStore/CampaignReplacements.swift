import Foundation
import ParcoursModel

/// The campaigns an export replaces and the check that none is replaced by an older export (see
/// ``OlderExportError``), kept while the export's rows are written; shared by both stores.
package struct CampaignReplacements {
    /// Campaigns this file replaces, by row id: their code and the latest share stored before.
    private var replaced: [Int64: (code: String, latestShare: Date)] = [:]
    /// The latest share of each campaign in this file, by row id.
    private var latestShare: [Int64: Date] = [:]

    package init() {}

    /// Notes that the file replaces the stored rows of campaign `campaignID`, whose latest share
    /// was `storedLatestShare` (nil: none shared, nothing to compare).
    package mutating func replace(campaignID: Int64, code: String, storedLatestShare: Date?) {
        if let storedLatestShare { replaced[campaignID] = (code, storedLatestShare) }
    }

    /// Notes the share date of a row of the file.
    package mutating func add(_ row: PixRow, campaignID: Int64) {
        if let sharedAt = row.sharedAt, row.shared {
            latestShare[campaignID] = max(latestShare[campaignID] ?? sharedAt, sharedAt)
        }
    }

    /// Checks, once every row of `file` is written, that no campaign was replaced by an older export.
    package func check(file: String) throws {
        for (campaignID, previous) in replaced.sorted(by: { $0.key < $1.key }) {
            let incoming = latestShare[campaignID]
            if incoming.map({ $0 < previous.latestShare }) ?? true {
                throw OlderExportError(
                    file: file, campaignCode: previous.code, storedLatestShare: previous.latestShare,
                    exportLatestShare: incoming)
            }
        }
    }
}

extension ResultsJSON.Writer {
    /// Writes the five results columns of `row` one after the other, in the order `levels`, `pix`,
    /// `mastery`, `skills`, `estimatedLevels`: `column` receives each one's JSON bytes (valid until
    /// the next call), or nil for NULL.
    package mutating func resultColumns(of row: PixRow, _ column: ([UInt8]?) throws -> Void) rethrows {
        if row.hasProfileResults {
            let results = zip(row.competences, row.profileResults)
            write(results.lazy.map { ($0, $1.level) }) { $1.integer($0) }
            try column(bytes)
            write(results.lazy.map { ($0, $1.pix) }) { $1.integer($0) }
            try column(bytes)
        } else {
            try column(nil)
            try column(nil)
        }
        if row.hasAssessmentResults {
            let results = zip(row.competences, row.assessmentResults)
            write(results.lazy.map { ($0, $1.mastery) }) { $1.number($0) }
            try column(bytes)
            write(results.lazy.map { ($0, $1.skills) }) { $1.pair($0.total, $0.mastered) }
            try column(bytes)
            write(results.lazy.map { ($0, $1.estimatedLevel) }) { $1.integer($0) }
            try column(bytes)
        } else {
            for _ in 0..<3 { try column(nil) }
        }
    }
}
