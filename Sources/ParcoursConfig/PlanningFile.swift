import Foundation
import ParcoursModel

/// `Config/planning.yaml`: the planning policy (value of training, travel cost, limits, allowance,
/// budgets, cost split, fairness, re-planning, solver) and how catalogue sessions become plannable.
enum PlanningFile {
    static let name = "planning.yaml"

    private struct File: Decodable {
        struct Travel: Decodable {
            let cost_per_km: [String: Sourced]
            let no_car_maximum_km: Double
        }
        struct Sourced: Decodable {
            let amount: Double
            let source: String
            let to_verify: Bool
        }
        struct Allowance: Decodable { let training_hours_per_full_time: [String: Double] }
        struct Budgets: Decodable { let `default`: Double? }
        struct Fairness: Decodable {
            let floor_share: Double
            let bonus_per_weight: Double
        }
        struct WhatIf: Decodable {
            let maximum_travel_km: Double?
            let minimum_group_size: Int?
            let remote_allowed: Bool
            let participating_communes: [String]?
        }
        struct Solver: Decodable {
            let time_limit_seconds: Double
            let seed: UInt64
            let gap_target: Double?
        }
        struct Sessions: Decodable { let default_schedule: String }
        let value_per_weight: Double
        let travel: Travel
        let allowance: Allowance
        let budgets: Budgets
        let cost_split: String
        let fairness: Fairness
        let what_if: WhatIf
        let change_penalty: Double
        let solver: Solver
        let sessions: Sessions
    }

    /// Loads the file; commune codes (budgets, participating communes) must be communes of `territories`.
    static func load(from url: URL, territories: [Territory]) throws -> PlanningSettings {
        let yaml = try YAMLFile(url: url)
        let file = try yaml.decode(File.self)
        let communes = Set(territories.flatMap(\.communes).map(\.code))
        try yaml.checkAmount(file.value_per_weight, at: ["value_per_weight"])
        try yaml.checkAmount(file.travel.no_car_maximum_km, at: ["travel", "no_car_maximum_km"])
        let countries = try countryRules(file, in: yaml)
        if let amount = file.budgets.default { try yaml.checkAmount(amount, at: ["budgets", "default"]) }
        var perCommune: [String: Double] = [:]
        for (code, amount) in try yaml.decodeMapping(Double.self, at: ["budgets", "per_commune"]) {
            let path: [FieldKey] = ["budgets", "per_commune", .key(code)]
            try yaml.checkCommune(code, in: communes, at: path)
            try yaml.checkAmount(amount, at: path)
            perCommune[code] = amount
        }
        guard let costSplit = CostSplitRule(rawValue: file.cost_split) else {
            let rules = CostSplitRule.allCases.map(\.rawValue).joined(separator: ", ")
            throw yaml.error(
                at: ["cost_split"], "unknown rule \"\(file.cost_split)\" (expected \(rules))",
                fr: "règle inconnue « \(file.cost_split) » (attendu : \(rules))")
        }
        guard (0...1).contains(file.fairness.floor_share) else {
            throw yaml.error(
                at: ["fairness", "floor_share"], "must be a share between 0 and 1",
                fr: "doit être une part entre 0 et 1")
        }
        try yaml.checkAmount(file.fairness.bonus_per_weight, at: ["fairness", "bonus_per_weight"])
        let whatIf = file.what_if
        if let limit = whatIf.maximum_travel_km { try yaml.checkAmount(limit, at: ["what_if", "maximum_travel_km"]) }
        if let size = whatIf.minimum_group_size, size < 1 {
            throw yaml.error(
                at: ["what_if", "minimum_group_size"], "must be at least 1 (or null)",
                fr: "doit valoir au moins 1 (ou null)")
        }
        for (index, code) in (whatIf.participating_communes ?? []).enumerated() {
            try yaml.checkCommune(code, in: communes, at: ["what_if", "participating_communes", .index(index)])
        }
        try yaml.checkAmount(file.change_penalty, at: ["change_penalty"])
        guard file.solver.time_limit_seconds > 0, file.solver.time_limit_seconds.isFinite else {
            throw yaml.error(
                at: ["solver", "time_limit_seconds"], "must be a positive number of seconds",
                fr: "doit être un nombre de secondes positif")
        }
        if let gap = file.solver.gap_target, !(gap >= 0 && gap < 1) {
            throw yaml.error(
                at: ["solver", "gap_target"], "must be a fraction from 0 to below 1 (0.01 = 1 %), or null",
                fr: "doit être une fraction de 0 à moins de 1 (0.01 = 1 %), ou null")
        }
        guard let schedule = DailySlot.list(file.sessions.default_schedule) else {
            throw yaml.error(
                at: ["sessions", "default_schedule"],
                "\"\(file.sessions.default_schedule)\" is not a list of time slots like 09:00-12:30,13:30-16:30",
                fr: "« \(file.sessions.default_schedule) » n'est pas une liste de plages comme 09:00-12:30,13:30-16:30")
        }
        return PlanningSettings(
            valuePerWeight: file.value_per_weight, countries: countries,
            noCarMaximumKilometres: file.travel.no_car_maximum_km,
            budgets: CommuneBudgets(defaultAmount: file.budgets.default, perCommune: perCommune),
            costSplit: costSplit,
            fairness: FairnessPolicy(
                floorShare: file.fairness.floor_share, bonusPerWeight: file.fairness.bonus_per_weight),
            maximumTravelKilometres: whatIf.maximum_travel_km, minimumGroupSize: whatIf.minimum_group_size,
            remoteAllowed: whatIf.remote_allowed, participatingCommunes: whatIf.participating_communes.map(Set.init),
            changePenalty: file.change_penalty, timeLimitSeconds: file.solver.time_limit_seconds,
            seed: file.solver.seed, gapTarget: file.solver.gap_target,
            defaultSchedule: schedule)
    }

