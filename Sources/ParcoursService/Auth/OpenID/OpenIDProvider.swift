import Crypto
import Foundation
import ParcoursModel

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The identity provider as its discovery document describes it (OpenID Connect Discovery 1.0), and the
/// two calls Parcours makes to it: reading that document, and exchanging an authorization code (with its
/// PKCE verifier) for an ID token at the token endpoint, authenticated with the client secret.
struct OpenIDProvider: Sendable {
    let issuer: String
    let authorizationEndpoint: URL
    let tokenEndpoint: URL

    /// Reads `{issuer}/.well-known/openid-configuration`; its `issuer` must be the configured one and its
    /// endpoints secure (Discovery 4.3).
    static func discover(_ settings: OpenIDSettings) async throws(OpenIDError) -> OpenIDProvider {
        let url = URL(string: settings.issuerIdentifier + "/.well-known/openid-configuration")!
        let data = try await fetch(URLRequest(url: url), what: "discovery document")
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let issuer = object["issuer"] as? String,
            let authorization = (object["authorization_endpoint"] as? String).flatMap(URL.init(string:)),
            let token = (object["token_endpoint"] as? String).flatMap(URL.init(string:))
        else { throw .provider("the discovery document lacks issuer or endpoints") }
        guard issuer == settings.issuerIdentifier else {
            throw .provider("the discovery document names another issuer")
        }
        guard OpenIDSettings.isSecure(authorization), OpenIDSettings.isSecure(token) else {
            throw .provider("the provider's endpoints must use https")
        }
        return OpenIDProvider(issuer: issuer, authorizationEndpoint: authorization, tokenEndpoint: token)
    }

    /// Where to send the browser: the authorization request with state, nonce and the PKCE challenge.
    func authorizationURL(_ settings: OpenIDSettings, attempt: SignInAttempt) -> URL {
        var components = URLComponents(url: authorizationEndpoint, resolvingAgainstBaseURL: false)!
        components.queryItems =
            (components.queryItems ?? []) + [
                URLQueryItem(name: "response_type", value: "code"),
                URLQueryItem(name: "client_id", value: settings.clientID),
                URLQueryItem(name: "redirect_uri", value: settings.redirectURL.absoluteString),
                URLQueryItem(name: "scope", value: settings.scopes.joined(separator: " ")),
                URLQueryItem(name: "state", value: attempt.state),
                URLQueryItem(name: "nonce", value: attempt.nonce),
                URLQueryItem(name: "code_challenge", value: attempt.codeChallenge),
                URLQueryItem(name: "code_challenge_method", value: "S256"),
            ]
        return components.url!
    }

    /// The ID token of the token endpoint's answer to `code` (client_secret_basic authentication).
    func idToken(code: String, verifier: String, settings: OpenIDSettings) async throws(OpenIDError) -> String {
        var request = URLRequest(url: tokenEndpoint)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let credentials = "\(Self.formEncoded(settings.clientID)):\(Self.formEncoded(settings.clientSecret))"
        request.setValue("Basic \(Data(credentials.utf8).base64EncodedString())", forHTTPHeaderField: "Authorization")
        request.httpBody = Data(
            [
                ("grant_type", "authorization_code"), ("code", code),
                ("redirect_uri", settings.redirectURL.absoluteString), ("client_id", settings.clientID),
                ("code_verifier", verifier),
            ].map { "\($0)=\(Self.formEncoded($1))" }.joined(separator: "&").utf8)
        let data = try await Self.fetch(request, what: "token endpoint")
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let token = object["id_token"] as? String
        else { throw .provider("the token endpoint's answer has no id_token") }
        return token
    }

    private static func fetch(_ request: URLRequest, what: String) async throws(OpenIDError) -> Data {
        let answer: (Data, URLResponse)
        do {
            answer = try await URLSession.shared.data(for: request)
        } catch {
            throw .provider("\(what) unreachable")
        }
        guard let status = (answer.1 as? HTTPURLResponse)?.statusCode, status == 200 else {
            throw .provider("\(what) answered \((answer.1 as? HTTPURLResponse)?.statusCode ?? 0)")
        }
        return answer.0
    }

    /// `application/x-www-form-urlencoded` (RFC 6749 appendix B), also for the Basic credentials (2.3.1).
    static func formEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

/// What a sign-in started in a browser must find again at the callback: the state (against forged
/// callbacks), the nonce (against replayed ID tokens), the PKCE verifier (RFC 7636) and the page's
/// language. Carried by a short-lived HttpOnly cookie limited to the callback's path.
struct SignInAttempt: Sendable, Equatable {
    let state: String
    let nonce: String
    let verifier: String
    /// The language the person chose before signing in: the pages after the provider's redirect are in it,
    /// whatever the browser's Accept-Language says. Nil in an attempt begun before it was kept.
    let language: Language?

    static let cookie = "parcours_oidc"
    static let lifetimeSeconds = 600

    static func new(language: Language) -> SignInAttempt {
        SignInAttempt(
            state: AccessToken.generate(), nonce: AccessToken.generate(), verifier: AccessToken.generate(),
            language: language)
    }

    /// The S256 challenge of the verifier: base64url(SHA-256(verifier)).
    var codeChallenge: String { AccessToken.base64URL(Data(SHA256.hash(data: Data(verifier.utf8)))) }

    var cookieValue: String { [state, nonce, verifier, language?.rawValue].compactMap { $0 }.joined(separator: ".") }

    init(state: String, nonce: String, verifier: String, language: Language?) {
        self.state = state
        self.nonce = nonce
        self.verifier = verifier
        self.language = language
    }

    init?(cookieValue: String) {
        let parts = cookieValue.split(separator: ".").map(String.init)
        guard parts.count == 3 || parts.count == 4 else { return nil }
        self.init(
            state: parts[0], nonce: parts[1], verifier: parts[2],
            language: parts.count == 4 ? Language(rawValue: parts[3]) : nil)
    }
}
