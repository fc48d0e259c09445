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
        registry.on(.get, "/api/jobs") { request, context in
            let user = try AccessRule(.coordinator, .provider).user(of: context)
            let query = request.uri.queryParameters
            let limit =
                try Self.integer(query.get("limit"), name: "limit", in: 1...Self.maximumLimit) ?? Self.defaultLimit
            let before = try Self.integer(query.get("before"), name: "before", in: 1...Int.max).map(Int64.init)
            // One more than asked: whether a next page exists.
            let found = try await environment.store.jobs(
                visibleTo: user, configuration: environment.configuration, before: before, limit: limit + 1)
            let page = found.prefix(limit)
            let next = found.count > limit ? page.last.map { "/api/jobs?before=\($0.id)&limit=\(limit)" } : nil
            return try ResponseBody.json(
                JobList(jobs: page.map { JobDocument($0, language: request.language) }, next: next))
        }
        registry.on(.get, "/api/jobs/{id}") { request, context in
            let user = try AccessRule(.coordinator, .provider).user(of: context)
            return try ResponseBody.json(JobDocument(try await job(context, of: user), language: request.language))
        }
    }

    static let defaultLimit = 20
    static let maximumLimit = 100

    /// A page of `GET /api/jobs`, with the link to the next (older) one when there is one.
    struct JobList: Encodable {
        let jobs: [JobDocument]
        let next: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(jobs, forKey: .jobs)
            try container.encode(next, forKey: .next)  // null on the last page, rather than absent
        }

        enum CodingKeys: String, CodingKey { case jobs, next }
    }

    /// The query parameter `name` as a whole number in `range`; nil when absent, 400 otherwise.
    static func integer(_ text: String?, name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw APIError.badRequest("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
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

extension JobQueue {
    /// The jobs ``Job/concerns(_:in:)`` shows `user`, newest first: a coordinator's territory's plan jobs, a
    /// provider's catalogue imports; none for the other roles.
    func jobs(visibleTo user: UserAccount, configuration: Configuration, before: Int64?, limit: Int) async throws
        -> [Job]
    {
        switch user.role {
        case .coordinator:
            guard let territoryID = user.territoryID(in: configuration) else { return [] }
            return try await jobs(
                JobSelection(kind: PlanJobHandler.kind, territoryID: territoryID, before: before, limit: limit))
        case .provider:
            guard let providerID = user.providerID else { return [] }
            return try await jobs(
                JobSelection(
                    kind: CatalogueImportJobHandler.kind, parameter: ("providerID", providerID), before: before,
                    limit: limit))
        case .communeHR, .procurement, .admin:
            return []
        }
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
