import Foundation
import ParcoursModel

/// Numbers as people of each language read them: `66,7 %` and `1,25` in French, `66.7%` and
/// `1.25` in English.
struct NumberText {
    let language: Language

    /// A ratio 0…1 as a percentage with one decimal at most.
    func percent(_ ratio: Double) -> String {
        let text = decimal(ratio * 100, fractionDigits: 1)
        return language == .french ? text + "\u{202F}%" : text + "%"
    }

    /// A ratio 0…1 as a whole percentage, for tight chart cells.
    func wholePercent(_ ratio: Double) -> String {
        let text = String(Int((ratio * 100).rounded()))
        return language == .french ? text + "\u{202F}%" : text + "%"
    }

    /// A number with at most `fractionDigits` decimals, trailing zeros dropped.
    func decimal(_ value: Double, fractionDigits: Int = 2) -> String {
        language.decimal(value, fractionDigits: fractionDigits)
    }

    /// An integer with thin-space (French) or comma (English) thousands.
    func integer(_ value: Int) -> String { language.integer(value) }

    /// An amount of euros, cents only when there are some: `1 234,50 €`, `900 €`; `€1,234.50`, `€900`.
    func money(_ value: Double) -> String {
        let cents = Int((abs(value) * 100).rounded())
        var text = integer(cents / 100)
        if cents % 100 != 0 { text += (language == .french ? "," : ".") + String(format: "%02d", cents % 100) }
        let sign = value < 0 && cents > 0 ? "-" : ""
        return language == .french ? sign + text + "\u{A0}€" : sign + "€" + text
    }
}
