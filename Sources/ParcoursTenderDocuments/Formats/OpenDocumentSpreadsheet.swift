import Foundation
import ParcoursOutput

/// Saves a ``Spreadsheet`` as OpenDocument spreadsheet (`.ods`): totals are `table:formula` cells with
/// their current value, so the file shows right before recalculation and stays right after.
enum OpenDocumentSpreadsheet {
    static func data(_ spreadsheet: Spreadsheet) -> Data {
        OpenDocumentPackage.data(
            mediaType: "application/vnd.oasis.opendocument.spreadsheet", title: spreadsheet.title,
            content: content(spreadsheet), styles: OpenDocumentPackage.styles(spreadsheet: true))
    }

    static func content(_ spreadsheet: Spreadsheet) -> String {
        var automatic = """
             <number:currency-style style:name="EurosNumber" number:language="fr" number:country="FR"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/><number:text> </number:text><number:currency-symbol number:language="fr" number:country="FR">€</number:currency-symbol></number:currency-style>
             <style:style style:name="Euros" style:family="table-cell" style:data-style-name="EurosNumber"/>
             <number:percentage-style style:name="PercentNumber"><number:number number:decimal-places="0" number:min-integer-digits="1"/><number:text> %</number:text></number:percentage-style>
             <style:style style:name="Percent" style:family="table-cell" style:data-style-name="PercentNumber"/>
             <style:style style:name="Input" style:family="table-cell" style:data-style-name="EurosNumber"><style:table-cell-properties fo:background-color="#fff2cc" fo:border="0.5pt solid #808080"/></style:style>
             <style:style style:name="Bold" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style>
             <style:style style:name="Header" style:family="table-cell"><style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="bottom" fo:background-color="#dde4ee"/><style:text-properties fo:font-weight="bold"/></style:style>
             <style:style style:name="Text" style:family="table-cell"><style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="top"/></style:style>
             <style:style style:name="Sheet" style:family="table" style:master-page-name="Default"><style:table-properties table:display="true"/></style:style>

            """
        var body = ""
        for (sheetIndex, sheet) in spreadsheet.sheets.enumerated() {
            for (index, width) in sheet.widths.enumerated() {
                automatic +=
                    " <style:style style:name=\"co\(sheetIndex)-\(index)\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"\(width)cm\"/></style:style>\n"
            }
            body += "<table:table table:name=\"\(HTMLText.escape(sheet.name))\" table:style-name=\"Sheet\">"
            for index in sheet.widths.indices {
                body += "<table:table-column table:style-name=\"co\(sheetIndex)-\(index)\"/>"
            }
            for row in sheet.rows {
                body += "<table:table-row>" + row.map(cell).joined() + "</table:table-row>"
            }
            body += "</table:table>\n"
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content \(OpenDocumentPackage.namespaces) office:version="1.3">
            <office:automatic-styles>
            \(automatic)</office:automatic-styles>
            <office:body><office:spreadsheet>
            \(body)</office:spreadsheet></office:body></office:document-content>
            """
    }

    static func cell(_ cell: Spreadsheet.Cell) -> String {
        switch cell {
        case .text(let text):
            return
                "<table:table-cell table:style-name=\"Text\" office:value-type=\"string\"><text:p>\(HTMLText.escape(text))</text:p></table:table-cell>"
        case .note(let text):
            return
                "<table:table-cell office:value-type=\"string\"><text:p>\(HTMLText.escape(text))</text:p></table:table-cell>"
        case .header(let text):
            return
                "<table:table-cell table:style-name=\"Header\" office:value-type=\"string\"><text:p>\(HTMLText.escape(text))</text:p></table:table-cell>"
        case .bold(let text):
            return
                "<table:table-cell table:style-name=\"Bold\" office:value-type=\"string\"><text:p>\(HTMLText.escape(text))</text:p></table:table-cell>"
        case .number(let value):
            return
                "<table:table-cell office:value-type=\"float\" office:value=\"\(decimal(value))\"><text:p>\(french(value))</text:p></table:table-cell>"
        case .euros(let value):
            return
                "<table:table-cell table:style-name=\"Euros\" office:value-type=\"currency\" office:currency=\"EUR\" office:value=\"\(decimal(value))\"><text:p>\(french(value)) €</text:p></table:table-cell>"
        case .percent(let value):
            return
                "<table:table-cell table:style-name=\"Percent\" office:value-type=\"percentage\" office:value=\"\(decimal(value))\"><text:p>\(percent(value))</text:p></table:table-cell>"
        case .input:
            return "<table:table-cell table:style-name=\"Input\"/>"
        case .formula(let expression, let value, let euros):
            let type =
                euros
                ? "table:style-name=\"Euros\" office:value-type=\"currency\" office:currency=\"EUR\""
                : "office:value-type=\"float\""
            return
                "<table:table-cell table:formula=\"of:=\(HTMLText.escape(expression))\" \(type) office:value=\"\(decimal(value))\"><text:p>\(french(value))\(euros ? " €" : "")</text:p></table:table-cell>"
        case .empty:
            return "<table:table-cell/>"
        }
    }

    /// `1234.5` → `1234.5` (the stored value, always with a point).
    static func decimal(_ value: Double) -> String {
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// `0.21` → `21 %` (decimals only when the rate has them: `5,5 %`).
    static func percent(_ value: Double) -> String {
        var text = String(format: "%.2f", value * 100)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text.replacingOccurrences(of: ".", with: ",") + " %"
    }

    /// `1234,50` as French readers see it.
    static func french(_ value: Double) -> String {
        String(format: "%.2f", value).replacingOccurrences(of: ".", with: ",")
    }
}
