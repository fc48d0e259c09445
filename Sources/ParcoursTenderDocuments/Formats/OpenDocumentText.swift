import Foundation
import ParcoursOutput

/// Saves a ``TextDocument`` as OpenDocument text (`.odt`), which Word and LibreOffice open and edit.
enum OpenDocumentText {
    static func data(_ document: TextDocument) -> Data {
        OpenDocumentPackage.data(
            mediaType: "application/vnd.oasis.opendocument.text", title: document.title,
            content: content(document), styles: OpenDocumentPackage.styles())
    }

    static func content(_ document: TextDocument) -> String {
        var body = """
            <text:p text:style-name="Title">\(HTMLText.escape(document.title))</text:p>
            <text:p text:style-name="Subtitle">\(HTMLText.escape(document.subtitle))</text:p>

            """
        var tables = 0
        var columnStyles = ""
        var breakNext = false
        for block in document.blocks {
            let style = breakNext ? "Break" : nil
            breakNext = false
            switch block {
            case .heading(let level, let text):
                let name = style ?? "Heading_20_\(min(level, 3))"
                body +=
                    "<text:h text:style-name=\"\(name)\" text:outline-level=\"\(min(level, 3))\">\(HTMLText.escape(text))</text:h>\n"
            case .paragraph(let text):
                body += "<text:p text:style-name=\"\(style ?? "Standard")\">\(HTMLText.escape(text))</text:p>\n"
            case .emphasis(let text):
                body += "<text:p text:style-name=\"\(style ?? "Strong")\">\(HTMLText.escape(text))</text:p>\n"
            case .field(let label):
                body += "<text:p text:style-name=\"Field\">\(HTMLText.escape(label)) :</text:p>\n"
            case .bullets(let items):
                body += "<text:list>"
                for item in items {
                    body += "<text:list-item><text:p>\(HTMLText.escape(item))</text:p></text:list-item>"
                }
                body += "</text:list>\n"
            case .table(let table):
                tables += 1
                body += "<table:table table:name=\"Tableau\(tables)\" table:style-name=\"Table\">"
                for (index, width) in columnWidths(table).enumerated() {
                    let name = "Tableau\(tables)-\(index)"
                    columnStyles +=
                        " <style:style style:name=\"\(name)\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"\(String(format: "%.2f", width))cm\"/></style:style>\n"
                    body += "<table:table-column table:style-name=\"\(name)\"/>"
                }
                body += row(table.header, paragraph: "Table_20_Heading", cell: "HeaderCell")
                for cells in table.rows { body += row(cells, paragraph: "Table_20_Contents", cell: "Cell") }
                body += "</table:table>\n"
            case .pageBreak:
                breakNext = true
            }
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content \(OpenDocumentPackage.namespaces) office:version="1.3">
            <office:automatic-styles>
             <style:style style:name="Break" style:family="paragraph" style:parent-style-name="Heading_20_1"><style:paragraph-properties fo:break-before="page"/></style:style>
             <style:style style:name="Table" style:family="table"><style:table-properties style:width="17cm" table:align="margins"/></style:style>
             <style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #808080" fo:padding="0.08cm"/></style:style>
             <style:style style:name="HeaderCell" style:family="table-cell"><style:table-cell-properties fo:background-color="#dde4ee" fo:border="0.5pt solid #808080" fo:padding="0.08cm"/></style:style>
            \(columnStyles)</office:automatic-styles>
            <office:body><office:text>
            \(body)</office:text></office:body></office:document-content>
            """
    }

    /// Column widths sharing the 17 cm text width in proportion to each column's longest text (its longest
    /// word and 7 characters at least, 28 at most), so that short columns stay narrow and none is crushed.
    static func columnWidths(_ table: TextDocument.Table) -> [Double] {
        let weights = table.header.indices.map { column in
            let cells = ([table.header] + table.rows).compactMap { $0.indices.contains(column) ? $0[column] : nil }
            let longest = cells.map(\.count).max() ?? 1
            let word = cells.flatMap { $0.split(separator: " ") }.map(\.count).max() ?? 1
            return Double(min(max(longest, word + 2, 7), 28))
        }
        let total = weights.reduce(0, +)
        let widths = weights.map { 17 * $0 / total }
        // No word is cut: a column is at least as wide as its longest word (a line may break after a hyphen;
        // header words are bold, wider), about 0.17 cm a character at 9.5 pt plus the cell's padding; the
        // other columns give up that room.
        func longestWord(_ texts: [String]) -> Double {
            let words = texts.flatMap { $0.split(separator: " ") }.flatMap { $0.split(separator: "-") }
            return Double(words.map { $0.count + 1 }.max() ?? 0)
        }
        let minimums = table.header.indices.map { column in
            let cells = table.rows.compactMap { $0.indices.contains(column) ? $0[column] : nil }
            return max(longestWord([table.header[column]]) * 1.12, longestWord(cells)) * 0.17 + 0.3
        }
        let widened = zip(widths, minimums).map { max($0, $1) }
        let extra = widened.reduce(0, +) - 17
        let shrinkable = zip(widened, minimums).map { $0 - $1 }.reduce(0, +)
        guard extra > 0 else { return widened }
        guard shrinkable > extra else { return widths }
        return zip(widened, minimums).map { width, minimum in width - (width - minimum) * extra / shrinkable }
    }

    private static func row(_ cells: [String], paragraph: String, cell: String) -> String {
        "<table:table-row>"
            + cells.map {
                "<table:table-cell table:style-name=\"\(cell)\" office:value-type=\"string\"><text:p text:style-name=\"\(paragraph)\">\(HTMLText.escape($0))</text:p></table:table-cell>"
            }.joined() + "</table:table-row>"
    }
}