    /// Travel cost and allowance for every country, each keyed `BE` / `FR`.
    private static func countryRules(_ file: File, in yaml: YAMLFile) throws -> [Country: CountryPlanningRules] {
        let travel = try byCountry(file.travel.cost_per_km, at: ["travel", "cost_per_km"], in: yaml)
        let hours = try byCountry(
            file.allowance.training_hours_per_full_time, at: ["allowance", "training_hours_per_full_time"], in: yaml)
        var rules: [Country: CountryPlanningRules] = [:]
        for country in Country.allCases {
            let cost = travel[country]!
            let costPath: [FieldKey] = ["travel", "cost_per_km", .key(country.rawValue)]
            try yaml.checkAmount(cost.amount, at: costPath + ["amount"])
            guard !cost.source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw yaml.error(at: costPath + ["source"], "must name its source", fr: "doit citer sa source")
            }
            guard let allowance = hours[country], allowance > 0, allowance.isFinite else {
                throw yaml.error(
                    at: ["allowance", "training_hours_per_full_time", .key(country.rawValue)],
                    "must be a positive number of hours", fr: "doit être un nombre d'heures positif")
            }
            rules[country] = CountryPlanningRules(
                travelCostPerKilometre: SourcedAmount(
                    amount: cost.amount, source: cost.source.trimmingCharacters(in: .whitespacesAndNewlines),
                    toVerify: cost.to_verify),
                trainingHoursPerFullTime: allowance)
        }
        return rules
    }

    /// A mapping keyed by country code, with every country present.
    private static func byCountry<T>(_ values: [String: T], at path: [FieldKey], in yaml: YAMLFile) throws
        -> [Country: T]
    {
        var result: [Country: T] = [:]
        for key in values.keys.sorted() {
            result[try yaml.country(key, at: path + [.key(key)])] = values[key]
        }
        for country in Country.allCases where result[country] == nil {
            throw yaml.error(
                at: path, "no value for \(country.rawValue)", fr: "aucune valeur pour \(country.rawValue)")
        }
        return result
    }
}

extension YAMLFile {
    /// A finite amount of zero or more.
    fileprivate func checkAmount(_ value: Double, at path: [FieldKey]) throws {
        guard value >= 0, value.isFinite else {
            throw error(at: path, "must be a number of 0 or more", fr: "doit être un nombre positif ou nul")
        }
    }

    /// A commune of the territories.
    fileprivate func checkCommune(_ code: String, in communes: Set<String>, at path: [FieldKey]) throws {
        guard communes.contains(code) else {
            throw error(
                at: path, "\(code) is not a commune of Config/territories.yaml",
                fr: "\(code) n'est pas une commune de Config/territories.yaml")
        }
    }
}
