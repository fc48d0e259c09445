import Foundation
import ParcoursConfig
import ParcoursModel
import Testing

@Suite struct PlanningSettingsTests {
    @Test func readsEveryFieldIntoEachCountrysPolicy() throws {
        let planning = try shippedConfiguration.get().planning
        let belgium = planning.policy(for: .belgium)
        #expect(belgium.valuePerWeight == 200)
        #expect(belgium.travelCostPerKilometre == 0.4451)
        #expect(belgium.noCarMaximumKilometres == 15)
        #expect(belgium.trainingHoursPerFullTime == 35)
        #expect(belgium.budgets == CommuneBudgets(defaultAmount: nil, perCommune: [:]))
        #expect(belgium.costSplit == .proRataSeats)
        #expect(belgium.fairness == FairnessPolicy(floorShare: 0.3, bonusPerWeight: 100))
        #expect(belgium.maximumTravelKilometres == nil && belgium.minimumGroupSize == nil)
        #expect(belgium.remoteAllowed && belgium.participatingCommunes == nil)
        #expect(belgium.changePenalty == 50 && belgium.timeLimitSeconds == 10 && belgium.seed == 1)
        #expect(belgium.gapTarget == 0.01)
        #expect(planning.policy(for: .france).travelCostPerKilometre == 0.41)
        #expect(planning.rules(of: .belgium).travelCostPerKilometre.toVerify)
        #expect(planning.rules(of: .france).travelCostPerKilometre.source.contains("arrêté du 14 mars 2022"))
        #expect(
            planning.defaultSchedule == [
                DailySlot(startMinute: 540, endMinute: 750), DailySlot(startMinute: 810, endMinute: 990),
            ])
    }

    @Test func readsBudgetsAndParticipatingCommunesByCode() throws {
        let configuration = try configurationAfterEditing("planning.yaml") {
            $0.replacingOccurrences(of: "  default: null\n", with: "  default: 1500\n")
                .replacingOccurrences(
                    of: "  per_commune: {}", with: "  per_commune:\n    92054: 2500\n    \"2B120\": 0"
                )
                .replacingOccurrences(
                    of: "participating_communes: null", with: "participating_communes: [92054, 2B120]")
        }
        let policy = configuration.planning.policy(for: .belgium)
        #expect(policy.budgets.amount(forCommune: "92054") == 2500)
        #expect(policy.budgets.amount(forCommune: "2B120") == 0)
        #expect(policy.budgets.amount(forCommune: "92094") == 1500)
        #expect(policy.participatingCommunes == ["92054", "2B120"])
    }

    /// An edit of the shipped file and the problem it must cause.
    struct Edit: Sendable, CustomTestStringConvertible {
        let original: String
        let edited: String
        let field: String
        let french: String
        var testDescription: String { field }
    }

    static let edits = [
        Edit(
            original: "  per_commune: {}", edited: "  per_commune:\n    \"99999\": 10",
            field: "budgets.per_commune.99999", french: "n'est pas une commune"),
        Edit(
            original: "cost_split: pro-rata-seats", edited: "cost_split: by-population", field: "cost_split",
            french: "règle inconnue"),
        Edit(
            original: "  floor_share: 0.3", edited: "  floor_share: 1.5", field: "fairness.floor_share",
            french: "entre 0 et 1"),
        Edit(
            original: "    FR: 35\n", edited: "    BE2: 35\n", field: "allowance.training_hours_per_full_time.BE2",
            french: "pays inconnu"),
        Edit(
            original: "  time_limit_seconds: 10", edited: "  time_limit_seconds: 0", field: "solver.time_limit_seconds",
            french: "secondes"),
        Edit(
            original: "  gap_target: 0.01", edited: "  gap_target: 1.5", field: "solver.gap_target", french: "fraction"),
        Edit(
            original: "\"09:00-12:30,13:30-16:30\"", edited: "\"9 to 5\"", field: "sessions.default_schedule",
            french: "plages"),
        Edit(
            original: "value_per_weight: 200", edited: "value_per_weight: -1", field: "value_per_weight",
            french: "positif ou nul"),
        Edit(
            original: "  minimum_group_size: null", edited: "  minimum_group_size: 0",
            field: "what_if.minimum_group_size", french: "au moins 1"),
    ]

    @Test(arguments: edits)
    func namesTheFileLineAndFieldOfAProblem(_ edit: Edit) throws {
        let change = { (text: String) in text.replacingOccurrences(of: edit.original, with: edit.edited) }
        let error = try #require(try configErrorAfterEditing("planning.yaml", change))
        #expect(error.file.hasSuffix("planning.yaml"))
        #expect(error.field == edit.field)
        let editedLine = String(edit.edited.split(separator: "\n").last!)
        #expect(error.line == (try shippedLine(of: editedLine, in: "planning.yaml", after: change)))
        #expect(error.description(in: .french).contains(edit.french))
    }

    @Test func refusesAMissingCountry() throws {
        let error = try configErrorAfterEditing("planning.yaml") {
            $0.replacingOccurrences(of: "    BE: 35\n    FR: 35\n", with: "    BE: 35\n")
        }
        #expect(error?.field == "allowance.training_hours_per_full_time")
        #expect(error?.message == "no value for FR")
    }
}
