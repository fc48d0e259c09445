import ParcoursModel

/// How many assessed agents are at each level of one competence (agents with a result on it).
public struct LevelDistribution: Hashable, Sendable {
    public let competence: CompetenceCode
    /// `counts[level]` for levels 0…maximum; nil when fewer agents than the minimum cell size.
    public let counts: [Int]?
    /// How many of the levels counted were estimated from an assessment; nil when suppressed.
    public let estimated: Int?

    public var total: Int { counts?.reduce(0, +) ?? 0 }

    /// Counts the levels of `diagnoses` on `competence`, up to `maximumLevel`.
    public init(
        competence: CompetenceCode, levels: [CurrentLevel], maximumLevel: Int, minimumCellSize: Int
    ) {
        self.competence = competence
        let known = levels.filter { $0.source != .none }
        guard known.count >= minimumCellSize, !known.isEmpty else {
            counts = nil
            estimated = nil
            return
        }
        var counts = [Int](repeating: 0, count: maximumLevel + 1)
        for level in known { counts[min(maximumLevel, max(0, level.level))] += 1 }
        self.counts = counts
        estimated = known.count { $0.source == .estimated }
    }
}
