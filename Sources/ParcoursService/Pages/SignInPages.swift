import Foundation
import HTTPTypes
import Hummingbird
import ParcoursOutput
import ParcoursStore

/// Signing in and out of the web pages, and the home page that sends each user to their own page. A
/// session is a new random token kept hashed like API tokens, carried by an HttpOnly, SameSite=Strict
/// cookie, and ends after ``sessionSeconds`` or at sign-out.
struct SignInPages {
    let environment: ServiceEnvironment
    static let sessionSeconds = 8 * 3600

    func register(in registry: inout RouteRegistry) {
        registry.on(.get, "/sign-in") { request, context in
            ResponseBody.html(form(request, user: context.user, failed: false))
        }
        registry.on(.post, "/sign-in") { request, context in
            let body = try await request.body.collect(upTo: 16 * 1024)
            let submitted = try? URLEncodedFormDecoder().decode(SignInForm.self, from: String(buffer: body))
            let token = submitted?.token.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard !token.isEmpty,
                let user = try await environment.store.user(tokenHash: AccessToken.hash(token), at: Date())
            else {
                return ResponseBody.html(form(request, user: nil, failed: true), status: .unauthorized)
            }
            let cookie = try await openSession(for: user, context: context)
            return ResponseBody.seeOther("/?lang=\(request.language.rawValue)", headers: [.setCookie: cookie])
        }
        registry.on(.post, "/sign-out") { request, _ in
            if let session = request.cookies[Authentication.sessionCookie]?.value {
                try await environment.store.removeToken(hash: AccessToken.hash(session))
            }
            return ResponseBody.seeOther(
                "/sign-in?lang=\(request.language.rawValue)",
                headers: [.setCookie: "\(Authentication.sessionCookie)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"])
        }
        registry.on(.get, "/") { request, context in
            guard let user = context.user else { throw PageError.signInFirst(request) }
            let shell = PageShell(request: request, user: user)
            switch user.role {
            case .coordinator, .procurement:
                return ResponseBody.seeOther(shell.link("/territories/\(user.territoryID ?? "")"))
            case .communeHR:
                return ResponseBody.seeOther(shell.link("/communes/\(user.communeCode ?? "")"))
            case .provider:
                return ResponseBody.seeOther(shell.link("/catalogues/upload"))
            case .admin:
                return ResponseBody.html(
                    shell.page(
                        title: shell.language.pick("Administration", "Administration"),
                        content:
                            "<p>\(shell.t("Les utilisateurs se créent avec « parcours admin create-user » ; le journal d’audit est servi par l’API : ", "Users are created with 'parcours admin create-user'; the audit log is served by the API: "))<a href=\"/api/audit\">/api/audit</a>, <a href=\"/api/users\">/api/users</a>.</p>"
                    ))
            }
        }
    }

    /// Opens a session for `user`: a new random token kept hashed with its expiry; answers the cookie
    /// that carries it.
    func openSession(for user: UserAccount, context: ServiceRequestContext) async throws -> String {
        let session = AccessToken.generate()
        try await environment.store.addToken(
            hash: AccessToken.hash(session), kind: .session, userID: user.id,
            expiresAt: Date().addingTimeInterval(TimeInterval(Self.sessionSeconds)))
        context.logger.info("signed in", metadata: ["user": "\(user.id)", "role": "\(user.role.rawValue)"])
        return
            "\(Authentication.sessionCookie)=\(session); Path=/; HttpOnly; SameSite=Strict; Max-Age=\(Self.sessionSeconds)"
    }

    /// What the sign-in form sends.
    private struct SignInForm: Decodable {
        let token: String
    }

    private func form(_ request: Request, user: UserAccount?, failed: Bool) -> String {
        let shell = PageShell(request: request, user: user)
        let error =
            failed
            ? "<p class=\"error\" role=\"alert\" id=\"token-error\">\(shell.t("Ce jeton n’est pas valide ou a expiré.", "This token is not valid or has expired."))</p>\n"
            : ""
        let described = failed ? "token-help token-error" : "token-help"
        return shell.page(
            title: shell.language.pick("Se connecter", "Sign in"),
            content: """
                \(error)<form method="post" action="\(shell.link("/sign-in"))">
                <label for="token">\(shell.t("Jeton d’accès", "Access token"))</label>
                <p class="help" id="token-help">\(shell.t("Le jeton vous a été remis par l’administrateur de Parcours (« parcours admin create-user »).", "The token was given to you by Parcours's administrator ('parcours admin create-user')."))</p>
                <input type="password" id="token" name="token" required autocomplete="current-password" aria-describedby="\(described)"\(failed ? " aria-invalid=\"true\"" : "")>
                <div><button type="submit">\(shell.t("Se connecter", "Sign in"))</button></div>
                </form>
                \(openIDLink(shell))
                """)
    }

    /// The way to sign in with the identity provider, when one is configured: a section of its own, named
    /// by its heading, whose link reads as a sentence out of context too (RGAA 6.1).
    private func openIDLink(_ shell: PageShell) -> String {
        guard let openID = environment.openID else { return "" }
        let name = HTMLText.escape(openID.providerName)
        return """
            <section aria-labelledby="oidc-heading">
            <h2 id="oidc-heading">\(shell.t("Avec votre compte professionnel", "With your professional account"))</h2>
            <p class="help" id="oidc-help">\(shell.t("Votre identité doit d’abord avoir été reliée à un utilisateur de Parcours par l’administrateur (« parcours admin link-identity ») ; le fournisseur d’identité ne donne aucun droit à lui seul.", "Your identity must first have been linked to a Parcours user by the administrator ('parcours admin link-identity'); the identity provider grants no rights by itself."))</p>
            <p><a class="button" href="\(shell.link("/sign-in/oidc"))" aria-describedby="oidc-help">\(shell.t("Se connecter avec", "Sign in with")) \(name)</a></p>
            </section>
            """
    }
}
