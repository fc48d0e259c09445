import ParcoursDiagnose
import ParcoursModel
import Testing

/// A small territory whose figures were computed by hand (see the comments of each expectation).
@Suite struct TerritoryDiagnosisTests {
    static let c11 = CompetenceCode("1.1")
    static let c21 = CompetenceCode("2.1")
    static let c31 = CompetenceCode("3.1")

    static let framework = CompetenceFramework(
        areas: [
            CompetenceArea(
                code: "1", titleFR: "Informations", titleEN: "Information",
                competences: [Competence(code: c11, titleFR: "Recherche", titleEN: "Search")]),
            CompetenceArea(
                code: "2", titleFR: "Communication", titleEN: "Communication",
                competences: [Competence(code: c21, titleFR: "Interagir", titleEN: "Interact")]),
            CompetenceArea(
                code: "3", titleFR: "Création", titleEN: "Creation",
                competences: [Competence(code: c31, titleFR: "Textes", titleEN: "Text")]),
        ],
        levels: (1...8).map { LevelDescription(level: $0, descriptionFR: "", descriptionEN: "") })

    static let families = [
        JobFamily(
            id: "admin", nameFR: "Administratif", nameEN: "Administrative", targets: [c11: 2, c21: 3, c31: 0],
            priorities: [c11: 1, c21: 3, c31: 1]),
        JobFamily(
            id: "field", nameFR: "Terrain", nameEN: "Field", targets: [c11: 1, c21: 2, c31: 2],
            priorities: [c11: 2, c21: 1, c31: 2]),
    ]

    static let policy = DiagnosisPolicy(
        gapExponent: 1, fragility: FragilityRule(baseCompetences: [c11, c21, c31], belowLevel: 2, minimumCount: 2),
        minimumCellSize: 3)

    static func commune(_ code: String) -> Commune {
        Commune(
            code: code, name: "Commune \(code)", postalCodes: [], coordinate: Coordinate(latitude: 50, longitude: 4.8),
            population: nil, nuts3: "BE352", arrondissement: nil)
    }

    static let territory = Territory(
        id: "t", name: "Territoire", country: .belgium, circuityFactor: 1.3, communes: [commune("A"), commune("B")],
        statuses: [])

    static func agent(
        _ id: String, _ commune: String, _ family: String, _ levels: [CompetenceCode: Int], _ source: LevelSource
    )
        -> AssessedAgent
    {
        AssessedAgent(
            agent: Agent(
                externalID: id, lastName: id, firstName: id, communeCode: commune, jobFamilyID: family,
                statusID: "statutaire", equipment: [], workingTime: 1, workingDays: [], hasCar: true,
                maximumTravelKilometres: 20, unavailable: [], languages: ["fr"]),
            levels: levels.mapValues { CurrentLevel(level: $0, source: source) })
    }

    static let agents = [
        agent("B2", "B", "field", [c11: 1, c21: 3, c31: 1], .estimated),
        agent("A1", "A", "admin", [c11: 1, c21: 3, c31: 0], .measured),
        agent("A2", "A", "admin", [c11: 2, c21: 1], .estimated),
        agent("A3", "A", "field", [c11: 4, c21: 2, c31: 2], .measured),
        agent("A4", "A", "field", [:], .none),
        agent("B1", "B", "admin", [c11: 0, c21: 0, c31: 0], .measured),
        agent("Z1", "Z", "admin", [c11: 0], .measured),
    ]

    static let diagnosis = TerritoryDiagnosis(
        territory: territory, agents: agents, families: families, framework: framework, policy: policy)

    @Test func agentsAreTheTerritorysInCommuneOrder() {
        #expect(Self.diagnosis.agents.map(\.agent.externalID) == ["A1", "A2", "A3", "A4", "B1", "B2"])
    }

