import Foundation

/// OpenID Connect sign-in, when the service is configured for it (`parcours serve --oidc-issuer …`): the
/// identity provider (ProConnect in France; CSAM or itsme in Belgium), this service's client id and
/// secret there, and the redirect URL registered with it (ending in `/sign-in/oidc/callback`).
public struct OpenIDSettings: Sendable {
    public let issuer: URL
    public let clientID: String
    public let clientSecret: String
    public let redirectURL: URL
    /// The provider's name on the sign-in button ("ProConnect").
    public let providerName: String
    /// The scopes asked for: `openid`, then those the federation requires of its clients (Parcours reads
    /// only the ID token's `sub`, whatever else it carries).
    public let scopes: [String]

    /// Checks that the issuer and the redirect URL use HTTPS (plain HTTP only on the loopback, for tests
    /// and development): the ID token's issuer is trusted on TLS (see ``IDToken``).
    public init(
        issuer: URL, clientID: String, clientSecret: String, redirectURL: URL, providerName: String,
        extraScopes: [String] = []
    ) throws(OpenIDError) {
        for (name, url) in [("issuer", issuer), ("redirect URL", redirectURL)] where !Self.isSecure(url) {
            throw .configuration(
                "the \(name) \(url.absoluteString) must use https (http only on 127.0.0.1 or localhost)")
        }
        guard !clientID.isEmpty, !clientSecret.isEmpty else {
            throw .configuration("client id and secret are required")
        }
        self.issuer = issuer
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.redirectURL = redirectURL
        self.providerName = providerName
        scopes = ["openid"] + extraScopes.filter { $0 != "openid" }
    }

    /// HTTPS, or HTTP on the loopback.
    static func isSecure(_ url: URL) -> Bool {
        switch url.scheme?.lowercased() {
        case "https": true
        case "http": ["127.0.0.1", "localhost", "::1"].contains(url.host?.lowercased() ?? "")
        default: false
        }
    }

    /// The issuer as ID tokens write it: its URL without a trailing slash.
    var issuerIdentifier: String {
        let text = issuer.absoluteString
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }
}

/// Why an OpenID Connect sign-in did not happen. Never carries a token or a personal claim.
public enum OpenIDError: Error, Hashable, Sendable, CustomStringConvertible {
    case configuration(String)
    /// The discovery document or the token endpoint did not answer as they should.
    case provider(String)
    /// The ID token failed a check of OpenID Connect Core 3.1.3.7.
    case idToken(String)
    /// The callback's state is not the one this browser was sent with, or the sign-in started too long ago.
    case state

    public var description: String {
        switch self {
        case .configuration(let message): "OpenID Connect configuration: \(message)"
        case .provider(let message): "identity provider: \(message)"
        case .idToken(let message): "ID token refused: \(message)"
        case .state: "the sign-in's state does not match: start again"
        }
    }
}
