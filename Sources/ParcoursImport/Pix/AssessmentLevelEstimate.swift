/// The rule that turns an assessment's mastery ratio into an estimated level.
///
/// An assessment campaign measures, per competence, the share of the target profile's skills the
/// agent masters, not a level. Target profiles used with adult professionals rarely go beyond
/// level 5 ("avancé"), so full mastery is read as level 5 at best and each fifth of the skills as
/// one level, rounded down:
///
/// | mastery | 0–19 % | 20–39 % | 40–59 % | 60–79 % | 80–99 % | 100 % |
/// |---|---|---|---|---|---|---|
/// | estimated level | 0 | 1 | 2 | 3 | 4 | 5 |
///
/// The estimate is conservative (it never exceeds what the profile could show) and is kept apart
/// from measured levels (`PixParticipation.estimatedLevels`, `LevelSource.estimated`).
public enum AssessmentLevelEstimate {
    /// The level full mastery of a target profile's skills stands for.
    public static let levelAtFullMastery = 5

    /// The estimated level for a mastery ratio (0…1; values outside are clamped).
    public static func level(mastery: Double) -> Int {
        let clamped = min(1, max(0, mastery))
        // The small margin keeps exact fifths (0,6 × 5 = 2,999…) on the level they stand for.
        return Int((clamped * Double(levelAtFullMastery) + 1e-9).rounded(.down))
    }
}
