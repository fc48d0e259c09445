import ParcoursModel

/// The shell of a self-contained HTML document: no script, nothing fetched, the style inline.
public enum HTMLPage {
    /// `title` and `body` are already escaped HTML; `head` is more of the head (e.g. a `<meta>`).
    public static func document(
        language: Language, title: String, css: String, body: String, head: String = ""
    ) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title)</title>
        \(head)<style>\(css)</style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }
}
