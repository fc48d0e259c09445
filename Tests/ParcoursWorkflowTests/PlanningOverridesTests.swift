import ParcoursConfig
import ParcoursModel
import ParcoursWorkflow
import Testing

/// What-if changes to the policy of `Config/planning.yaml`.
@Suite struct PlanningOverridesTests {
    static func namur() throws -> (Territory, PlanningPolicy) {
        let configuration = try WorkflowFixtures.configuration.get()
        return (try #require(configuration.territory(id: "namur")), configuration.planning.policy(for: .belgium))
    }

    @Test func leavesThePolicyAsItIsWithoutChanges() throws {
        let (namur, base) = try Self.namur()
        #expect(try PlanningOverrides().applied(to: base, territory: namur) == base)
    }

    @Test func appliesEachChange() throws {
        let (namur, base) = try Self.namur()
        let overrides = PlanningOverrides(
            maximumTravelKilometres: 20, minimumGroupSize: 8, remoteAllowed: false,
            participatingCommunes: ["92054", "92045"], budgetPerCommune: 3000, timeLimitSeconds: 2, gapTarget: 0.005,
            seed: 7)
        let policy = try overrides.applied(to: base, territory: namur)
        #expect(policy.maximumTravelKilometres == 20 && policy.minimumGroupSize == 8 && !policy.remoteAllowed)
        #expect(policy.participatingCommunes == ["92054", "92045"])
        #expect(policy.budgets == CommuneBudgets(defaultAmount: 3000))
        #expect(policy.timeLimitSeconds == 2 && policy.gapTarget == 0.005 && policy.seed == 7)
        #expect(overrides.summary.contains("seed=7") && !overrides.summary.contains("gap"))
        #expect(policy.valuePerWeight == base.valuePerWeight && policy.fairness == base.fairness)
    }

    @Test func aBudgetForEveryCommuneReplacesTheFilesBudgets() throws {
        let (namur, base) = try Self.namur()
        var withBudgets = base
        withBudgets.budgets = CommuneBudgets(defaultAmount: 1000, perCommune: ["92054": 5000])
        let policy = try PlanningOverrides(budgetPerCommune: 2500).applied(to: withBudgets, territory: namur)
        #expect(policy.budgets.amount(forCommune: "92054") == 2500)
        #expect(policy.budgets.amount(forCommune: "92094") == 2500)
    }

    @Test func refusesCommunesOutsideTheTerritoryAndValuesOutOfRange() throws {
        let (namur, base) = try Self.namur()
        #expect(throws: PlanningInputError.communesOutsideTerritory(["2B120"], territory: "namur")) {
            try PlanningOverrides(participatingCommunes: ["92054", "2B120"]).applied(to: base, territory: namur)
        }
        #expect(throws: PlanningInputError.outOfRange(option: "minimum-group-size", value: "0")) {
            try PlanningOverrides(minimumGroupSize: 0).applied(to: base, territory: namur)
        }
        #expect(throws: PlanningInputError.outOfRange(option: "budget", value: "-1.0")) {
            try PlanningOverrides(budgetPerCommune: -1).applied(to: base, territory: namur)
        }
        #expect(throws: PlanningInputError.outOfRange(option: "time-limit", value: "0.0")) {
            try PlanningOverrides(timeLimitSeconds: 0).applied(to: base, territory: namur)
        }
        for gap in [-0.01, 1, .nan] {
            #expect(throws: PlanningInputError.outOfRange(option: "gap-target", value: "\(gap)")) {
                try PlanningOverrides(gapTarget: gap).applied(to: base, territory: namur)
            }
        }
        #expect(try PlanningOverrides(gapTarget: 0).applied(to: base, territory: namur).gapTarget == 0)
        #expect(
            PlanningInputError.communesOutsideTerritory(["2B120"], territory: "namur").message(in: .french)
                == "communes hors du territoire namur : 2B120")
    }
}
