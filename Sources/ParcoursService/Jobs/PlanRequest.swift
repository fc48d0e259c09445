import Foundation
import ParcoursConfig
import ParcoursModel
import ParcoursStore
import ParcoursWorkflow

/// A request to make a plan, as `POST /api/plans` takes it (JSON) and the dashboard's form sends it: the
/// options of `parcours plan` (and of `replan`, with `replanFrom`), by the same names.
struct PlanRequest: Decodable, Sendable {
    /// The territory (default: the coordinator's).
    var territory: String?
    var label: String?
    /// The day the plan is made, YYYY-MM-DD (default: today in the territory).
    var date: String?
    var maximumTravelKm: Double?
    var minimumGroupSize: Int?
    var remote: Bool?
    /// NIS or INSEE codes of the communes taking part (default: all).
    var communes: [String]?
    var budget: Double?
    var timeLimit: Double?
    /// A fraction (0.005 = 0.5 %); the form sends it in percent (`gapTargetPercent`).
    var gapTarget: Double?
    var seed: UInt64?
    /// A re-plan: the stored plan it starts from, and what changed since.
    var replanFrom: Int64?
    var cancelSessions: [String]?
    var removeAgents: [String]?
    /// `unaffected` (default), `all` or `none`.
    var pin: String?

    var overrides: PlanningOverrides {
        PlanningOverrides(
            maximumTravelKilometres: maximumTravelKm, minimumGroupSize: minimumGroupSize, remoteAllowed: remote,
            participatingCommunes: communes.map(Set.init), budgetPerCommune: budget, timeLimitSeconds: timeLimit,
            gapTarget: gapTarget, seed: seed)
    }

    /// The plan job's parameters for `user`, a coordinator: the territory must be theirs (403), a plan
    /// to re-plan one of its plans (404), every value within range (422).
    func parameters(
        for user: UserAccount, environment: ServiceEnvironment, language: Language
    ) async throws -> PlanJobParameters {
        let configuration = environment.configuration
        let territoryID = territory ?? user.territoryID(in: configuration) ?? ""
        try user.requireTerritory(territoryID, in: configuration)
        guard let territory = configuration.territory(id: territoryID) else { throw APIError.forbidden }
        var day: CalendarDay?
        if let date, !date.isEmpty {
            guard let parsed = CalendarDay(iso: date) else {
                throw APIError.badRequest(
                    language.pick("date invalide (AAAA-MM-JJ) : \(date)", "invalid date (YYYY-MM-DD): \(date)"))
            }
            day = parsed
        }
        do throws(PlanningInputError) {
            _ = try overrides.applied(to: configuration.planning.policy(for: territory.country), territory: territory)
        } catch {
            throw APIError(status: .unprocessableContent, message: error.message(in: language))
        }
        var replan: ReplanOrder?
        if let replanFrom {
            guard let stored = try await environment.store.plan(id: replanFrom),
                stored.summary.territoryID == territoryID
            else { throw APIError.notFound("plan \(replanFrom)") }
            guard let rule = PinRule(rawValue: pin ?? PinRule.unaffected.rawValue) else {
                throw APIError.badRequest(
                    language.pick(
                        "pin : unaffected, all ou none, pas \(pin ?? "")",
                        "pin: unaffected, all or none, not \(pin ?? "")"))
            }
            replan = ReplanOrder(
                previousPlanID: stored.id, cancelledSessions: cancelSessions ?? [], removedAgents: removeAgents ?? [],
                pin: rule)
        }
        let label = (self.label ?? "").isEmpty && replan == nil ? overrides.summary : (self.label ?? "")
        return PlanJobParameters(
            order: PlanOrder(
                territoryID: territoryID, overrides: overrides, label: label, planningDate: day, replan: replan),
            language: language)
    }
}

extension PlanRequest {
    /// The request the dashboard's form sends (`application/x-www-form-urlencoded`): blank fields are
    /// left to Config; lists are comma-separated. Nil when a number is not one.
    init?(form: [String: String]) {
        func text(_ name: String) -> String? {
            form[name].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        func number<T: LosslessStringConvertible>(_ name: String) -> T?? {
            guard let text = text(name) else { return .some(nil) }
            return T(text.replacingOccurrences(of: ",", with: ".")).map { .some($0) }
        }
        func list(_ name: String) -> [String]? {
            text(name).map {
                $0.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" }).map(String.init)
            }
        }
        guard let travel: Double? = number("maximumTravelKm"), let group: Int? = number("minimumGroupSize"),
            let budget: Double? = number("budget"), let limit: Double? = number("timeLimit"),
            let gapPercent: Double? = number("gapTargetPercent"),
            let seed: UInt64? = number("seed"), let from: Int64? = number("replanFrom")
        else { return nil }
        self.init(
            territory: text("territory"), label: text("label"), date: text("date"), maximumTravelKm: travel,
            minimumGroupSize: group, remote: text("remote").map { $0 == "yes" }, communes: list("communes"),
            budget: budget, timeLimit: limit, gapTarget: gapPercent.map { $0 / 100 }, seed: seed, replanFrom: from,
            cancelSessions: list("cancelSessions"),
            removeAgents: list("removeAgents"), pin: text("pin"))
    }
}
