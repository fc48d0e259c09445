import Foundation
import Hummingbird
import ParcoursConfig
import ParcoursModel
import ParcoursStore

/// Long jobs through the queue: `POST /api/plans` asks for a plan (the territory's coordinator) and
/// answers 202 with the job; `GET /api/jobs/{id}` follows a job: its state, progress, and once done
/// the plan it made or the import's validation report. A job is shown to whom it concerns: a plan job to
/// its territory's coordinator, a catalogue import to its provider; to anyone else it is not found.
struct JobRoutes {
    let environment: ServiceEnvironment

    func register(in registry: inout RouteRegistry) {
        registry.on(.post, "/api/plans") { request, context in
            let user = try AccessRule(.coordinator).user(of: context)
            let body = try await request.body.collect(upTo: 64 * 1024)
            let asked: PlanRequest
            do {
                asked = try JSONDecoder().decode(PlanRequest.self, from: Data(buffer: body))
            } catch {
                throw APIError.badRequest("the body is not a plan request (JSON): \(error.localizedDescription)")
            }
            let parameters = try await asked.parameters(
                for: user, environment: environment, language: request.language)
            let job = try await enqueuePlan(parameters)
            return try ResponseBody.json(
                JobDocument(job, language: request.language), status: .accepted,
                headers: [.location: "/api/jobs/\(job.id)"])
        }
        registry.on(.get, "/api/jobs/{id}") { request, context in
            let user = try AccessRule(.coordinator, .provider).user(of: context)
            return try ResponseBody.json(JobDocument(try await job(context, of: user), language: request.language))
        }
    }

    /// Queues the plan job `parameters` describe.
    func enqueuePlan(_ parameters: PlanJobParameters) async throws -> Job {
        let id = try await environment.store.enqueue(
            NewJob(
                kind: PlanJobHandler.kind, territoryID: parameters.order.territoryID,
                parameters: try JobDocument.encoder.encode(parameters)))
        guard let job = try await environment.store.job(id: id) else { throw APIError.notFound("job \(id)") }
        return job
    }

    /// The job the route's `{id}` names, when it concerns `user`; 404 otherwise.
    func job(_ context: ServiceRequestContext, of user: UserAccount) async throws -> Job {
        let text = try context.parameters.require("id")
        guard let id = Int64(text), let job = try await environment.store.job(id: id),
            job.concerns(user, in: environment.configuration)
        else { throw APIError.notFound("job \(text)") }
        return job
    }
}

extension Job {
    /// Whether the job is `user`'s to see: a plan job of their territory for a coordinator, an import of
    /// their catalogue for a provider.
    func concerns(_ user: UserAccount, in configuration: Configuration) -> Bool {
        switch (kind, user.role) {
        case (PlanJobHandler.kind, .coordinator):
            return territoryID != nil && territoryID == user.territoryID(in: configuration)
        case (CatalogueImportJobHandler.kind, .provider):
            let parameters = try? JSONDecoder().decode(CatalogueImportParameters.self, from: self.parameters)
            return parameters != nil && parameters?.providerID == user.providerID
        default:
            return false
        }
    }
}
