import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import ParcoursModel
import ParcoursService
import ParcoursStore
import Testing

/// OpenID Connect sign-in against a fake identity provider served on the loopback: discovery, a token
/// endpoint that checks the client's secret and the PKCE verifier, and ID tokens the test shapes.
@Suite struct OpenIDSignInTests {
    /// The codes the fake provider will accept, with the PKCE challenge and the ID token's claims.
    actor Codes {
        var grants: [String: (challenge: String, claims: Data)] = [:]
        func add(_ code: String, challenge: String, claims: Data) { grants[code] = (challenge, claims) }
        func take(_ code: String) -> (challenge: String, claims: Data)? { grants.removeValue(forKey: code) }
    }

    static let clientID = "parcours"
    static let secret = "s3cret"

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The fake provider's routes; its issuer is `http://` + the Host it is asked on.
    static func provider(_ codes: Codes) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/.well-known/openid-configuration") { request, _ -> Response in
            let base = "http://\(request.head.authority ?? "")"
            let json =
                #"{"issuer":"\#(base)","authorization_endpoint":"\#(base)/authorize","token_endpoint":"\#(base)/token"}"#
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: json)))
        }
        router.post("/token") { request, _ -> Response in
            let body = String(buffer: try await request.body.collect(upTo: 16 * 1024))
            var form: [String: String] = [:]
            for pair in body.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? "" }
                if parts.count == 2 { form[parts[0]] = parts[1] }
            }
            let basic = "Basic " + Data("\(clientID):\(secret)".utf8).base64EncodedString()
            guard request.headers[.authorization] == basic, form["grant_type"] == "authorization_code",
                let code = form["code"], let grant = await codes.take(code), let verifier = form["code_verifier"],
                base64URL(Data(SHA256.hash(data: Data(verifier.utf8)))) == grant.challenge
            else { return Response(status: .badRequest) }
            let header = base64URL(Data(#"{"alg":"RS256","typ":"JWT"}"#.utf8))
            let payload = base64URL(grant.claims)
            let json = #"{"access_token":"a","token_type":"Bearer","id_token":"\#(header).\#(payload).c2lnbmF0dXJl"}"#
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: json)))
        }
        return router
    }

    @Test func aLinkedIdentitySignsInAndAnythingAmissIsRefused() async throws {
        let codes = Codes()
        var logger = Logger(label: "fake-provider")
        logger.logLevel = .warning
        let providerApplication = Application(
            router: Self.provider(codes), configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger
        )
        try await providerApplication.test(.live) { providerClient in
            let issuer = "http://127.0.0.1:\(providerClient.port!)"
            let store = try SQLiteStore(path: ":memory:")
            let user = try await store.createUser(
                try NewUser(name: "Coordination", role: .coordinator, territoryID: "namur"))
            try await store.linkIdentity(issuer: issuer, subject: "sub-123", userID: user.id)
            let settings = try OpenIDSettings(
                issuer: URL(string: issuer)!, clientID: Self.clientID, clientSecret: Self.secret,
                redirectURL: URL(string: "http://127.0.0.1:8080/sign-in/oidc/callback")!, providerName: "ProConnect",
                extraScopes: ["email", "openid"])
            let environment = ServiceEnvironment(
                store: store, configuration: try ServiceFixtures.configuration.get(), openID: settings)

            try await ServiceFixtures.withClient(environment) { client in
                /// Starts a sign-in; the provider will accept `code` with `claims` (nonce filled in unless given).
                func start(
                    code: String, claims: [String: Any], challenge: String? = nil, language: Language? = nil
                ) async throws -> (state: String, cookie: String) {
                    let uri = "/sign-in/oidc" + (language.map { "?lang=\($0.rawValue)" } ?? "")
                    return try await client.execute(uri: uri, method: .get) { response in
                        #expect(response.status == .seeOther)
                        let location = try #require(response.headers[.location].flatMap(URLComponents.init(string:)))
                        #expect(location.path == "/authorize")
                        let query = Dictionary(
                            uniqueKeysWithValues: (location.queryItems ?? []).map { ($0.name, $0.value ?? "") })
                        #expect(query["client_id"] == Self.clientID && query["code_challenge_method"] == "S256")
                        #expect(query["response_type"] == "code" && query["scope"] == "openid email")
                        var claims = claims
                        if claims["nonce"] == nil { claims["nonce"] = query["nonce"] }
                        let json = try JSONSerialization.data(withJSONObject: claims)
                        await codes.add(code, challenge: challenge ?? query["code_challenge"]!, claims: json)
                        let cookie = try #require(response.headers[.setCookie])
                        #expect(
                            cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax")
                                && cookie.contains("Path=/sign-in/oidc"))
                        return (query["state"]!, String(cookie.prefix { $0 != ";" }))
                    }
                }
                /// The provider's redirect back, from a browser whose Accept-Language is `accepted`.
                func callback(code: String, state: String, cookie: String, accepted: String = "fr") async throws -> (
                    HTTPResponse.Status, HTTPFields, String
                ) {
                    try await client.execute(
                        uri: "/sign-in/oidc/callback?code=\(code)&state=\(state)", method: .get,
                        headers: [.cookie: cookie, .acceptLanguage: accepted]
                    ) { ($0.status, $0.headers, String(buffer: $0.body)) }
                }
                let now = Date().timeIntervalSince1970
                let good: [String: Any] = [
                    "iss": issuer, "sub": "sub-123", "aud": Self.clientID, "exp": now + 300, "iat": now,
                ]

                // A linked identity: a session of the linked user.
                let (state, cookie) = try await start(code: "c1", claims: good)
                let (status, headers, page) = try await callback(code: "c1", state: state, cookie: cookie)
                #expect(status == .ok)
                #expect(page.contains("http-equiv=\"refresh\""))
                let session = try #require(headers[values: .setCookie].first { $0.hasPrefix("parcours_session=") })
                try await client.execute(
                    uri: "/", method: .get, headers: [.cookie: String(session.prefix { $0 != ";" })]
                ) { response in
                    #expect(response.headers[.location] == "/territories/namur?lang=fr")
                }

                // The language chosen before signing in, not the browser's, after the provider's redirect:
                // signed in, or refused.
                let (english, englishCookie) = try await start(code: "c10", claims: good, language: .english)
                let (_, _, englishPage) = try await callback(code: "c10", state: english, cookie: englishCookie)
                #expect(englishPage.contains("<h1>Signed in</h1>") && englishPage.contains("url=/?lang=en"))
                let (_, frenchCookie) = try await start(code: "c11", claims: good, language: .french)
                let (_, _, frenchPage) = try await callback(
                    code: "c11", state: "forged", cookie: frenchCookie, accepted: "en")
                #expect(frenchPage.contains("<h1>Connexion refusée</h1>"))

                // Refused: a forged state, another audience, an expired token, a replayed nonce, a wrong
                // PKCE verifier — none opens a session.
                var refusals: [(String, [String: Any], String?, Bool)] = [
                    ("c2", good, nil, true),
                    ("c3", good.merging(["aud": "someone-else"]) { $1 }, nil, false),
                    ("c4", good.merging(["exp": now - 3600]) { $1 }, nil, false),
                    ("c5", good.merging(["nonce": "replayed"]) { $1 }, nil, false),
                    ("c6", good.merging(["iss": "http://127.0.0.1:1"]) { $1 }, nil, false),
                ]
                refusals.append(("c7", good, Self.base64URL(Data(repeating: 7, count: 32)), false))
                for (code, claims, challenge, forgeState) in refusals {
                    let (state, cookie) = try await start(code: code, claims: claims, challenge: challenge)
                    let (status, headers, _) = try await callback(
                        code: code, state: forgeState ? "forged" : state, cookie: cookie)
                    #expect(status == .unauthorized, "\(code)")
                    #expect(!headers[values: .setCookie].contains { $0.hasPrefix("parcours_session=") }, "\(code)")
                }

                // An identity nobody linked: no session, and the subject to hand to the administrator.
                let (other, otherCookie) = try await start(code: "c8", claims: good.merging(["sub": "sub-999"]) { $1 })
                let (unlinked, unlinkedHeaders, unlinkedPage) = try await callback(
                    code: "c8", state: other, cookie: otherCookie)
                #expect(unlinked == .forbidden)
                #expect(unlinkedPage.contains("sub-999"))
                #expect(!unlinkedHeaders[values: .setCookie].contains { $0.hasPrefix("parcours_session=") })
            }
        }
    }

    @Test func withoutSettingsThereIsNoOpenIDSignIn() async throws {
        let environment = try ServiceFixtures.environment()
        try await ServiceFixtures.withClient(environment) { client in
            try await client.execute(uri: "/sign-in/oidc", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/sign-in", method: .get) {
                #expect(!String(buffer: $0.body).contains("/sign-in/oidc"))
            }
        }
    }

    @Test func theSignInPageOffersTheProviderInFrenchByDefault() async throws {
        let settings = try OpenIDSettings(
            issuer: URL(string: "https://auth.example.org")!, clientID: "c", clientSecret: "s",
            redirectURL: URL(string: "https://parcours.example.org/sign-in/oidc/callback")!, providerName: "ProConnect")
        let environment = ServiceEnvironment(
            store: try SQLiteStore(path: ":memory:"), configuration: try ServiceFixtures.configuration.get(),
            openID: settings)
        try await ServiceFixtures.withClient(environment) { client in
            try await client.execute(uri: "/sign-in", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains(#"<html lang="fr""#))
                // A link (reachable with the keyboard like any link), named by its own text, described
                // by the help text, under a heading of its own.
                #expect(
                    page.contains(
                        #"<a class="button" href="/sign-in/oidc?lang=fr" aria-describedby="oidc-help">Se connecter avec ProConnect</a>"#
                    ))
                #expect(page.contains(#"<p class="help" id="oidc-help">"#))
                #expect(page.contains(#"<h2 id="oidc-heading">Avec votre compte professionnel</h2>"#))
            }
            try await client.execute(uri: "/sign-in?lang=en", method: .get) { response in
                #expect(String(buffer: response.body).contains(">Sign in with ProConnect</a>"))
            }
        }
    }

    @Test func settingsRefusePlainHTTPOutsideTheLoopback() {
        #expect(throws: OpenIDError.self) {
            try OpenIDSettings(
                issuer: URL(string: "http://auth.example.org")!, clientID: "c", clientSecret: "s",
                redirectURL: URL(string: "https://parcours.example.org/sign-in/oidc/callback")!, providerName: "X")
        }
    }
}
