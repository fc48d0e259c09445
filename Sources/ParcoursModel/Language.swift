import Foundation

/// The language of everything Parcours writes for people.
public enum Language: String, Hashable, Codable, Sendable, CaseIterable {
    case french = "fr"
    case english = "en"

    /// The language asked for by a POSIX locale environment (`LC_ALL`, `LC_MESSAGES`, `LANG`),
    /// French when none names English.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("en") ? .english : .french
        }
        return .french
    }

    /// Picks the French or English text.
    public func pick(_ french: String, _ english: String) -> String {
        self == .french ? french : english
    }

    /// An integer with its thousands grouped: `12 345` (narrow no-break spaces) in French, `12,345` in English.
    public func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped += self == .french ? "\u{202F}" : "," }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// A number with at most `fractionDigits` decimals, trailing zeros dropped, with a decimal comma in
    /// French: `1,25` and `1.25`.
    public func decimal(_ value: Double, fractionDigits: Int = 2) -> String {
        var text = String(format: "%.\(fractionDigits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        if text == "-0" { text = "0" }
        return self == .french ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}
