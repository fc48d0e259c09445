import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ParcoursImport
import ParcoursModel
import ParcoursService
import ParcoursStore
import ParcoursWorkflow
import Testing

/// A commune's HR erases an agent through the service, and reads why each of its agents goes to their
/// session.
@Suite struct ErasureAndChoicesTests {
    @Test func erasureRemovesTheNameFromTheCommunesViewsAndIsAudited() async throws {
        // A world of its own: the erasure changes it.
        let configuration = try ServiceFixtures.configuration.get()
        let store = try SQLiteStore(path: ":memory:")
        let folder = ServiceFixtures.repository.appending(path: "Samples/namur")
        let roster = folder.appending(path: "roster.csv")
        let agents = try RosterReader.read(
            path: roster.path, vocabulary: RosterVocabulary(configuration: configuration))
        _ = try await store.importRoster(try SourceFile(path: roster.path), agents: agents)
        let exports = try FileManager.default.contentsOfDirectory(
            at: folder.appending(path: "pix"), includingPropertiesForKeys: nil
        ).sorted { $0.path < $1.path }
        _ = try await store.importPixExports(try exports.map { try SourceFile(path: $0.path) }) { file, add in
            let path = exports.first { $0.lastPathComponent == file.name }!.path
            try PixExportReader(path: path, framework: configuration.framework).forEachRow(add)
        }
        let hr = try await store.createUser(try NewUser(name: "RH", role: .communeHR, communeCode: "92045"))
        let token = AccessToken.generate()
        try await store.addToken(hash: AccessToken.hash(token), kind: .api, userID: hr.id, expiresAt: nil)
        let headers: HTTPFields = [.authorization: "Bearer \(token)"]
        let agent = try #require(agents.first { $0.externalID == TenantWorld.ownAgent })
        let other = try #require(
            agents.first { $0.communeCode == "92045" && $0.externalID != TenantWorld.ownAgent })
        let environment = ServiceEnvironment(store: store, configuration: configuration)

        try await ServiceFixtures.withClient(environment) { client in
            let diagnosis = "/api/communes/92045/diagnosis"
            let before = try await client.execute(uri: diagnosis, method: .get, headers: headers) {
                String(buffer: $0.body)
            }
            #expect(before.contains(agent.lastName) && before.contains(TenantWorld.ownAgent))
            try await client.execute(
                uri: "/api/agents/\(TenantWorld.ownAgent)/erasure", method: .post, headers: headers
            ) { response in
                #expect(response.status == .ok)
                let answer = try DataRoutesTests.json(response.body)
                #expect(answer["agents"] as? Int == 1)
                #expect((answer["participations"] as? Int ?? 0) > 0)
                #expect((answer["note"] as? String)?.contains("registre") == true)
            }
            // The cached diagnosis is not served: the agent is gone from the commune's view, its count stays.
            try await client.execute(uri: diagnosis, method: .get, headers: headers) { response in
                let after = String(buffer: response.body)
                #expect(!after.contains("\"\(TenantWorld.ownAgent)\""))
                let document = try DataRoutesTests.json(response.body)
                #expect(DataRoutesTests.agents(ofDiagnosis: document).count == 122)
            }
            try await client.execute(
                uri: "/api/agents/\(TenantWorld.ownAgent)/erasure", method: .post, headers: headers
            ) { response in
                #expect(response.status == .notFound)
            }

            // The same from the commune's page: a form, an explicit confirmation, then what changed.
            try await client.execute(uri: "/communes/92045/erasure", method: .get, headers: headers) { response in
                let html = String(buffer: response.body)
                #expect(response.status == .ok && html.contains("<label for=\"agent\">Matricule de l’agent</label>"))
                #expect(html.contains(#"<input type="checkbox" id="confirm" name="confirm" value="yes" required>"#))
            }
            var form = headers
            form[.contentType] = "application/x-www-form-urlencoded"
            for (body, status) in [
                ("agent=\(other.externalID)", HTTPResponse.Status.unprocessableContent),
                ("agent=92045-99999&confirm=yes", .notFound),
            ] {
                try await client.execute(
                    uri: "/communes/92045/erasure", method: .post, headers: form, body: ByteBuffer(string: body)
                ) { response in
                    #expect(response.status == status, "\(body)")
                    #expect(String(buffer: response.body).contains("role=\"alert\""))
                }
            }
            try await client.execute(
                uri: "/communes/92045/erasure", method: .post, headers: form,
                body: ByteBuffer(string: "agent=\(other.externalID)&confirm=yes")
            ) { response in
                let html = String(buffer: response.body)
                #expect(response.status == .ok && html.contains("<h1>Agent effacé</h1>"))
                #expect(html.contains("Retirez aussi l’agent du registre"))
            }
            try await client.execute(uri: diagnosis, method: .get, headers: headers) { response in
                #expect(!String(buffer: response.body).contains("\"\(other.externalID)\""))
            }
        }
        let audit = try await store.auditEntries().filter { $0.route == "POST /api/agents/{id}/erasure" }
        #expect(audit.count == 1 && audit[0].userID == hr.id && audit[0].subject == "agent erasure, commune 92045")
        let fromPage = try await store.auditEntries().filter { $0.route == "POST /communes/{commune}/erasure" }
        #expect(fromPage.count == 1 && fromPage[0].userID == hr.id)
    }

    @Test func theCommunesHRReadsWhyEachSession() async throws {
        let world = try await TenantWorld.shared.value
        let record = try PlanRecord(stored: try #require(try await world.store.plan(id: world.namurPlan)))
        let own = Set(
            record.problem.agents.filter { $0.agent.communeCode == TenantWorld.ownCommune }.map(\.agent.externalID))
        let assignments = record.plan.assignments.filter { own.contains($0.agentID) }
        try await ServiceFixtures.withClient(world.environment) { client in
            try await client.execute(
                uri: "/api/plans/\(world.namurPlan)/explanations/communes/\(TenantWorld.ownCommune)/sessions?lang=en",
                method: .get, headers: world.authorization(.communeHR)
            ) { response in
                let choices = try #require(try DataRoutesTests.json(response.body)["assignments"] as? [[String: Any]])
                #expect(choices.count == assignments.count && !choices.isEmpty)
                #expect(choices.map { $0["sessionID"] as? String } == assignments.map(\.sessionID))
                #expect(choices.allSatisfy { own.contains($0["agent"] as? String ?? "") })
                // Every choice says why; an alternative says why not.
                #expect(choices.allSatisfy { ($0["why"] as? String)?.isEmpty == false })
                let alternatives = choices.flatMap { $0["alternatives"] as? [[String: Any]] ?? [] }
                #expect(alternatives.allSatisfy { ($0["whyNot"] as? String)?.isEmpty == false })
            }
            try await client.execute(
                uri: "/communes/\(TenantWorld.ownCommune)/sessions", method: .get,
                headers: world.authorization(.communeHR)
            ) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<h1>Pourquoi ces sessions</h1>"))
                #expect(
                    html.contains("(\(TenantWorld.ownAgent))</h2>")
                        == assignments.contains { $0.agentID == TenantWorld.ownAgent })
            }
        }
    }
}
