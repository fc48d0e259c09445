import ParcoursModel

/// Numbers in plan summaries: euros, percentages.
public struct PlanText: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    /// Whole euros with thousands grouped: `12 345 €`, `€12,345`.
    public func euros(_ amount: Double) -> String {
        let digits = String(Int(abs(amount).rounded()))
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += language.pick("\u{202F}", ",") }
            grouped.append(character)
        }
        let sign = amount <= -0.5 ? "-" : ""
        return language.pick("\(sign)\(grouped) €", "\(sign)€\(grouped)")
    }

    /// A ratio as a percentage; "–" when it is not finite (a gap without a bound).
    public func percent(_ ratio: Double) -> String {
        guard ratio.isFinite else { return "–" }
        return language.pick(
            "\(language.decimal(ratio * 100, fractionDigits: 1)) %",
            "\(language.decimal(ratio * 100, fractionDigits: 1))%")
    }

    /// A difference of two ratios, in percentage points.
    public func points(_ ratio: Double) -> String {
        language.pick(
            "\(language.decimal(ratio * 100, fractionDigits: 1)) pt",
            "\(language.decimal(ratio * 100, fractionDigits: 1)) pt")
    }

    public func kilometres(_ distance: Double) -> String { "\(language.decimal(distance, fractionDigits: 1)) km" }
}
