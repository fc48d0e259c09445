import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ParcoursStore
import Testing

@testable import ParcoursService

/// Running a plan from the dashboard, without script: the form, the job's self-reloading page, then the
/// plan's unmet needs (by pseudonym) and the comparison of two plans.
@Suite struct JobPagesTests {
    @Test func theDashboardRunsAPlanWhosePageFollowsItThenLinksItsUnmetNeedsAndComparison() async throws {
        let database = try await JobDatabase.make(.sqlite)
        defer { database.remove() }
        let environment = try await database.environment(instance: "one")
        let store = environment.store
        var signedIn = try await JobRoutesTests.authorization(
            try NewUser(name: "Coordination", role: .coordinator, territoryID: "bastia"), on: store)
        signedIn[.contentType] = "application/x-www-form-urlencoded"
        let headers = signedIn
        let form =
            "label=essai&maximumTravelKm=&minimumGroupSize=2&remote=&budget=&communes=&date=2026-12-01&timeLimit=0,2&gapTargetPercent=0,5&replanFrom=&cancelSessions=&removeAgents=&pin=unaffected"
        let jobPage = try await ServiceFixtures.withClient(environment) { client in
            try await client.execute(uri: "/territories/bastia", method: .get, headers: headers) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("<form method=\"post\" action=\"/territories/bastia/plans?lang=fr\">"))
                #expect(page.contains("<label for=\"minimumGroupSize\">"))
            }
            try await client.execute(
                uri: "/territories/bastia/plans", method: .post, headers: headers,
                body: ByteBuffer(string: "minimumGroupSize=deux")
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("role=\"alert\""))
            }
            let location = try await client.execute(
                uri: "/territories/bastia/plans", method: .post, headers: headers, body: ByteBuffer(string: form)
            ) { response in
                #expect(response.status == .seeOther)
                return try #require(response.headers[.location])
            }
            try await client.execute(uri: location, method: .get, headers: headers) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("<meta http-equiv=\"refresh\" content=\"\(PlanRunPage.refreshSeconds)\">"))
                #expect(page.contains("<progress id=\"job-progress\" max=\"100\""))
                #expect(page.contains("<label for=\"job-progress\">Avancement</label>"))
            }
            try await client.execute(uri: location + "&refresh=off", method: .get, headers: headers) { response in
                #expect(!String(buffer: response.body).contains("http-equiv=\"refresh\""))
            }
            return location
        }
        let id = try JobRoutesTests.jobID(String(jobPage.split(separator: "?")[0]))
        // The form's gap target is in percent, the plan's a fraction.
        let queued = try #require(try await store.job(id: id))
        #expect(
            try JSONDecoder().decode(PlanJobParameters.self, from: queued.parameters).order.overrides.gapTarget == 0.005
        )
        try await JobRunning.run([environment]) { try await JobRunning.ended([id], in: store) }
        let planID = try #require(PlanJobResult.decode(try await store.job(id: id)?.result)).planID
        #expect(try await store.plan(id: planID)?.summary.label == "essai")
        // A second plan, to compare with.
        let second = try await JobRoutes(environment: environment).enqueuePlan(
            JobDatabase.plan(seed: 2, label: "second")
        ).id
        try await JobRunning.run([environment]) { try await JobRunning.ended([second], in: store) }
        let secondPlan = try #require(PlanJobResult.decode(try await store.job(id: second)?.result)).planID

        try await ServiceFixtures.withClient(environment) { client in
            try await client.execute(uri: jobPage, method: .get, headers: headers) { response in
                let page = String(buffer: response.body)
                #expect(!page.contains("http-equiv=\"refresh\""))
                #expect(page.contains("Terminé."))
                #expect(page.contains("href=\"/plans/\(planID)/report?lang=fr\""))
                #expect(page.contains("href=\"/plans/\(planID)/unmet-needs?lang=fr\""))
            }
            try await client.execute(uri: "/plans/\(planID)/unmet-needs", method: .get, headers: headers) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("<h2 id=\"unmet-by-commune\">Par commune et par motif</h2>"))
                #expect(page.contains("<th scope=\"col\">Agent (pseudonyme)</th>"))
            }
            try await client.execute(
                uri: "/territories/bastia/compare?first=\(planID)&second=\(secondPlan)&lang=en", method: .get,
                headers: headers
            ) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("<caption>Plan \(planID) and plan \(secondPlan)</caption>"))
                #expect(page.contains("<th scope=\"row\">needs covered</th>"))
                // Communes, job families and competences by the names people know them by.
                #expect(page.contains("<th scope=\"row\" class=\"part\">Furiani</th>"))
                #expect(page.contains("<th scope=\"row\" class=\"part\">1.1 "))
            }
            try await client.execute(
                uri: "/api/plans/\(planID)/compare/\(secondPlan)", method: .get, headers: headers
            ) { response in
                #expect(response.status == .ok)
                let figures = try JobRoutesTests.object(response.body)
                #expect((figures["first"] as? [String: Any])?["label"] as? String == "essai")
                #expect((figures["second"] as? [String: Any])?["planID"] as? Int == Int(secondPlan))
            }
            try await client.execute(
                uri: "/territories/bastia/compare?first=\(planID)&second=999", method: .get, headers: headers
            ) { response in
                #expect(response.status == .notFound)
            }
        }
        // The unmet needs page names nobody (pseudonyms only): not a read of named data, not audited.
        let audit = try await store.auditEntries()
        #expect(!audit.contains { $0.route == "GET /plans/{id}/unmet-needs" })
    }

    @Test func aLargeCatalogueSentThroughTheFormIsFollowedOnItsJobPageUntilItsReport() async throws {
        let database = try await JobDatabase.make(.sqlite)
        defer { database.remove() }
        let environment = try await database.environment(instance: "one", backgroundImportBytes: 1024)
        let store = environment.store
        let provider = try await ServiceFixtures.provider(ofCatalogue: TenantWorld.ownCatalogue, on: store)
        let file = provider.file
        let boundary = "----parcours-test"
        var signedIn = provider.headers
        signedIn[.contentType] = "multipart/form-data; boundary=\(boundary)"
        let headers = signedIn
        var body = Data(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"catalogue\"; filename=\"\(TenantWorld.ownCatalogue)\"\r\nContent-Type: text/xml\r\n\r\n"
                .utf8)
        body += try Data(contentsOf: file)
        body += Data("\r\n--\(boundary)--\r\n".utf8)
        let form = ByteBuffer(data: body)
        let location = try await ServiceFixtures.withClient(environment) { client in
            let location = try await client.execute(
                uri: "/catalogues/upload", method: .post, headers: headers, body: form
            ) { response in
                #expect(response.status == .seeOther)
                return try #require(response.headers[.location])
            }
            try await client.execute(uri: location, method: .get, headers: headers) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("<h1>Import du catalogue — travail "))
                #expect(page.contains("http-equiv=\"refresh\""))
            }
            return location
        }
        let id = try JobRoutesTests.jobID(String(location.split(separator: "?")[0]))
        try await JobRunning.run([environment]) { try await JobRunning.ended([id], in: store) }
        try await ServiceFixtures.withClient(environment) { client in
            try await client.execute(uri: location, method: .get, headers: headers) { response in
                let page = String(buffer: response.body)
                #expect(!page.contains("http-equiv=\"refresh\""))
                #expect(page.contains("Rapport de validation — \(TenantWorld.ownCatalogue)"))
                #expect(page.contains("Catalogue enregistré :"))
            }
        }
    }
}
