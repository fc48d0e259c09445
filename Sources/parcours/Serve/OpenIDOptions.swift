import ArgumentParser
import Foundation
import ParcoursService

/// The options of `parcours serve` for OpenID Connect sign-in (off unless `--oidc-issuer` is given).
struct OpenIDOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "The identity provider's issuer URL (e.g. ProConnect's); turns OpenID Connect sign-in on.")
    var oidcIssuer: String?

    @Option(name: .long, help: "This service's client id at the identity provider.")
    var oidcClientId: String?

    @Option(
        name: .long,
        help: "A file holding the client secret (else the environment variable PARCOURS_OIDC_CLIENT_SECRET).")
    var oidcClientSecretFile: String?

    @Option(
        name: .long,
        help: "The redirect URL registered at the provider, ending in /sign-in/oidc/callback (https).")
    var oidcRedirectUrl: String?

    @Option(name: .long, help: "The provider's name on the sign-in page.")
    var oidcProviderName: String = "ProConnect"

    @Option(
        name: .long,
        help: "A scope to ask for beside openid, when the federation requires it of its clients (repeatable).")
    var oidcScope: [String] = []

    /// The settings, or nil when `--oidc-issuer` is not given.
    func settings(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> OpenIDSettings? {
        guard let oidcIssuer else { return nil }
        guard let issuer = URL(string: oidcIssuer), let clientID = oidcClientId,
            let redirect = oidcRedirectUrl.flatMap(URL.init(string:))
        else { throw ValidationError("--oidc-issuer needs --oidc-client-id and --oidc-redirect-url") }
        let secret: String
        if let oidcClientSecretFile {
            guard let text = try? String(contentsOfFile: oidcClientSecretFile, encoding: .utf8) else {
                throw ValidationError("--oidc-client-secret-file: cannot read \(oidcClientSecretFile)")
            }
            secret = text.trimmingCharacters(in: .whitespacesAndNewlines)
        } else if let variable = environment["PARCOURS_OIDC_CLIENT_SECRET"], !variable.isEmpty {
            secret = variable
        } else {
            throw ValidationError("give --oidc-client-secret-file or PARCOURS_OIDC_CLIENT_SECRET")
        }
        do {
            return try OpenIDSettings(
                issuer: issuer, clientID: clientID, clientSecret: secret, redirectURL: redirect,
                providerName: oidcProviderName, extraScopes: oidcScope)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
