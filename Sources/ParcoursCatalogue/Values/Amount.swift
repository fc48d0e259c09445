/// Reads amounts and numbers the way providers write them: `1 250,00`, `1250.00`, `1.250,00 €`,
/// `GBP155.00`, `14 h`.
enum Amount {
    /// The first number in `text`; nil when there is none.
    static func parse(_ text: String) -> Double? {
        // Fast path: plain `14`, `450.00` (what LHEO writes).
        let utf8 = text.utf8
        if !utf8.isEmpty, utf8.first != UInt8(ascii: "."), utf8.last != UInt8(ascii: "."),
            utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") }),
            utf8.lazy.filter({ $0 == UInt8(ascii: ".") }).count <= 1
        {
            return Double(text)
        }
        let allowedInside: Set<Character> = [" ", "\u{00A0}", "\u{202F}", ".", ",", "'"]
        guard let start = text.firstIndex(where: \.isASCIIDigitCharacter) else { return nil }
        var token = ""
        var index = start
        while index < text.endIndex, text[index].isASCIIDigitCharacter || allowedInside.contains(text[index]) {
            token.append(text[index])
            index = text.index(after: index)
        }
        var compact = token.filter { $0.isASCIIDigitCharacter || $0 == "." || $0 == "," }
        while let last = compact.last, last == "." || last == "," { compact.removeLast() }
        let lastComma = compact.lastIndex(of: ",")
        let lastDot = compact.lastIndex(of: ".")
        let decimal: Character?
        switch (lastComma, lastDot) {
        case (.some(let comma), .some(let dot)): decimal = comma > dot ? "," : "."
        case (.some, nil): decimal = compact.filter { $0 == "," }.count == 1 ? "," : nil
        case (nil, .some):
            // `1.250.000` groups thousands; a single dot is a decimal point.
            decimal = compact.filter { $0 == "." }.count == 1 ? "." : nil
        case (nil, nil): decimal = nil
        }
        var normalised = ""
        let decimalIndex = decimal.flatMap { $0 == "," ? lastComma : lastDot }
        for position in compact.indices {
            let character = compact[position]
            if character.isASCIIDigitCharacter {
                normalised.append(character)
            } else if position == decimalIndex {
                normalised.append(".")
            }
        }
        return Double(normalised)
    }

    /// A whole number of seats or hours: digits only (spaces allowed around).
    static func wholeNumber(_ text: String) -> Int? {
        Int(FastText.trimmed(Substring(text)))
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
