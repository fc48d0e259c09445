import HTTPTypes
import Hummingbird
import ParcoursModel
import ParcoursOutput
import ParcoursStore

/// Who may see a page: anonymous people are sent to the sign-in page (303), signed-in users of another
/// role or scope get a 403 page.
struct PageAccess {
    let roles: Set<Role>

    init(_ roles: Role...) {
        self.roles = Set(roles)
    }

    func user(of context: ServiceRequestContext, request: Request) throws -> UserAccount {
        guard let user = context.user else { throw PageError.signInFirst(request) }
        guard roles.contains(user.role) else { throw PageError.forbidden(request, user: user) }
        return user
    }
}

extension ServiceEnvironment {
    /// The plan a page's `{id}` parameter names and its documents, when `user` may read it (a plan of their
    /// territory); otherwise a "no plan" page in the shell's language.
    func pageDocuments(
        ofPlan context: ServiceRequestContext, user: UserAccount, shell: PageShell, request: Request
    ) async throws -> (id: Int64, documents: PlanCache.Documents) {
        let text = try context.parameters.require("id")
        guard let id = Int64(text),
            let documents = try await readableDocuments(
                ofPlan: id, territoryID: user.territoryID(in: configuration), language: shell.language)
        else {
            throw PageError.notFound(
                request, user: user, what: shell.language.pick("Aucun plan \(text).", "No plan \(text)."))
        }
        return (id, documents)
    }
}

/// A page's error: a redirect to sign in, or an HTML page saying what is wrong.
struct PageError: HTTPResponseError {
    let status: HTTPResponse.Status
    let location: String?
    let html: String

    static func signInFirst(_ request: Request) -> PageError {
        let lang = request.uri.queryParameters.get("lang").map { "?lang=\($0)" } ?? ""
        return PageError(status: .seeOther, location: "/sign-in" + lang, html: "")
    }

    static func forbidden(_ request: Request, user: UserAccount) -> PageError {
        let shell = PageShell(request: request, user: user)
        let html = shell.page(
            title: shell.language.pick("Accès refusé", "Access denied"),
            content:
                "<p>\(shell.t("Votre rôle ou votre périmètre ne donne pas accès à cette page.", "Your role or scope does not give access to this page.")) <a href=\"\(shell.link("/"))\">\(shell.t("Retour à l’accueil", "Back to the home page"))</a></p>"
        )
        return PageError(status: .forbidden, location: nil, html: html)
    }

    static func notFound(_ request: Request, user: UserAccount?, what: String) -> PageError {
        let shell = PageShell(request: request, user: user)
        let html = shell.page(
            title: shell.language.pick("Introuvable", "Not found"),
            content: "<p>\(HTMLText.escape(what))</p>")
        return PageError(status: .notFound, location: nil, html: html)
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
        if let location { headers[.location] = location }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

extension ResponseBody {
    /// An HTML page.
    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        text(html, contentType: "text/html; charset=utf-8", status: status)
    }

    /// A redirect after a form (303: the browser follows with GET).
    static func seeOther(_ location: String, headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }
}
