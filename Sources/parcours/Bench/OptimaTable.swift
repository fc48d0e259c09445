import Foundation

/// Published optima read from a CSV with the columns `instance`, `variant`, `optimum` (the schema of
/// `optima.csv` in the shared benchmark folder; other columns are ignored).
struct OptimaTable {
    private struct Row {
        let instance: String
        let variant: String
        let optimum: Double
    }

    private let rows: [Row]

    /// Reads the table; errors name the file, the 1-based line and the field.
    init(contentsOf path: String) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CommandFailure(lines: ["\(path): \(error.localizedDescription)"])
        }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(Self.fields)
        guard let header = lines.first,
            let instance = header.firstIndex(of: "instance"), let optimum = header.firstIndex(of: "optimum")
        else {
            throw CommandFailure(lines: ["\(path): line 1, header: the columns instance and optimum are required"])
        }
        let variant = header.firstIndex(of: "variant")
        var rows: [Row] = []
        for (index, fields) in lines.enumerated().dropFirst() where fields != [""] {
            guard fields.count > max(instance, optimum), let value = Double(fields[optimum]) else {
                throw CommandFailure(lines: ["\(path): line \(index + 1), optimum: not a number"])
            }
            rows.append(Row(instance: fields[instance], variant: variant.map { fields[$0] } ?? "", optimum: value))
        }
        self.rows = rows
    }

    /// The optimum of `instance` for the problem variant: rows of another known variant
    /// (`CFLP-multisource`, `SSCFLP`, `SSCFLP+LB(alpha=A)`) do not match. With a minimum-load fraction
    /// A, a row named `<instance>-lb<100 A>` (as in optima.csv) matches too.
    func optimum(of instance: String, singleSource: Bool, minimumLoadFraction: Double?) -> Double? {
        let wanted: String
        if let fraction = minimumLoadFraction, fraction > 0 {
            wanted = "\(singleSource ? "SSCFLP" : "CFLP")+LB(alpha=\(Self.decimal(fraction)))"
        } else {
            wanted = singleSource ? "SSCFLP" : "CFLP-multisource"
        }
        var names = [instance]
        if let fraction = minimumLoadFraction, fraction > 0 {
            names.append("\(instance)-lb\(Int((fraction * 100).rounded()))")
        }
        for name in names {
            let candidates = rows.filter { $0.instance == name }
            if let row = candidates.first(where: { $0.variant == wanted }) { return row.optimum }
            if let row = candidates.first(where: { !Self.isKnownVariant($0.variant) }) { return row.optimum }
        }
        return nil
    }

    private static func isKnownVariant(_ variant: String) -> Bool {
        variant == "CFLP-multisource" || variant == "SSCFLP" || variant.contains("+LB(alpha=")
    }

    private static func decimal(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// The fields of a CSV line (double quotes protect commas and are dropped).
    private static func fields(_ line: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        for character in line where character != "\r" {
            if character == "\"" {
                quoted.toggle()
            } else if character == ",", !quoted {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
