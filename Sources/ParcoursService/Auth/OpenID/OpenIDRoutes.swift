import Foundation
import HTTPTypes
import Hummingbird
import ParcoursModel
import ParcoursOutput
import ParcoursStore

/// OpenID Connect sign-in for the web pages (authorization code flow with PKCE, state and nonce):
/// `/sign-in/oidc` sends the browser to the provider, `/sign-in/oidc/callback` exchanges the code for an
/// ID token, checks it (``IDToken``) and opens a session for the Parcours user an administrator linked to
/// its subject (`parcours admin link-identity`). An identity without a link signs nobody in. Without
/// OpenID Connect settings both answer 404.
struct OpenIDRoutes {
    let environment: ServiceEnvironment

    func register(in registry: inout RouteRegistry) {
        registry.on(.get, "/sign-in/oidc") { request, context in
            let settings = try settings(request)
            let attempt = SignInAttempt.new(language: request.language)
            let provider = try await discover(settings, request: request, context: context)
            return ResponseBody.seeOther(
                provider.authorizationURL(settings, attempt: attempt).absoluteString,
                headers: [.setCookie: Self.attemptCookie(attempt.cookieValue, maxAge: SignInAttempt.lifetimeSeconds)])
        }
        registry.on(.get, "/sign-in/oidc/callback") { request, context in
            let settings = try settings(request)
            let query = request.uri.queryParameters
            let attempt = request.cookies[SignInAttempt.cookie].flatMap { SignInAttempt(cookieValue: $0.value) }
            // The language chosen before signing in: the provider's redirect carries none.
            let language = attempt?.language ?? request.language
            guard query.get("error") == nil, let code = query.get("code"), let state = query.get("state"),
                let attempt, attempt.state == state
            else {
                context.logger.notice("OpenID sign-in refused", metadata: ["reason": "\(OpenIDError.state)"])
                return page(request, language: language, status: .unauthorized, refused: OpenIDError.state)
            }
            let token: IDToken
            do {
                let provider = try await OpenIDProvider.discover(settings)
                token = try IDToken(
                    compact: try await provider.idToken(code: code, verifier: attempt.verifier, settings: settings))
                try token.check(
                    issuer: settings.issuerIdentifier, clientID: settings.clientID, nonce: attempt.nonce, at: Date())
            } catch {
                context.logger.notice("OpenID sign-in refused", metadata: ["reason": "\(error)"])
                return page(request, language: language, status: .unauthorized, refused: error)
            }
            guard let user = try await environment.store.user(issuer: token.issuer, subject: token.subject) else {
                return page(request, language: language, status: .forbidden, unlinked: token)
            }
            let session = try await SignInPages(environment: environment).openSession(for: user, context: context)
            var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .setCookie: session]
            headers.append(HTTPField(name: .setCookie, value: Self.attemptCookie("", maxAge: 0)))
            // A page, not a redirect: the provider's redirect is a cross-site navigation, in which the
            // SameSite=Strict session cookie would not be sent to the next page yet.
            return Response(
                status: .ok, headers: headers,
                body: .init(byteBuffer: ByteBuffer(string: signedIn(request, user: user, language: language))))
        }
    }

    private func settings(_ request: Request) throws -> OpenIDSettings {
        guard let settings = environment.openID else {
            throw PageError.notFound(request, user: nil, what: "OpenID Connect is not configured")
        }
        return settings
    }

    private func discover(
        _ settings: OpenIDSettings, request: Request, context: ServiceRequestContext
    ) async throws -> OpenIDProvider {
        do {
            return try await OpenIDProvider.discover(settings)
        } catch {
            context.logger.error("OpenID discovery failed", metadata: ["reason": "\(error)"])
            let shell = PageShell(request: request, user: nil)
            throw PageError(
                status: .badGateway, location: nil,
                html: shell.page(
                    title: shell.language.pick("Connexion impossible", "Cannot sign in"),
                    content:
                        "<p class=\"error\" role=\"alert\">\(shell.t("Le fournisseur d’identité ne répond pas comme il le devrait. Réessayez plus tard ou connectez-vous avec un jeton.", "The identity provider does not answer as it should. Try again later or sign in with a token.")) <a href=\"\(shell.link("/sign-in"))\">\(shell.t("Se connecter avec un jeton", "Sign in with a token"))</a></p>"
                ))
        }
    }

    /// The cookie of a sign-in attempt, limited to the callback's path; SameSite=Lax so that the
    /// provider's redirect back (a top-level GET) carries it.
    static func attemptCookie(_ value: String, maxAge: Int) -> String {
        "\(SignInAttempt.cookie)=\(value); Path=/sign-in/oidc; HttpOnly; SameSite=Lax; Max-Age=\(maxAge)"
    }

    private func signedIn(_ request: Request, user: UserAccount, language: Language) -> String {
        let shell = PageShell(request: request, user: user, language: language)
        let home = shell.link("/")
        return shell.page(
            title: shell.language.pick("Connecté", "Signed in"),
            content: """
                <meta http-equiv="refresh" content="0;url=\(home)">
                <p><a href="\(home)">\(shell.t("Continuer vers votre page", "Continue to your page"))</a></p>
                """)
    }

    private func page(
        _ request: Request, language: Language, status: HTTPResponse.Status, refused error: any Error
    ) -> Response {
        let shell = PageShell(request: request, user: nil, language: language)
        return ResponseBody.html(
            shell.page(
                title: shell.language.pick("Connexion refusée", "Sign-in refused"),
                content:
                    "<p class=\"error\" role=\"alert\">\(shell.t("La connexion par le fournisseur d’identité n’a pas abouti.", "Signing in through the identity provider did not succeed.")) <a href=\"\(shell.link("/sign-in"))\">\(shell.t("Recommencer", "Start again"))</a></p>"
            ), status: status)
    }

    /// An identity no administrator linked: the person sees the subject to hand to the administrator.
    private func page(
        _ request: Request, language: Language, status: HTTPResponse.Status, unlinked token: IDToken
    ) -> Response {
        let shell = PageShell(request: request, user: nil, language: language)
        return ResponseBody.html(
            shell.page(
                title: shell.language.pick("Compte non relié", "Account not linked"),
                content: """
                    <p class="error" role="alert">\(shell.t("Votre identité est reconnue, mais elle n’est reliée à aucun utilisateur de Parcours : le fournisseur d’identité ne donne aucun droit à lui seul.", "Your identity is recognised but linked to no Parcours user: the identity provider grants no rights by itself."))</p>
                    <p>\(shell.t("Transmettez à l’administrateur de Parcours (« parcours admin link-identity ») :", "Give Parcours's administrator ('parcours admin link-identity'):"))</p>
                    <dl><dt>issuer</dt><dd>\(HTMLText.escape(token.issuer))</dd><dt>subject</dt><dd>\(HTMLText.escape(token.subject))</dd></dl>
                    """), status: status)
    }
}
