import ParcoursModel

/// The shell of a self-contained HTML document: no script, nothing fetched, the style inline.
public enum HTMLPage {
    /// `title` and `body` are already escaped HTML.
    public static func document(language: Language, title: String, css: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title)</title>
        <style>\(css)</style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }
}
