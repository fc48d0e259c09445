import Hummingbird
import ParcoursModel
import ParcoursOutput
import ParcoursStore

/// The frame of every page: a skip link, the service's name, the user and the sign-out button, the
/// language switch, then the page's own content in `<main>`. Server-rendered, no script; the reports'
/// style plus the service's forms and focus outlines.
struct PageShell {
    let language: Language
    let user: UserAccount?
    /// The path of the page, for the language switch.
    let path: String

    /// The frame of `request`'s page, in `language` when given (else the request's).
    init(request: Request, user: UserAccount?, language: Language? = nil) {
        self.language = language ?? request.language
        self.user = user
        path = request.uri.path
    }

    /// `text` in the page's language, escaped for HTML.
    func t(_ french: String, _ english: String) -> String { HTMLText.escape(language.pick(french, english)) }

    /// A colon as the page's language writes it: after a narrow space in French (` :`), right after the
    /// word in English (`:`).
    var colon: String { language.pick(" :", ":") }

    /// A link to `path` in the page's language.
    func link(_ path: String) -> String {
        HTMLText.escape(path + (path.contains("?") ? "&" : "?") + "lang=\(language.rawValue)")
    }

    /// The whole page; `title` is plain text, `content` is HTML. With `refreshSeconds`, the browser
    /// reloads the page after that many seconds (a job's progress, without script).
    func page(title: String, content: String, refreshSeconds: Int? = nil) -> String {
        frame(
            titleHTML: HTMLText.escape(title), main: "<h1>\(HTMLText.escape(title))</h1>\n\(content)",
            refreshSeconds: refreshSeconds)
    }

    /// A document that brings its own `<h1>` (`titleHTML` is HTML), framed like every page, with the
    /// style it needs beside the service's.
    func page(titleHTML: String, document: String, css: String) -> String {
        frame(titleHTML: titleHTML, main: document, css: css)
    }

    private func frame(titleHTML: String, main: String, css: String = ReportStyle.css, refreshSeconds: Int? = nil)
        -> String
    {
        let other: Language = language == .french ? .english : .french
        let signOut =
            user.map { user in
                """
                <span class="who">\(HTMLText.escape(user.name)) · \(t(roleName(user.role).fr, roleName(user.role).en))</span>
                <form method="post" action="\(link("/sign-out"))" class="inline"><button type="submit">\(t("Se déconnecter", "Sign out"))</button></form>
                """
            } ?? ""
        let body = """
            <a class="skip" href="#content">\(t("Aller au contenu", "Skip to content"))</a>
            <header class="service">
            <p class="brand"><a href="\(link("/"))">Parcours</a></p>
            <nav aria-label="\(t("Compte et langue", "Account and language"))">
            \(signOut)
            <a href="\(HTMLText.escape(path))?lang=\(other.rawValue)" lang="\(other.rawValue)" hreflang="\(other.rawValue)">\(other == .english ? "English" : "Français")</a>
            </nav>
            </header>
            <main id="content">
            \(main)
            </main>
            """
        return HTMLPage.document(
            language: language, title: titleHTML + " — Parcours", css: css + Self.css,
            body: body, head: refreshSeconds.map { "<meta http-equiv=\"refresh\" content=\"\($0)\">\n" } ?? "")
    }

    /// A role's name for people.
    func roleName(_ role: Role) -> (fr: String, en: String) {
        switch role {
        case .coordinator: ("coordination", "coordinator")
        case .communeHR: ("ressources humaines de la commune", "commune HR")
        case .provider: ("organisme de formation", "training provider")
        case .procurement: ("marchés publics", "procurement")
        case .admin: ("administration", "administrator")
        }
    }

    /// Forms, navigation and a visible keyboard focus; contrasts of at least 4.5:1.
    static let css = """
        .skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:1}
        header.service{display:flex;justify-content:space-between;align-items:center;gap:16px;flex-wrap:wrap;\
        border-bottom:1px solid #ccc;margin-bottom:16px;padding-bottom:8px}
        .brand{font-weight:700;font-size:20px;margin:0}.brand a{color:#8a001c;text-decoration:none}
        nav{display:flex;gap:14px;align-items:center;flex-wrap:wrap}.who{color:#333}
        form.inline{display:inline}
        a{color:#0b4f8a}a:focus,button:focus,input:focus{outline:3px solid #f0a500;outline-offset:2px}
        label{display:block;font-weight:600;margin:12px 0 4px}label.inline{display:inline;font-weight:400}
        input[type=password],input[type=text],input[type=file],input[type=number],input[type=date],select{font-size:16px;\
        padding:6px;min-width:320px;border:1px solid #555;border-radius:4px;background:#fff}
        select:focus{outline:3px solid #f0a500;outline-offset:2px}
        fieldset{border:1px solid #888;border-radius:4px;margin:16px 0;padding:4px 12px 12px}legend{font-weight:600}
        progress{width:320px;height:20px;vertical-align:middle}
        dl.figures{display:grid;grid-template-columns:max-content auto;gap:4px 16px}dl.figures dd{margin:0}
        th.part{font-weight:400;padding-left:24px}
        button{font-size:15px;padding:6px 14px;border:1px solid #0b4f8a;background:#0b4f8a;color:#fff;\
        border-radius:4px;cursor:pointer;margin-top:12px}
        nav button{margin:0;background:#fff;color:#0b4f8a}
        a.button{display:inline-block;font-size:15px;padding:6px 14px;border:1px solid #0b4f8a;background:#0b4f8a;\
        color:#fff;border-radius:4px;text-decoration:none}
        .error{background:#fde8e8;border-left:4px solid #a50f15;padding:8px 12px;color:#4a0000}
        .ok{background:#e6f4ea;border-left:4px solid #1b6e2e;padding:8px 12px;color:#0d3b17}
        .help{color:#444;font-size:14px;margin:4px 0}
        @media print{header.service,form,.skip,.back{display:none}}
        """
}
