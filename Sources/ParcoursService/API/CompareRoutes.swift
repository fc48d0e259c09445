import Foundation
import Hummingbird
import ParcoursStore
import ParcoursWorkflow

/// What-if decisions: two stored plans of the user's territory side by side, as `parcours compare --json`
/// gives them (coverage overall and by competence, job family and commune; costs; sessions; travel;
/// fairness; gap). For those who read the plans' reports: nobody is named.
struct CompareRoutes {
    let environment: ServiceEnvironment

    func register(in registry: inout RouteRegistry) {
        registry.on(.get, "/api/plans/{id}/compare/{other}") { request, context in
            let user = try AccessRule(.coordinator, .communeHR, .procurement).user(of: context)
            let territoryID = user.territoryID(in: environment.configuration) ?? ""
            let far = request.uri.queryParameters.get("far").flatMap(Double.init) ?? ComparePage.farKilometres
            guard far >= 0, far.isFinite else { throw APIError.badRequest("far: a distance in km, 0 or more") }
            var figures: [PlanFigures] = []
            for name in ["id", "other"] {
                let text = try context.parameters.require(name)
                guard
                    let plan = try await PlanFigures(
                        stored: text, territoryID: territoryID, store: environment.store, farKilometres: far)
                else { throw APIError.notFound("plan \(text)") }
                figures.append(plan)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            // A plan cut short before its first bound has an infinite bound and gap.
            encoder.nonConformingFloatEncodingStrategy = .convertToString(
                positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            return ResponseBody.json(data: try encoder.encode(["first": figures[0], "second": figures[1]]))
        }
    }
}

extension PlanFigures {
    /// The figures of the stored plan whose id is `text`, when it is a plan of `territoryID`; nil otherwise.
    init?(stored text: String, territoryID: String, store: some PlanStore, farKilometres: Double) async throws {
        guard let id = Int64(text), let stored = try await store.plan(id: id),
            stored.summary.territoryID == territoryID
        else { return nil }
        self.init(
            planID: id, label: stored.summary.label, record: try PlanRecord(stored: stored),
            farKilometres: farKilometres)
    }
}
