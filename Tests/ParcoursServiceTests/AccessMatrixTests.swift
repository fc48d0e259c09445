import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ParcoursService
import ParcoursStore
import Testing

/// Every route of the JSON API against every role, on the user's own tenant's ids and on another
/// tenant's: the expected statuses are written out here, route by route, so that a route added without
/// its row fails the test.
@Suite struct AccessMatrixTests {
    /// Expected statuses in the order coordinator, commune HR, provider, procurement, admin.
    struct Row: Sendable {
        let route: String
        let own: String
        let ownStatuses: [Int]
        /// The same route on the other tenant's ids; nil when the route takes no id.
        let other: String?
        let otherStatuses: [Int]
        var method: HTTPRequest.Method = .get
        /// The body of a POST: a bundled catalogue's name.
        var ownBody: String? = nil
        var otherBody: String? = nil
        /// The body of a POST, as JSON text.
        var ownJSON: String? = nil
        var otherJSON: String? = nil
    }

    static let roles: [Role] = [.coordinator, .communeHR, .provider, .procurement, .admin]

    static func rows(_ world: TenantWorld) -> [Row] {
        let own = TenantWorld.ownCommune
        let other = TenantWorld.otherCommune
        let namur = world.namurPlan
        let bastia = world.bastiaPlan
        return [
            Row(
                route: "/api/territories/{territory}/diagnosis",
                own: "/api/territories/namur/diagnosis", ownStatuses: [200, 200, 200, 200, 403],
                other: "/api/territories/bastia/diagnosis", otherStatuses: [403, 403, 200, 403, 403]),
            Row(
                route: "/api/communes/{commune}/diagnosis",
                own: "/api/communes/\(own)/diagnosis", ownStatuses: [403, 200, 403, 403, 403],
                other: "/api/communes/\(other)/diagnosis", otherStatuses: [403, 403, 403, 403, 403]),
            Row(
                route: "/api/plans", own: "/api/plans", ownStatuses: [200, 200, 403, 200, 403], other: nil,
                otherStatuses: []),
            Row(
                route: "/api/plans/{id}",
                own: "/api/plans/\(namur)", ownStatuses: [200, 200, 403, 200, 403],
                other: "/api/plans/\(bastia)", otherStatuses: [404, 404, 403, 404, 403]),
            Row(
                route: "/api/plans/{id}/compare/{other}",
                own: "/api/plans/\(namur)/compare/\(namur)", ownStatuses: [200, 200, 403, 200, 403],
                other: "/api/plans/\(bastia)/compare/\(bastia)", otherStatuses: [404, 404, 403, 404, 403]),
            Row(
                route: "/api/plans/{id}/report",
                own: "/api/plans/\(namur)/report", ownStatuses: [200, 200, 403, 200, 403],
                other: "/api/plans/\(bastia)/report", otherStatuses: [404, 404, 403, 404, 403]),
            Row(
                route: "/api/plans/{id}/plan.json",
                own: "/api/plans/\(namur)/plan.json", ownStatuses: [200, 403, 403, 403, 403],
                other: "/api/plans/\(bastia)/plan.json", otherStatuses: [404, 403, 403, 403, 403]),
            Row(
                route: "/api/plans/{id}/explanations/communes/{commune}",
                own: "/api/plans/\(namur)/explanations/communes/\(own)", ownStatuses: [403, 200, 403, 403, 403],
                other: "/api/plans/\(bastia)/explanations/communes/\(other)",
                otherStatuses: [403, 403, 403, 403, 403]),
            Row(
                route: "/api/plans/{id}/explanations/agents/{agent}",
                own: "/api/plans/\(namur)/explanations/agents/\(TenantWorld.ownAgent)",
                ownStatuses: [403, 200, 403, 403, 403],
                other: "/api/plans/\(bastia)/explanations/agents/\(TenantWorld.otherAgent)",
                otherStatuses: [403, 404, 403, 403, 403]),
            Row(
                route: "/api/plans/{id}/tender",
                own: "/api/plans/\(namur)/tender", ownStatuses: [200, 403, 403, 200, 403],
                other: "/api/plans/\(bastia)/tender", otherStatuses: [404, 403, 403, 404, 403]),
            Row(
                route: "/api/plans/{id}/tender.zip",
                own: "/api/plans/\(namur)/tender.zip", ownStatuses: [200, 403, 403, 200, 403],
                other: "/api/plans/\(bastia)/tender.zip", otherStatuses: [404, 403, 403, 404, 403]),
            Row(
                route: "/api/plans/{id}/tender/{folder}/{file}",
                own: "/api/plans/\(namur)/tender/BE-namur/avis-eforms.xml", ownStatuses: [200, 403, 403, 200, 403],
                other: "/api/plans/\(bastia)/tender/FR-bastia/avis-eforms.xml",
                otherStatuses: [404, 403, 403, 404, 403]),
            Row(
                route: "/api/agents/{id}/export",
                own: "/api/agents/\(TenantWorld.ownAgent)/export", ownStatuses: [403, 200, 403, 403, 403],
                other: "/api/agents/\(TenantWorld.otherAgent)/export", otherStatuses: [403, 404, 403, 403, 403]),
            Row(
                route: "/api/agents/{id}/erasure",
                own: "/api/agents/\(own)-99999/erasure", ownStatuses: [403, 404, 403, 403, 403],
                other: "/api/agents/\(TenantWorld.otherAgent)/erasure", otherStatuses: [403, 404, 403, 403, 403],
                method: .post),
            Row(
                route: "/api/plans/{id}/explanations/communes/{commune}/sessions",
                own: "/api/plans/\(namur)/explanations/communes/\(own)/sessions",
                ownStatuses: [403, 200, 403, 403, 403],
                other: "/api/plans/\(bastia)/explanations/communes/\(other)/sessions",
                otherStatuses: [403, 403, 403, 403, 403]),
            Row(
                route: "/api/catalogues", own: "/api/catalogues", ownStatuses: [403, 403, 200, 403, 403], other: nil,
                otherStatuses: []),
            Row(
                route: "/api/catalogues",
                own: "/api/catalogues?file=\(TenantWorld.ownCatalogue)", ownStatuses: [403, 403, 201, 403, 403],
                other: "/api/catalogues?file=\(TenantWorld.otherCatalogue)", otherStatuses: [403, 403, 403, 403, 403],
                method: .post, ownBody: TenantWorld.ownCatalogue, otherBody: TenantWorld.otherCatalogue),
            Row(
                route: "/api/plans", own: "/api/plans", ownStatuses: [202, 403, 403, 403, 403], other: "/api/plans",
                otherStatuses: [403, 403, 403, 403, 403], method: .post,
                ownJSON: #"{"territory": "namur", "timeLimit": 1}"#, otherJSON: #"{"territory": "bastia"}"#),
            Row(
                route: "/api/jobs", own: "/api/jobs", ownStatuses: [200, 403, 200, 403, 403], other: nil,
                otherStatuses: []),
            Row(
                route: "/api/jobs/{id}", own: "/api/jobs/\(world.namurJob)", ownStatuses: [200, 403, 404, 403, 403],
                other: "/api/jobs/\(world.bastiaJob)", otherStatuses: [404, 403, 404, 403, 403]),
            Row(
                route: "/api/users", own: "/api/users", ownStatuses: [403, 403, 403, 403, 200], other: nil,
                otherStatuses: []),
            Row(
                route: "/api/audit", own: "/api/audit", ownStatuses: [403, 403, 403, 403, 200], other: nil,
                otherStatuses: []),
        ]
    }

    @Test func everyAPIRouteChecksRoleAndScope() async throws {
        let world = try await TenantWorld.shared.value
        let rows = Self.rows(world)
        let registered = ServiceApplication.router(world.environment).routes.filter { $0.path.hasPrefix("/api/") }
        let covered = Set(rows.map { "\($0.method.rawValue) \($0.route)" })
        #expect(Set(registered.map(\.description)) == covered, "every API route has its row, and only those")

        try await ServiceFixtures.withClient(world.environment) { client in
            for row in rows {
                var cases = [(row.own, row.ownStatuses, row.ownBody, row.ownJSON)]
                if let other = row.other { cases.append((other, row.otherStatuses, row.otherBody, row.otherJSON)) }
                for (uri, statuses, bodyFile, json) in cases {
                    let body =
                        try bodyFile.map { ByteBuffer(data: try Data(contentsOf: ServiceFixtures.catalogue($0))) }
                        ?? json.map { ByteBuffer(string: $0) }
                    try await client.execute(uri: uri, method: row.method, body: body) { response in
                        #expect(response.status == .unauthorized, "anonymous \(row.method) \(uri)")
                        #expect(response.headers[.location] == nil, "never a redirect: \(uri)")
                        #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                    }
                    for (role, expected) in zip(Self.roles, statuses) {
                        try await client.execute(
                            uri: uri, method: row.method, headers: world.authorization(role), body: body
                        ) { response in
                            #expect(
                                response.status.code == expected,
                                "\(role.rawValue) \(row.method) \(uri): \(String(buffer: response.body).prefix(200))")
                        }
                    }
                }
            }
        }
    }

    /// The pages (GET), by role; anonymous people are sent to sign in. POST forms are tested in PagesTests.
    static func pageRows(_ world: TenantWorld) -> [Row] {
        [
            Row(
                route: "/", own: "/", ownStatuses: [303, 303, 303, 303, 200], other: nil, otherStatuses: []),
            Row(
                route: "/territories/{territory}", own: "/territories/namur", ownStatuses: [200, 403, 403, 200, 403],
                other: "/territories/bastia", otherStatuses: [403, 403, 403, 403, 403]),
            Row(
                route: "/communes/{commune}", own: "/communes/\(TenantWorld.ownCommune)",
                ownStatuses: [403, 200, 403, 403, 403], other: "/communes/\(TenantWorld.otherCommune)",
                otherStatuses: [403, 403, 403, 403, 403]),
            Row(
                route: "/catalogues/upload", own: "/catalogues/upload", ownStatuses: [403, 403, 200, 403, 403],
                other: nil, otherStatuses: []),
            Row(
                route: "/jobs/{id}", own: "/jobs/\(world.namurJob)", ownStatuses: [200, 403, 404, 403, 403],
                other: "/jobs/\(world.bastiaJob)", otherStatuses: [404, 403, 404, 403, 403]),
            Row(
                route: "/territories/{territory}/compare",
                own: "/territories/namur/compare?first=\(world.namurPlan)&second=\(world.namurPlan)",
                ownStatuses: [200, 403, 403, 200, 403],
                other: "/territories/bastia/compare?first=\(world.bastiaPlan)&second=\(world.bastiaPlan)",
                otherStatuses: [403, 403, 403, 403, 403]),
            Row(
                route: "/plans/{id}/report", own: "/plans/\(world.namurPlan)/report",
                ownStatuses: [200, 200, 403, 200, 403], other: "/plans/\(world.bastiaPlan)/report",
                otherStatuses: [404, 404, 403, 404, 403]),
            Row(
                route: "/plans/{id}/unmet-needs", own: "/plans/\(world.namurPlan)/unmet-needs",
                ownStatuses: [200, 403, 403, 403, 403], other: "/plans/\(world.bastiaPlan)/unmet-needs",
                otherStatuses: [404, 403, 403, 403, 403]),
            Row(
                route: "/communes/{commune}/erasure", own: "/communes/\(TenantWorld.ownCommune)/erasure",
                ownStatuses: [403, 200, 403, 403, 403], other: "/communes/\(TenantWorld.otherCommune)/erasure",
                otherStatuses: [403, 403, 403, 403, 403]),
            Row(
                route: "/communes/{commune}/sessions", own: "/communes/\(TenantWorld.ownCommune)/sessions",
                ownStatuses: [403, 200, 403, 403, 403], other: "/communes/\(TenantWorld.otherCommune)/sessions",
                otherStatuses: [403, 403, 403, 403, 403]),
            Row(
                route: "/plans/{id}/tender", own: "/plans/\(world.namurPlan)/tender",
                ownStatuses: [200, 403, 403, 200, 403], other: "/plans/\(world.bastiaPlan)/tender",
                otherStatuses: [404, 403, 403, 404, 403]),
        ]
    }

    @Test func everyPageChecksRoleAndScope() async throws {
        let world = try await TenantWorld.shared.value
        let rows = Self.pageRows(world)
        let operational: Set = ["/health", "/ready", "/metrics", "/openapi.json"]
        let open = Set(Self.signInRows.map(\.route))
        let pages = ServiceApplication.router(world.environment).routes.filter {
            $0.method == .get && !$0.path.hasPrefix("/api/") && !operational.contains($0.path)
                && !open.contains($0.path)
        }
        #expect(Set(pages.map(\.path)) == Set(rows.map(\.route)), "every page has its row, and only those")

        try await ServiceFixtures.withClient(world.environment) { client in
            for row in rows {
                var cases = [(row.own, row.ownStatuses)]
                if let other = row.other { cases.append((other, row.otherStatuses)) }
                for (uri, statuses) in cases {
                    try await client.execute(uri: uri, method: .get) { response in
                        #expect(response.status == .seeOther, "anonymous \(uri)")
                        #expect(response.headers[.location] == "/sign-in")
                    }
                    for (role, expected) in zip(Self.roles, statuses) {
                        try await client.execute(uri: uri, method: .get, headers: world.authorization(role)) {
                            response in
                            #expect(response.status.code == expected, "\(role.rawValue) \(uri)")
                            #expect(response.headers[.contentType] == "text/html; charset=utf-8" || expected == 303)
                        }
                    }
                }
            }
        }
    }

    /// The sign-in pages, open to everyone: the same answer for anonymous people and every role, with
    /// OpenID Connect configured (its provider unreachable) and without.
    struct OpenRow: Sendable {
        let route: String
        let uri: String
        let configured: Int
        let unconfigured: Int
    }

    static let signInRows = [
        OpenRow(route: "/sign-in", uri: "/sign-in", configured: 200, unconfigured: 200),
        // Discovery fails: 502 and the page that offers the token instead.
        OpenRow(route: "/sign-in/oidc", uri: "/sign-in/oidc", configured: 502, unconfigured: 404),
        // A callback without this browser's state signs nobody in.
        OpenRow(
            route: "/sign-in/oidc/callback", uri: "/sign-in/oidc/callback?code=c&state=s", configured: 401,
            unconfigured: 404),
    ]

    @Test func theSignInPagesAnswerEveryoneAlike() async throws {
        let world = try await TenantWorld.shared.value
        // Port 9 (discard) on the loopback: nothing listens, the discovery is refused at once.
        let settings = try OpenIDSettings(
            issuer: URL(string: "http://127.0.0.1:9")!, clientID: "parcours", clientSecret: "secret",
            redirectURL: URL(string: "http://127.0.0.1:8080/sign-in/oidc/callback")!, providerName: "ProConnect")
        let configured = ServiceEnvironment(
            store: world.environment.store, configuration: world.environment.configuration, openID: settings)
        for (environment, isConfigured) in [(configured, true), (world.environment, false)] {
            try await ServiceFixtures.withClient(environment) { client in
                for row in Self.signInRows {
                    let expected = isConfigured ? row.configured : row.unconfigured
                    let callers: [(String, HTTPFields)] =
                        [("anonymous", [:])] + Self.roles.map { ($0.rawValue, world.authorization($0)) }
                    for (caller, headers) in callers {
                        try await client.execute(uri: row.uri, method: .get, headers: headers) { response in
                            #expect(
                                response.status.code == expected, "\(caller) \(row.uri) configured: \(isConfigured)")
                            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                            #expect(
                                !response.headers[values: .setCookie].contains { $0.hasPrefix("parcours_session=") })
                        }
                    }
                }
            }
        }
    }

    @Test func anUnknownTokenIsAnonymous() async throws {
        let world = try await TenantWorld.shared.value
        try await ServiceFixtures.withClient(world.environment) { client in
            try await client.execute(
                uri: "/api/plans", method: .get, headers: [.authorization: "Bearer \(AccessToken.generate())"]
            ) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
                #expect(
                    String(buffer: response.body)
                        == #"{"error":{"message":"authentication required: send a bearer token","status":401}}"#)
            }
        }
    }
}
