/// Secondary (complementary) cell suppression over a partition of the territory.
///
/// The communes of a territory, like its job families, partition its agents, and the territory's
/// own figures are shown: a hidden group's figures would follow by subtracting the visible groups
/// from the total. So whenever the hidden groups of a partition together concern some, but fewer
/// than the minimum cell size, agents, the visible group with the fewest agents is hidden too, until
/// what subtraction reveals is itself an aggregate over at least the minimum cell size. The rule is
/// applied to the fragility figures (counted over assessed agents) and, separately, to each
/// competence's figures (counted over the agents with a target on it).
enum ComplementarySuppression {
    /// `groups`, a partition of one territory, with the complementary cells hidden.
    static func protect(_ groups: [GroupAggregate], minimumCellSize: Int) -> [GroupAggregate] {
        var protected = groups
        hideComplements(
            in: &protected, minimumCellSize: minimumCellSize, size: \.assessed, isHidden: \.isSuppressed,
            hide: { $0.suppressFragility() })
        for index in groups.first?.competences.indices ?? 0..<0 {
            hideComplements(
                in: &protected, minimumCellSize: minimumCellSize, size: { $0.competences[index].agentsWithTarget },
                isHidden: { $0.competences[index].isSuppressed }, hide: { $0.suppressCompetence(at: index) })
        }
        return protected
    }

    private static func hideComplements(
        in groups: inout [GroupAggregate], minimumCellSize: Int, size: (GroupAggregate) -> Int,
        isHidden: (GroupAggregate) -> Bool, hide: (inout GroupAggregate) -> Void
    ) {
        while true {
            let hiddenSize = groups.filter(isHidden).reduce(0) { $0 + size($1) }
            guard hiddenSize > 0, hiddenSize < minimumCellSize else { return }
            let visible = groups.indices.filter { !isHidden(groups[$0]) && size(groups[$0]) > 0 }
            guard let smallest = visible.min(by: { (size(groups[$0]), $0) < (size(groups[$1]), $1) }) else { return }
            hide(&groups[smallest])
        }
    }
}
