import ParcoursOutput

/// Saves documents and spreadsheets as printable HTML (A4, one file, no script, no external resource).
enum HTMLDocument {
    static let style = """
        @page { size: A4; margin: 2cm; }
        body { font-family: "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.4; max-width: 17cm; margin: 1cm auto; color: #111; }
        h1.title { text-align: center; font-size: 20pt; margin-top: 2cm; } p.subtitle { text-align: center; font-size: 13pt; margin-bottom: 1cm; }
        h1 { font-size: 15pt; color: #1f3864; } h2 { font-size: 12.5pt; } h3 { font-size: 11pt; font-style: italic; }
        table { border-collapse: collapse; width: 100%; margin: 0.3cm 0; font-size: 9.5pt; }
        th, td { border: 0.5pt solid #808080; padding: 0.08cm 0.15cm; text-align: left; vertical-align: top; }
        th { background: #dde4ee; } td.number { text-align: right; white-space: nowrap; } td.input { background: #fff2cc; }
        p.field { border-bottom: 0.5pt dotted #000; padding-bottom: 0.1cm; margin-top: 0.4cm; }
        .break { break-before: page; }
        """

    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="fr"><head><meta charset="utf-8"><title>\(HTMLText.escape(title))</title><style>
        \(style)
        </style></head><body>
        \(body)</body></html>

        """
    }

    static func render(_ document: TextDocument) -> String {
        var body =
            "<h1 class=\"title\">\(HTMLText.escape(document.title))</h1>\n<p class=\"subtitle\">\(HTMLText.escape(document.subtitle))</p>\n"
        var breakNext = false
        for block in document.blocks {
            let attribute = breakNext ? " class=\"break\"" : ""
            breakNext = false
            switch block {
            case .heading(let level, let text):
                body += "<h\(min(level, 3))\(attribute)>\(HTMLText.escape(text))</h\(min(level, 3))>\n"
            case .paragraph(let text): body += "<p\(attribute)>\(HTMLText.escape(text))</p>\n"
            case .emphasis(let text): body += "<p\(attribute)><strong>\(HTMLText.escape(text))</strong></p>\n"
            case .field(let label): body += "<p class=\"field\">\(HTMLText.escape(label)) :</p>\n"
            case .bullets(let items):
                body += "<ul>" + items.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul>\n"
            case .table(let table):
                body +=
                    "<table><thead><tr>" + table.header.map { "<th>\(HTMLText.escape($0))</th>" }.joined()
                    + "</tr></thead><tbody>"
                for row in table.rows {
                    body += "<tr>" + row.map { "<td>\(HTMLText.escape($0))</td>" }.joined() + "</tr>"
                }
                body += "</tbody></table>\n"
            case .pageBreak: breakNext = true
            }
        }
        return page(title: document.title, body: body)
    }

    static func render(_ spreadsheet: Spreadsheet) -> String {
        var body = "<h1 class=\"title\">\(HTMLText.escape(spreadsheet.title))</h1>\n"
        for (index, sheet) in spreadsheet.sheets.enumerated() {
            body += "<h2\(index > 0 ? " class=\"break\"" : "")>\(HTMLText.escape(sheet.name))</h2><table>"
            for row in sheet.rows {
                body += "<tr>" + row.map(cell).joined() + "</tr>"
            }
            body += "</table>\n"
        }
        return page(title: spreadsheet.title, body: body)
    }

    private static func cell(_ cell: Spreadsheet.Cell) -> String {
        switch cell {
        case .text(let text): "<td>\(HTMLText.escape(text))</td>"
        case .bold(let text): "<td><strong>\(HTMLText.escape(text))</strong></td>"
        case .header(let text): "<th>\(HTMLText.escape(text))</th>"
        case .note(let text): "<td colspan=\"6\">\(HTMLText.escape(text))</td>"
        case .number(let value): "<td class=\"number\">\(OpenDocumentSpreadsheet.french(value))</td>"
        case .euros(let value): "<td class=\"number\">\(OpenDocumentSpreadsheet.french(value)) €</td>"
        case .percent(let value): "<td class=\"number\">\(OpenDocumentSpreadsheet.percent(value))</td>"
        case .input: "<td class=\"input\"></td>"
        case .formula(_, let value, let euros):
            "<td class=\"number\">\(OpenDocumentSpreadsheet.french(value))\(euros ? " €" : "")</td>"
        case .empty: "<td></td>"
        }
    }
}
