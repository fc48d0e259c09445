import ParcoursModel

/// Numbers in plan summaries: euros, percentages.
public struct PlanText: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    /// Whole euros with thousands grouped: `12 345 €`, `€12,345`.
    public func euros(_ amount: Double) -> String {
        let grouped = language.integer(Int(abs(amount).rounded()))
        let sign = amount <= -0.5 ? "-" : ""
        return language.pick("\(sign)\(grouped) €", "\(sign)€\(grouped)")
    }

    /// A count with its thousands grouped: `1 411`, `1,411`.
    public func count(_ value: Int) -> String { language.integer(value) }

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