    @Test func needsPerAgent() {
        let byID = Dictionary(uniqueKeysWithValues: Self.diagnosis.agents.map { ($0.agent.externalID, $0) })
        // A2 (admin): 1.1 reached (2 ≥ 2); 2.1 at 1 (estimated) for 3 → gap 2, weight 3 × 2 = 6.
        #expect(
            byID["A2"]?.needs == [
                Need(
                    agentID: "A2", competence: Self.c21, currentLevel: 1, targetLevel: 3, levelSource: .estimated,
                    weight: 6)
            ])
        // B1 (admin): 1.1 0 → 2 (weight 1 × 2), 2.1 0 → 3 (weight 3 × 3); 3.1 has no target for admin.
        #expect(byID["B1"]?.needs.map(\.weight) == [2, 9])
        #expect(byID["B1"]?.standings.map(\.competence) == [Self.c11, Self.c21])
        // A1's 3.1 is not targeted; A3 reaches every target.
        #expect(byID["A3"]?.needs == [])
        // A4 has no result: not assessed, no standings, not fragile.
        #expect(byID["A4"]?.isAssessed == false && byID["A4"]?.standings == [] && byID["A4"]?.isFragile == false)
        // A2 has no 3.1 result: it counts as level 0 for fragility (2.1 at 1, 3.1 at 0 → 2 below 2).
        #expect(byID["A2"]?.isFragile == true)
        #expect(byID.values.filter(\.isFragile).map(\.agent.externalID).sorted() == ["A1", "A2", "B1", "B2"])
    }

    @Test func territoryAggregates() {
        let overall = Self.diagnosis.overall
        #expect(overall.agents == 6 && overall.assessed == 5)
        #expect(overall.fragile == 4 && overall.fragileShare == 0.8)
        // 1.1 targeted for all 5 assessed: gaps A1 1, A2 0, A3 0, B1 2, B2 0.
        #expect(
            overall.competences[0]
                == CompetenceAggregate(
                    competence: Self.c11, agentsWithTarget: 5, belowTarget: 2, meanGap: 0.6, estimated: 2))
        // 2.1: gaps 0, 2, 0, 3, 0.
        #expect(overall.competences[1].belowTarget == 2 && overall.competences[1].meanGap == 1.0)
        // 3.1 targeted only for the field agents A3 and B2: 2 < 3, not shown.
        #expect(overall.competences[2].isSuppressed && overall.competences[2].agentsWithTarget == 2)
    }

    /// The aggregate of the diagnosed agents that `belongs` selects, with primary suppression only.
    static func group(_ scope: GroupScope, of diagnosis: TerritoryDiagnosis, _ belongs: (Agent) -> Bool)
        -> GroupAggregate
    {
        GroupAggregate(
            scope: scope, diagnoses: diagnosis.agents.filter { belongs($0.agent) }, codes: framework.codes,
            minimumCellSize: policy.minimumCellSize)
    }

    @Test func communeAggregatesHideSmallGroups() {
        let a = Self.group(.commune("A"), of: Self.diagnosis) { $0.communeCode == "A" }
        #expect(a.agents == 4 && a.assessed == 3 && a.fragile == 2)
        #expect(a.fragileShare == 2.0 / 3.0)
        #expect(a.competences[0].belowTarget == 1 && a.competences[0].meanGap == 1.0 / 3.0)
        #expect(a.competences[1].belowTarget == 1 && a.competences[1].meanGap == 2.0 / 3.0)
        #expect(a.competences[2].isSuppressed)
        // B has 2 assessed agents, below the minimum cell size of 3: nothing is shown.
        let communes = Self.diagnosis.communes
        #expect(communes.map(\.scope) == [.commune("A"), .commune("B")])
        let b = communes[1]
        #expect(b.isSuppressed && b.fragileShare == nil && b.competences.allSatisfy(\.isSuppressed))
    }

    @Test func aVisibleCommuneThatWouldRevealAHiddenOneIsHiddenToo() {
        // Territory − A = B: A's figures would give B's (fragile 4 − 2 = 2), so A is hidden as well;
        // head counts stay visible.
        let a = Self.diagnosis.communes[0]
        #expect(a.agents == 4 && a.assessed == 3)
        #expect(a.isSuppressed && a.fragileShare == nil && a.competences.allSatisfy(\.isSuppressed))
    }

    @Test func hiddenCommunesThatTogetherReachTheCellSizeNeedNoComplement() {
        // C adds 2 assessed agents: B and C hidden together concern 4 ≥ 3 agents, so A stays visible.
        let territory = Territory(
            id: "t", name: "Territoire", country: .belgium, circuityFactor: 1.3,
            communes: [Self.commune("A"), Self.commune("B"), Self.commune("C")], statuses: [])
        let agents =
            Self.agents + [
                Self.agent("C1", "C", "admin", [Self.c11: 3, Self.c21: 3], .measured),
                Self.agent("C2", "C", "admin", [Self.c11: 1, Self.c21: 1], .measured),
            ]
        let diagnosis = TerritoryDiagnosis(
            territory: territory, agents: agents, families: Self.families, framework: Self.framework,
            policy: Self.policy)
        let communes = diagnosis.communes
        #expect(communes.map(\.isSuppressed) == [false, true, true])
        #expect(communes[0].fragile == 2 && communes[0].competences[0].belowTarget == 1)
    }

    @Test func jobFamilyAggregates() {
        // admin: A1, A2, B1, all fragile; 1.1 gaps 1, 0, 2; 2.1 gaps 0, 2, 3.
        let admin = Self.group(.jobFamily("admin"), of: Self.diagnosis) { $0.jobFamilyID == "admin" }
        #expect(admin.fragileShare == 1.0)
        #expect(admin.competences[0].belowTarget == 2 && admin.competences[0].meanGap == 1.0)
        #expect(admin.competences[1].meanGap == 5.0 / 3.0)
        let families = Self.diagnosis.jobFamilies
        #expect(families.map(\.scope) == [.jobFamily("admin"), .jobFamily("field")])
        // field: A3 and B2 assessed (A4 not): suppressed; admin is then territory − field: hidden too.
        #expect(families[1].agents == 3 && families[1].isSuppressed)
        #expect(families[0].isSuppressed && families[0].assessed == 3)
    }

    @Test func levelDistributions() {
        let distributions = Self.diagnosis.distributions
        // 1.1: A1 1, A2 2, A3 4, B1 0, B2 1.
        #expect(distributions[0].counts == [1, 2, 1, 0, 1, 0, 0, 0, 0] && distributions[0].estimated == 2)
        // 3.1: A1 0, A3 2, B1 0, B2 1 (A2 has no result on it).
        #expect(distributions[2].counts == [2, 1, 1, 0, 0, 0, 0, 0, 0] && distributions[2].total == 4)
    }

    @Test func needWeightFollowsTheGapExponent() {
        let policy = DiagnosisPolicy(gapExponent: 2, fragility: Self.policy.fragility, minimumCellSize: 5)
        #expect(policy.weight(gap: 2, priority: 3) == 12)
        #expect(policy.weight(gap: 0, priority: 3) == 0)
    }
}
