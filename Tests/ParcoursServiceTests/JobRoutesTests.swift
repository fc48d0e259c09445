import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ParcoursConfig
import ParcoursStore
import Testing

@testable import ParcoursService

/// Plans and large catalogue imports through the queue, by the JSON API: 202 with the job, the job's
/// state and progress, and once done the plan or the validation report.
@Suite struct JobRoutesTests {
    /// The JSON object of a response.
    static func object(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any])
    }

    /// A new user of `role` on `store`, and the `Authorization` header of its token.
    static func authorization(_ user: NewUser, on store: any ParcoursDatabase) async throws -> HTTPFields {
        var headers = try await ServiceFixtures.bearer(user, on: store)
        headers[.contentType] = "application/json"
        return headers
    }

    /// The job id at the end of a Location.
    static func jobID(_ location: String?) throws -> Int64 {
        try #require(location.flatMap { Int64($0.split(separator: "/").last ?? "") })
    }

    @Test func aPlanAskedThroughTheAPIIsMadeInTheBackgroundThenReplanned() async throws {
        let database = try await JobDatabase.make(.sqlite)
        defer { database.remove() }
        let environment = try await database.environment(instance: "one")
        let store = environment.store
        let coordinator = try await Self.authorization(
            try NewUser(name: "Coordination", role: .coordinator, territoryID: "bastia"), on: store)
        let asked = #"{"minimumGroupSize": 2, "seed": 3, "timeLimit": 0.2, "gapTarget": 0.02, "date": "2026-12-01"}"#
        let first = try await ServiceFixtures.withClient(environment) { client in
            for (body, status) in [
                (#"{"territory": "namur"}"#, HTTPResponse.Status.forbidden),
                (#"{"timeLimit": -1}"#, .unprocessableContent), (#"{"gapTarget": 1.5}"#, .unprocessableContent),
                (#"{"replanFrom": 999}"#, .notFound),
                (#"{"date": "2026-13-01"}"#, .badRequest), ("plan please", .badRequest),
            ] {
                try await client.execute(
                    uri: "/api/plans", method: .post, headers: coordinator, body: ByteBuffer(string: body)
                ) { response in
                    #expect(response.status == status, "\(body): \(String(buffer: response.body))")
                }
            }
            return try await client.execute(
                uri: "/api/plans", method: .post, headers: coordinator, body: ByteBuffer(string: asked)
            ) { response in
                #expect(response.status == .accepted)
                let job = try Self.object(response.body)
                #expect(job["state"] as? String == "queued" && job["kind"] as? String == "plan")
                #expect(job["territory"] as? String == "bastia")
                return try Self.jobID(response.headers[.location])
            }
        }
        // Only the valid request was queued, with its values.
        #expect(try await store.jobs(JobSelection(kind: PlanJobHandler.kind, limit: 10)).map(\.id) == [first])
        let queued = try #require(try await store.job(id: first))
        let order = try JSONDecoder().decode(PlanJobParameters.self, from: queued.parameters).order
        #expect(order.overrides.gapTarget == 0.02 && order.overrides.minimumGroupSize == 2)
        try await JobRunning.run([environment]) { try await JobRunning.ended([first], in: store) }

        let planID = try await ServiceFixtures.withClient(environment) { client in
            let planID = try await client.execute(uri: "/api/jobs/\(first)", method: .get, headers: coordinator) {
                response in
                #expect(response.status == .ok)
                let job = try Self.object(response.body)
                #expect(job["state"] as? String == "done", "\(job["error"] ?? "")")
                let progress = try #require(job["progress"] as? [String: Any])
                #expect(progress["percent"] as? Double == 100)
                let plan = try #require(job["plan"] as? [String: Any])
                let id = try #require(plan["id"] as? Int)
                #expect(plan["href"] as? String == "/api/plans/\(id)")
                return Int64(id)
            }
            try await client.execute(uri: "/api/plans/\(planID)", method: .get, headers: coordinator) { response in
                let plan = try #require(try Self.object(response.body)["plan"] as? [String: Any])
                #expect(plan["label"] as? String == "minimum-group-size=2, seed=3")
            }
            return planID
        }
        let replanJob = try await ServiceFixtures.withClient(environment) { client in
            try await client.execute(
                uri: "/api/plans", method: .post, headers: coordinator,
                body: ByteBuffer(string: #"{"replanFrom": \#(planID), "timeLimit": 0.2, "date": "2026-12-01"}"#)
            ) { response in
                #expect(response.status == .accepted)
                return try Self.jobID(response.headers[.location])
            }
        }
        try await JobRunning.run([environment]) { try await JobRunning.ended([replanJob], in: store) }
        let replanned = try #require(PlanJobResult.decode(try await store.job(id: replanJob)?.result)).planID
        let summary = try #require(try await store.plan(id: replanned)?.summary)
        #expect(summary.previousPlanID == planID && summary.label == "minimum-group-size=2, seed=3")
    }

    @Test(arguments: JobBackend.available)
    func aLargeCatalogueIsImportedInTheBackgroundWithItsReportOnTheJob(backend: JobBackend) async throws {
        let database = try await JobDatabase.make(backend)
        defer { database.remove() }
        let environment = try await database.environment(instance: "one", backgroundImportBytes: 1024)
        let store = environment.store
        let signedIn = try await ServiceFixtures.provider(ofCatalogue: TenantWorld.ownCatalogue, on: store)
        let (file, providerID, provider) = (signedIn.file, signedIn.providerID, signedIn.headers)
        let otherProvider = try await Self.authorization(
            try NewUser(name: "Autre", role: .provider, providerID: "SIRET:00000000000000"), on: store)
        let coordinator = try await Self.authorization(
            try NewUser(name: "Coordination", role: .coordinator, territoryID: "bastia"), on: store)
        let uri = try await ServiceFixtures.withClient(environment) { client in
            let uri = try await client.execute(
                uri: "/api/catalogues?file=\(TenantWorld.ownCatalogue)", method: .post, headers: provider,
                body: ByteBuffer(data: try Data(contentsOf: file))
            ) { response in
                #expect(response.status == .accepted)
                #expect(try Self.object(response.body)["kind"] as? String == "import-catalogue")
                return try #require(response.headers[.location])
            }
            for other in [otherProvider, coordinator] {
                try await client.execute(uri: uri, method: .get, headers: other) { response in
                    #expect(response.status == .notFound)
                }
            }
            return uri
        }
        // The upload waits in the database, where any instance sharing it finds it.
        #expect(try await store.stagedUploadCount() == 1)
        let id = try Self.jobID(uri)
        try await JobRunning.run([environment]) { try await JobRunning.ended([id], in: store) }

        try await ServiceFixtures.withClient(environment) { client in
            try await client.execute(uri: uri, method: .get, headers: provider) { response in
                let job = try Self.object(response.body)
                #expect(job["state"] as? String == "done", "\(job["error"] ?? "")")
                let report = try #require(job["report"] as? [String: Any])
                #expect(report["stored"] as? Bool == true && report["providers"] as? [String] == [providerID])
                #expect((report["acceptedSessions"] as? Int ?? 0) > 0)
            }
            try await client.execute(uri: "/api/catalogues", method: .get, headers: provider) { response in
                let versions = try Self.object(response.body)["versions"] as? [Any]
                #expect(versions?.count == 1)
            }
        }
        #expect(try await store.stagedUploadCount() == 0)
        #expect(
            !FileManager.default.fileExists(
                atPath: CatalogueImportJobHandler.temporaryFolder(ofJob: id, settings: environment.jobs).path))
    }

    /// Job ids restart at 1 in every database: two databases' import jobs of one id must not share a
    /// folder (one would delete the other's copy), while an instance restarted on the same database finds
    /// what a killed attempt left.
    @Test func importJobsOfTwoDatabasesWriteInDifferentFolders() async throws {
        let first = try await JobDatabase.make(.sqlite)
        let second = try await JobDatabase.make(.sqlite)
        defer {
            first.remove()
            second.remove()
        }
        let one = try await first.environment(instance: "one").jobs
        let restarted = try await first.environment(instance: "two").jobs
        let other = try await second.environment(instance: "one").jobs
        let folder = CatalogueImportJobHandler.temporaryFolder(ofJob: 1, settings: one)
        #expect(folder == CatalogueImportJobHandler.temporaryFolder(ofJob: 1, settings: restarted))
        #expect(folder != CatalogueImportJobHandler.temporaryFolder(ofJob: 1, settings: other))
    }

    @Test func theJobListShowsTheCallersOwnJobsNewestFirstAPageAtATime() async throws {
        let environment = try ServiceFixtures.environment()
        let store = environment.store
        var planJobs: [Int64] = []
        for _ in 0..<3 {
            planJobs.append(
                try await store.enqueue(
                    NewJob(kind: PlanJobHandler.kind, territoryID: "namur", parameters: Data("{}".utf8))))
        }
        _ = try await store.enqueue(
            NewJob(kind: PlanJobHandler.kind, territoryID: "bastia", parameters: Data("{}".utf8)))
        let namur = planJobs
        func catalogueJob(_ provider: String) throws -> NewJob {
            NewJob(
                kind: CatalogueImportJobHandler.kind, territoryID: nil,
                parameters: try JobDocument.encoder.encode(
                    CatalogueImportParameters(
                        providerID: provider, fileName: "f.xml", upload: 1, language: .french)))
        }
        let upload = try await store.enqueue(try catalogueJob("SIRET:11111111111111"))
        _ = try await store.enqueue(try catalogueJob("SIRET:22222222222222"))
        let coordinator = try await Self.authorization(
            try NewUser(name: "Coordination", role: .coordinator, territoryID: "namur"), on: store)
        let provider = try await Self.authorization(
            try NewUser(name: "Organisme", role: .provider, providerID: "SIRET:11111111111111"), on: store)

        try await ServiceFixtures.withClient(environment) { client in
            func page(_ uri: String, _ headers: HTTPFields) async throws -> (ids: [Int64], next: String?) {
                try await client.execute(uri: uri, method: .get, headers: headers) { response in
                    #expect(response.status == .ok, "\(uri)")
                    let object = try Self.object(response.body)
                    let jobs = try #require(object["jobs"] as? [[String: Any]])
                    #expect(object.keys.contains("next"))
                    return (jobs.compactMap { ($0["id"] as? Int).map(Int64.init) }, object["next"] as? String)
                }
            }
            let first = try await page("/api/jobs?limit=2", coordinator)
            #expect(first.ids == [namur[2], namur[1]])
            #expect(first.next == "/api/jobs?before=\(namur[1])&limit=2")
            let second = try await page(try #require(first.next), coordinator)
            #expect(second.ids == [namur[0]] && second.next == nil)
            #expect(try await page("/api/jobs", coordinator).ids == namur.reversed())
            #expect(try await page("/api/jobs", provider).ids == [upload])
            for wrong in ["limit=0", "limit=101", "before=x"] {
                try await client.execute(uri: "/api/jobs?\(wrong)", method: .get, headers: coordinator) { response in
                    #expect(response.status == .badRequest, "\(wrong)")
                }
            }
        }
    }

    @Test func aFailedJobsReasonIsShownInTheRequestsLanguageWithItsCode() async throws {
        let environment = try ServiceFixtures.environment()
        let store = environment.store
        let id = try await store.enqueue(
            NewJob(kind: PlanJobHandler.kind, territoryID: "namur", parameters: Data("{}".utf8)))
        _ = try await store.claimJob(owner: "one", kinds: nil)
        let reason = JobFailure.reason(for: JobFailure.lost)
        #expect(try await store.failJob(id, owner: "one", reason: reason))
        let coordinator = try await Self.authorization(
            try NewUser(name: "Coordination", role: .coordinator, territoryID: "namur"), on: store)
        try await ServiceFixtures.withClient(environment) { client in
            for (query, text) in [
                ("", "repris par une autre instance"), ("?lang=en", "taken over by another instance"),
            ] {
                try await client.execute(uri: "/api/jobs/\(id)\(query)", method: .get, headers: coordinator) {
                    response in
                    let job = try Self.object(response.body)
                    #expect(job["reason"] as? String == text && job["error"] as? String == text)
                    #expect(job["reasonCode"] as? String == "taken-over")
                }
            }
            try await client.execute(uri: "/jobs/\(id)?lang=en", method: .get, headers: coordinator) { response in
                #expect(
                    String(buffer: response.body).contains(
                        "<strong>Why it failed:</strong> taken over by another instance"))
            }
            try await client.execute(uri: "/jobs/\(id)", method: .get, headers: coordinator) { response in
                #expect(
                    String(buffer: response.body).contains(
                        "<strong>Motif de l’échec :</strong> repris par une autre instance"))
            }
        }
    }
}
