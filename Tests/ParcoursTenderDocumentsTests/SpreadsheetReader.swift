import Foundation
import ParcoursTenderDocuments

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads an `.ods` back (cells' values, formulas and text) and recomputes the formulas Parcours writes:
/// `ROUND(a*b;2)`, `SUM(range)`, `a+b` and references to cells of the same or another sheet.
final class SpreadsheetReader: NSObject, XMLParserDelegate {
    struct Cell {
        var value: Double?
        var formula: String?
        var text = ""
    }

    private(set) var sheets: [(name: String, rows: [[Cell]])] = []
    private var cell: Cell?

    init?(url: URL) {
        super.init()
        guard let archive = try? Data(contentsOf: url), let entries = StoredZIP.entries(of: archive),
            entries.first?.path == "mimetype",
            let content = entries.first(where: { $0.path == "content.xml" })?.data
        else { return nil }
        let parser = XMLParser(data: content)
        parser.delegate = self
        guard parser.parse() else { return nil }
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "table:table": sheets.append((attributes["table:name"] ?? "", []))
        case "table:table-row": sheets[sheets.count - 1].rows.append([])
        case "table:table-cell":
            cell = Cell(value: attributes["office:value"].flatMap(Double.init), formula: attributes["table:formula"])
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { cell?.text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "table:table-cell", let cell {
            let last = sheets.count - 1
            sheets[last].rows[sheets[last].rows.count - 1].append(cell)
            self.cell = nil
        }
    }

    func sheet(_ name: String) -> [[Cell]]? { sheets.first { $0.name == name }?.rows }

    /// The cell at `B12` of a sheet.
    func cell(_ reference: String, in sheet: String) -> Cell? {
        let letters = reference.prefix { $0.isLetter }
        guard let row = Int(reference.dropFirst(letters.count)), let rows = self.sheet(sheet) else { return nil }
        let column = letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
        guard rows.indices.contains(row - 1), rows[row - 1].indices.contains(column) else { return nil }
        return rows[row - 1][column]
    }

    /// The value of a formula of `sheet` recomputed from the cells it names (empty cells count 0).
    func evaluate(_ formula: String, in sheet: String) -> Double? {
        var expression = formula
        guard expression.hasPrefix("of:=") else { return nil }
        expression.removeFirst(4)
        return evaluateExpression(expression, in: sheet)
    }

    private func evaluateExpression(_ expression: String, in sheet: String) -> Double? {
        if expression.hasPrefix("ROUND("), expression.hasSuffix(";2)") {
            let inner = String(expression.dropFirst(6).dropLast(3))
            return evaluateExpression(inner, in: sheet).map { ($0 * 100).rounded() / 100 }
        }
        if expression.hasPrefix("SUM("), expression.hasSuffix(")") {
            let range = expression.dropFirst(5).dropLast(2)  // "[.F4:.F9]" without brackets
            let parts = range.split(separator: ":").map { $0.replacingOccurrences(of: ".", with: "") }
            guard parts.count == 2 else { return nil }
            let (first, last) = (parts[0], parts[1])
            let column = String(first.prefix { $0.isLetter })
            guard column == String(last.prefix { $0.isLetter }), let from = Int(first.dropFirst(column.count)),
                let to = Int(last.dropFirst(column.count))
            else { return nil }
            return (from...to).map { cell("\(column)\($0)", in: sheet)?.value ?? 0 }.reduce(0, +)
        }
        for operation in ["*", "+"] where expression.contains("]\(operation)[") {
            let operands = expression.components(separatedBy: "]\(operation)[").map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            }
            let values = operands.map { reference(String($0), in: sheet) }
            guard values.allSatisfy({ $0 != nil }) else { return nil }
            return operation == "*" ? values.map { $0 ?? 0 }.reduce(1, *) : values.map { $0 ?? 0 }.reduce(0, +)
        }
        return reference(expression.trimmingCharacters(in: CharacterSet(charactersIn: "[]")), in: sheet)
    }

    /// `.F4` (same sheet) or `$'Lot 1'.F9`.
    private func reference(_ text: String, in sheet: String) -> Double? {
        if text.hasPrefix("$'"), let end = text.range(of: "'.") {
            let name = String(text[text.index(text.startIndex, offsetBy: 2)..<end.lowerBound])
            return cell(String(text[end.upperBound...]), in: name).map { $0.value ?? 0 }
        }
        return cell(String(text.dropFirst()), in: sheet).map { $0.value ?? 0 }
    }
}
