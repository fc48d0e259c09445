import Foundation

/// One line of `parcours bench cflp`'s report.
struct CFLPReportRow {
    let instance: String
    let objective: Double?
    let bound: Double?
    let optimum: Double?
    let seconds: Double

    /// (objective − optimum) / optimum.
    var gapToOptimum: Double? {
        guard let objective, let optimum, optimum != 0 else { return nil }
        return (objective - optimum) / abs(optimum)
    }

    /// (objective − bound) / objective.
    var gapToBound: Double? {
        guard let objective, let bound, bound.isFinite, objective != 0 else { return nil }
        return (objective - bound) / abs(objective)
    }

    private static let widths = [14, 16, 16, 13, 15, 9]

    /// The column titles, aligned as the rows.
    static func header(_ titles: [String]) -> String {
        zip(titles, widths).map { $0.0.padding(toLength: $0.1, withPad: " ", startingAt: 0) }.joined()
            .trimmingTrailingSpaces
    }

    /// The row as aligned text (percentages for gaps, "-" when unknown).
    var text: String {
        let cells = [
            instance, Self.number(objective, digits: 3), Self.number(bound, digits: 3),
            Self.percent(gapToBound), Self.percent(gapToOptimum), Self.number(seconds, digits: 3),
        ]
        return zip(cells, Self.widths).map {
            $0.0.padding(toLength: max($0.1, $0.0.count + 1), withPad: " ", startingAt: 0)
        }
        .joined().trimmingTrailingSpaces
    }

    /// The row as one JSON object.
    var json: String {
        let fields = [
            ("instance", "\"\(Self.escaped(instance))\""), ("objective", Self.json(objective)),
            ("bound", Self.json(bound)), ("seconds", Self.json(seconds)), ("optimum", Self.json(optimum)),
            ("gapToOptimum", Self.json(gapToOptimum)),
        ]
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    private static func json(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        return "\(value)"
    }

    private static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func number(_ value: Double?, digits: Int) -> String {
        guard let value, value.isFinite else { return "-" }
        return String(format: "%.\(digits)f", value)
    }

    private static func percent(_ value: Double?) -> String {
        guard let value else { return "-" }
        return String(format: "%.4f%%", value * 100)
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
