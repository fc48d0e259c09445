import Foundation
import ParcoursModel

/// A competence level of one agent, with where it comes from.
public struct ConsolidatedLevel: Hashable, Sendable {
    public let level: Int
    /// `.measured` (profiles collection) or `.estimated` (assessment).
    public let source: LevelSource
    public let sharedAt: Date?
    public let campaignID: String

    public init(level: Int, source: LevelSource, sharedAt: Date?, campaignID: String) {
        self.level = level
        self.source = source
        self.sharedAt = sharedAt
        self.campaignID = campaignID
    }
}

/// The rule for an agent who took part in several campaigns: **for each competence, the latest
/// shared result that gives it a level wins** — a measured level from a profiles collection or an
/// estimated level from an assessment (see ``AssessmentLevelEstimate``), whichever was shared
/// last. Rows not shared count for nothing; a shared row without a date is older than any dated
/// one; on equal dates a measured level beats an estimate, then the later row in the given order
/// wins. A competence no shared row covers is absent (the diagnosis treats it as level 0).
public enum PixConsolidation {
    /// The current level per competence of one agent, from all their participations.
    public static func currentLevels(of participations: [PixParticipation]) -> [CompetenceCode: ConsolidatedLevel] {
        var current: [CompetenceCode: ConsolidatedLevel] = [:]
        for participation in participations where participation.shared {
            let results: [(CompetenceCode, Int, LevelSource)] =
                (participation.levels ?? [:]).map { ($0.key, $0.value, .measured) }
                + (participation.estimatedLevels ?? [:]).map { ($0.key, $0.value, .estimated) }
            for (code, level, source) in results {
                let candidate = ConsolidatedLevel(
                    level: level, source: source, sharedAt: participation.sharedAt,
                    campaignID: participation.campaign.campaignID)
                if let held = current[code], isNewer(held, than: candidate) { continue }
                current[code] = candidate
            }
        }
        return current
    }

    /// Whether `held` stays ahead of a `candidate` that comes later in the given order.
    private static func isNewer(_ held: ConsolidatedLevel, than candidate: ConsolidatedLevel) -> Bool {
        let heldDate = held.sharedAt ?? .distantPast
        let candidateDate = candidate.sharedAt ?? .distantPast
        if heldDate != candidateDate { return heldDate > candidateDate }
        return held.source == .measured && candidate.source == .estimated
    }
}
