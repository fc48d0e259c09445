/// An amount in euros held in cents, so that thresholds and estimates compare exactly
/// (a threshold "from 40 000 €" must not be missed by a floating-point rounding).
public struct EuroAmount: Hashable, Comparable, Codable, Sendable, AdditiveArithmetic, CustomStringConvertible {
    public let cents: Int

    public init(cents: Int) { self.cents = cents }

    public init(euros: Int) { cents = euros * 100 }

    /// The amount nearest to `euros`, to the cent (halves away from zero).
    public init(rounding euros: Double) { cents = Int((euros * 100).rounded()) }

    public static let zero = EuroAmount(cents: 0)

    public var euros: Double { Double(cents) / 100 }

    public static func + (lhs: Self, rhs: Self) -> Self { Self(cents: lhs.cents + rhs.cents) }
    public static func - (lhs: Self, rhs: Self) -> Self { Self(cents: lhs.cents - rhs.cents) }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.cents < rhs.cents }

    /// This amount times `factor`, to the nearest cent.
    public func multiplied(by factor: Double) -> Self { Self(rounding: euros * factor) }

    /// The smallest multiple of `step` at or above this amount (estimates are announced in round figures).
    public func roundedUp(toMultipleOf step: EuroAmount) -> Self {
        guard step.cents > 0 else { return self }
        let quotient = (cents + step.cents - 1) / step.cents
        return Self(cents: max(0, quotient) * step.cents)
    }

    /// `12 345,60 €` in French, `€12,345.60` in English.
    public func formatted(in language: Language) -> String {
        let negative = cents < 0
        let absolute = abs(cents)
        let grouped = language.integer(absolute / 100)
        let fraction = String(format: "%02d", absolute % 100)
        let sign = negative ? "-" : ""
        return language == .french ? "\(sign)\(grouped),\(fraction) €" : "\(sign)€\(grouped).\(fraction)"
    }

    /// `12345.60`: the decimal form XML and spreadsheets take.
    public var plainDecimal: String {
        let absolute = abs(cents)
        return "\(cents < 0 ? "-" : "")\(absolute / 100).\(String(format: "%02d", absolute % 100))"
    }

    public var description: String { plainDecimal }
}
