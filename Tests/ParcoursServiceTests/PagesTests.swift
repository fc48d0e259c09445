import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ParcoursService
import ParcoursStore
import Testing

/// The web pages as a browser uses them: sign in with a token, a session cookie, the pages of each role,
/// sign out.
@Suite struct PagesTests {
    /// Signs in with `role`'s token and returns the session cookie (`name=value`).
    static func signIn(_ client: some TestClientProtocol, world: TenantWorld, role: Role) async throws -> String {
        let form = "token=" + (world.tokens[role]!.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        return try await client.execute(
            uri: "/sign-in", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: form)
        ) { response in
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/?lang=fr")
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            return String(cookie.split(separator: ";")[0])
        }
    }

    @Test func theSignInPageIsAccessibleInBothLanguages() async throws {
        try await ServiceFixtures.withClient(try ServiceFixtures.environment()) { client in
            try await client.execute(uri: "/sign-in", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains(#"<html lang="fr">"#))
                #expect(html.contains(#"<label for="token">Jeton d’accès</label>"#))
                #expect(html.contains(#"id="token" name="token""#))
                #expect(!html.contains("<script"))
            }
            try await client.execute(
                uri: "/sign-in", method: .get, headers: [.acceptLanguage: "en-GB,en;q=0.9,fr;q=0.5"]
            ) { response in
                let html = String(buffer: response.body)
                #expect(html.contains(#"<html lang="en">"#))
                #expect(html.contains(#"<label for="token">Access token</label>"#))
            }
            try await client.execute(
                uri: "/sign-in", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "token=wrong")
            ) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.setCookie] == nil)
                #expect(String(buffer: response.body).contains(#"role="alert""#))
            }
        }
    }

    @Test func aCoordinatorSignsInSeesTheDashboardAndSignsOut() async throws {
        let world = try await TenantWorld.shared.value
        try await ServiceFixtures.withClient(world.environment) { client in
            let cookie = try await Self.signIn(client, world: world, role: .coordinator)
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/territories/namur?lang=fr")
            }
            try await client.execute(uri: "/territories/namur", method: .get, headers: [.cookie: cookie]) {
                response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<svg"))  // the map and the heatmap
                // The needs are counted though no agent is listed.
                #expect(!html.contains("<strong>0</strong><span>besoins de formation</span>"))
                #expect(html.contains("<span>besoins de formation</span>"))
                #expect(html.contains("href=\"/plans/\(world.namurPlan)/report?lang=fr\""))
                #expect(html.contains("Besoins non couverts") || html.contains("Tous les besoins sont couverts"))
                // No agent's name: the first agent of the sample roster is Youssef Gilles (93018-00001).
                #expect(!html.contains("Gilles"))
            }
            // The report opened from the dashboard keeps the service's frame: one h1 (the report's), the
            // header with sign-out, a way back; the frame is left out when printed.
            try await client.execute(
                uri: "/plans/\(world.namurPlan)/report", method: .get, headers: [.cookie: cookie]
            ) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.components(separatedBy: "<h1").count == 2)
                #expect(html.contains("<h1>Plan de formation mutualisé"))
                #expect(html.contains("<header class=\"service\">") && html.contains("Se déconnecter"))
                #expect(html.contains("<a href=\"/?lang=fr\">Retour à votre page</a>"))
                #expect(html.contains("@media print{header.service,form,.skip,.back{display:none}}"))
                #expect(!html.contains("Gilles"))
            }
            // The session opens the JSON API too (same user, same rules).
            try await client.execute(uri: "/api/plans", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/sign-out", method: .post, headers: [.cookie: cookie]) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.setCookie]?.contains("Max-Age=0") == true)
            }
            try await client.execute(uri: "/territories/namur", method: .get, headers: [.cookie: cookie]) {
                response in
                #expect(response.status == .seeOther)
            }
        }
    }

    @Test func communeHRSeesItsAgentsByNameAndTheViewIsAudited() async throws {
        let world = try await TenantWorld.shared.value
        try await ServiceFixtures.withClient(world.environment) { client in
            let cookie = try await Self.signIn(client, world: world, role: .communeHR)
            try await client.execute(
                uri: "/communes/\(TenantWorld.ownCommune)", method: .get, headers: [.cookie: cookie]
            ) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains(TenantWorld.ownAgent))
            }
        }
        let entries = try await world.store.auditEntries()
        #expect(entries.contains { $0.route == "GET /communes/{commune}" && $0.agentCount == 122 })
    }

    @Test func aProviderUploadsThroughTheFormAndReadsTheReport() async throws {
        let environment = try ServiceFixtures.environment()
        let provider = try await ServiceFixtures.provider(
            ofCatalogue: "ecole-administration-namur.csv", on: environment.store)
        let file = provider.file
        let boundary = "----parcours-test"
        var signedIn = provider.headers
        signedIn[.contentType] = "multipart/form-data; boundary=\(boundary)"
        let headers = signedIn
        var body = Data(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"catalogue\"; filename=\"ecole.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                .utf8)
        body += try Data(contentsOf: file)
        body += Data("\r\n--\(boundary)--\r\n".utf8)
        let form = ByteBuffer(data: body)
        try await ServiceFixtures.withClient(environment) { client in
            try await client.execute(
                uri: "/catalogues/upload?lang=en", method: .post,
                headers: headers, body: form
            ) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("Validation report — ecole.csv"))
                #expect(html.contains("Catalogue stored: 16 courses, 34 sessions."))
                #expect(html.contains("<td>ecole.csv</td><td>Parcours-CSV</td>"))
            }
            // A form without the file says so, and stores nothing more.
            try await client.execute(
                uri: "/catalogues/upload", method: .post,
                headers: headers, body: ByteBuffer(string: "--\(boundary)--\r\n")
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains(#"role="alert""#))
            }
        }
        #expect(try await environment.store.catalogueVersions(of: provider.providerID).count == 1)
    }
}
