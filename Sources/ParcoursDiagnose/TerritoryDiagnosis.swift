import ParcoursModel

/// The diagnosis of one territory: every agent's needs and the aggregates per commune, job
/// family and for the whole territory, under the policy's minimum cell size, with complementary
/// suppression (``ComplementarySuppression``) so that no hidden cell can be recomputed from the others.
///
/// `agents` holds personal data: outputs beyond one commune show pseudonyms instead of names.
public struct TerritoryDiagnosis: Sendable {
    public let territory: Territory
    /// The territory's agents, ordered by commune (territory order) then external id.
    public let agents: [AgentDiagnosis]
    public let overall: GroupAggregate
    /// Communes of the territory that have agents, in the territory's order.
    public let communes: [GroupAggregate]
    /// Job families that have agents in the territory, in the configuration's order.
    public let jobFamilies: [GroupAggregate]
    /// Levels of the assessed agents, per competence in framework order.
    public let distributions: [LevelDistribution]

    public init(
        territory: Territory, agents assessedAgents: [AssessedAgent], families: [JobFamily],
        framework: CompetenceFramework, policy: DiagnosisPolicy
    ) {
        self.territory = territory
        let codes = framework.codes
        let familiesByID = Dictionary(families.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let communeOrder = Dictionary(
            territory.communes.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        let diagnoses =
            assessedAgents
            .filter { communeOrder[$0.agent.communeCode] != nil }
            .map { AgentDiagnosis($0, family: familiesByID[$0.agent.jobFamilyID], codes: codes, policy: policy) }
            .sorted {
                (communeOrder[$0.agent.communeCode] ?? 0, $0.agent.externalID)
                    < (communeOrder[$1.agent.communeCode] ?? 0, $1.agent.externalID)
            }
        agents = diagnoses
        let cell = policy.minimumCellSize
        overall = GroupAggregate(
            scope: .territory(territory.id), diagnoses: diagnoses, codes: codes, minimumCellSize: cell)
        let byCommune = Dictionary(grouping: diagnoses, by: \.agent.communeCode)
        communes = ComplementarySuppression.protect(
            territory.communes.compactMap { commune in
                byCommune[commune.code].map {
                    GroupAggregate(scope: .commune(commune.code), diagnoses: $0, codes: codes, minimumCellSize: cell)
                }
            }, minimumCellSize: cell)
        let byFamily = Dictionary(grouping: diagnoses, by: \.agent.jobFamilyID)
        let familyOrder = families.map(\.id) + byFamily.keys.filter { familiesByID[$0] == nil }.sorted()
        jobFamilies = ComplementarySuppression.protect(
            familyOrder.compactMap { id in
                byFamily[id].map {
                    GroupAggregate(scope: .jobFamily(id), diagnoses: $0, codes: codes, minimumCellSize: cell)
                }
            }, minimumCellSize: cell)
        let assessedLevels = assessedAgents.filter { communeOrder[$0.agent.communeCode] != nil }.map(\.levels)
        distributions = codes.map { code in
            LevelDistribution(
                competence: code, levels: assessedLevels.compactMap { $0[code] },
                maximumLevel: framework.maximumLevel, minimumCellSize: cell)
        }
    }
}
