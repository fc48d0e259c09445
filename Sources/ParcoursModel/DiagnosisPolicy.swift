import Foundation

/// The rules of `Config/policy.yaml` that the diagnosis applies: how a need is weighed, who is
/// "digitally fragile", and which aggregates may be shown.
public struct DiagnosisPolicy: Hashable, Sendable {
    /// A need weighs `priority × gap ^ gapExponent`.
    public let gapExponent: Double
    public let fragility: FragilityRule
    /// An aggregate over fewer agents than this is not shown.
    public let minimumCellSize: Int

    public init(gapExponent: Double, fragility: FragilityRule, minimumCellSize: Int) {
        self.gapExponent = gapExponent
        self.fragility = fragility
        self.minimumCellSize = minimumCellSize
    }

    /// The weight of a need of `gap` levels on a competence of priority `priority`; 0 without a gap.
    public func weight(gap: Int, priority: Double) -> Double {
        gap > 0 ? priority * pow(Double(gap), gapExponent) : 0
    }
}

/// Who counts as "digitally fragile": below `belowLevel` on at least `minimumCount` of the base
/// competences. A base competence without a result counts as level 0 for an agent who has results
/// on other competences; an agent without any result is "not assessed", never fragile.
public struct FragilityRule: Hashable, Sendable {
    public let baseCompetences: [CompetenceCode]
    public let belowLevel: Int
    public let minimumCount: Int

    public init(baseCompetences: [CompetenceCode], belowLevel: Int, minimumCount: Int) {
        self.baseCompetences = baseCompetences
        self.belowLevel = belowLevel
        self.minimumCount = minimumCount
    }

    /// Whether an assessed agent with these levels is fragile (absent competences count as 0).
    public func isFragile(levels: [CompetenceCode: Int]) -> Bool {
        baseCompetences.count { (levels[$0] ?? 0) < belowLevel } >= minimumCount
    }
}
