/// Turns libxml2's validation messages into sentences a provider understands, in French and
/// English, and finds the element they speak of.
enum SchemaMessage {
    struct Translation: Equatable {
        /// Local name of the element the message is about, when it names one.
        let element: String?
        let fr: String
        let en: String
    }

    static func translate(_ raw: String) -> Translation {
        let message = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let element = elementName(in: message)
        let name = element.map { "« \($0) »" } ?? "élément"
        let nameEN = element.map { "'\($0)'" } ?? "element"
        func between(_ start: String, _ end: String) -> String? {
            guard let lower = message.range(of: start),
                let upper = message.range(of: end, range: lower.upperBound..<message.endIndex)
            else { return nil }
            return String(message[lower.upperBound..<upper.lowerBound])
        }
        let expected =
            between("Expected is ( ", " )").map(localNames)
            ?? between("Expected is one of ( ", " )").map(localNames)
        if message.contains("This element is not expected") {
            let suffixFR = expected.map { " ; attendu ici : \($0)" } ?? ""
            let suffixEN = expected.map { "; expected here: \($0)" } ?? ""
            return Translation(
                element: element, fr: "\(name) n'est pas à sa place\(suffixFR)",
                en: "\(nameEN) is not expected here\(suffixEN)")
        }
        if message.contains("Missing child element") {
            let missing = expected ?? "?"
            return Translation(
                element: element, fr: "il manque dans \(name) : \(missing)", en: "\(nameEN) lacks: \(missing)")
        }
        if message.contains("[facet 'minLength']") || message.contains("[facet 'length']")
            || message.contains("[facet 'maxLength']")
        {
            let quoted = quotedValues(message)
            let detailFR = quoted.count >= 2 ? " (\(quoted[0]) caractères au lieu de \(quoted[1]))" : ""
            let detailEN = quoted.count >= 2 ? " (\(quoted[0]) characters instead of \(quoted[1]))" : ""
            let tooShort = message.contains("underruns") || message.contains("minLength")
            return Translation(
                element: element,
                fr: "la valeur de \(name) est trop \(tooShort ? "courte" : "longue")\(detailFR)",
                en: "the value of \(nameEN) is too \(tooShort ? "short" : "long")\(detailEN)")
        }
        if message.contains("[facet 'enumeration']") {
            let value = quotedValues(message).first ?? ""
            let set = between("set {", "}") ?? ""
            return Translation(
                element: element, fr: "la valeur '\(value)' de \(name) n'est pas permise (valeurs permises : \(set))",
                en: "the value '\(value)' of \(nameEN) is not allowed (allowed: \(set))")
        }
        if message.contains("[facet 'pattern']") {
            let value = quotedValues(message).first ?? ""
            return Translation(
                element: element, fr: "la valeur '\(value)' de \(name) n'a pas la forme attendue",
                en: "the value '\(value)' of \(nameEN) does not have the expected form")
        }
        if message.contains("is not a valid value of") {
            let value = quotedValues(message).first ?? ""
            let isNumber = ["xs:long", "xs:integer", "xs:int", "xs:decimal"].contains { message.contains("'\($0)'") }
            return Translation(
                element: element,
                fr: "la valeur '\(value)' de \(name) n'est pas valable" + (isNumber ? " (un nombre est attendu)" : ""),
                en: "the value '\(value)' of \(nameEN) is not valid" + (isNumber ? " (a number is expected)" : ""))
        }
        if message.contains("does not resolve to a type definition") {
            return Translation(
                element: element,
                fr:
                    "\(name) porte un type (xsi:type) d'un schéma d'extension que Parcours ne connaît pas : élément non vérifié",
                en: "\(nameEN) carries a type (xsi:type) from an extension schema Parcours does not have: not checked")
        }
        if message.contains("No matching global declaration") {
            return Translation(
                element: element, fr: "\(name) n'est pas un élément racine connu du schéma",
                en: "\(nameEN) is not a root element known to the schema")
        }
        if message.contains("is required but missing") {
            let attribute = quotedValues(message).first ?? "?"
            return Translation(
                element: element, fr: "il manque l'attribut '\(attribute)' à \(name)",
                en: "\(nameEN) lacks the attribute '\(attribute)'")
        }
        return Translation(
            element: element, fr: "non conforme au schéma : \(plain(message))",
            en: "does not follow the schema: \(plain(message))")
    }

    /// The local name in `Element '{namespace}name'` or `Element 'prefix:name'`.
    static func elementName(in message: String) -> String? {
        guard let start = message.range(of: "Element '") else { return nil }
        let rest = message[start.upperBound...]
        guard let end = rest.firstIndex(of: "'") else { return nil }
        var name = rest[..<end]
        if let brace = name.lastIndex(of: "}") { name = name[name.index(after: brace)...] }
        if let colon = name.lastIndex(of: ":") { name = name[name.index(after: colon)...] }
        return String(name)
    }

    /// `{ns}a, {ns}b` → `a, b`.
    private static func localNames(_ list: String) -> String {
        plain(list)
    }

    /// Drops `{namespace}` prefixes.
    private static func plain(_ text: String) -> String {
        var result = ""
        var inBraces = false
        for character in text {
            if character == "{" {
                inBraces = true
            } else if character == "}" {
                inBraces = false
            } else if !inBraces {
                result.append(character)
            }
        }
        return result
    }

    /// The values between single quotes after the element name and the facet name, in order.
    private static func quotedValues(_ message: String) -> [String] {
        var rest = message.range(of: "': ").map { String(message[$0.upperBound...]) } ?? message
        if rest.hasPrefix("[facet "), let end = rest.firstIndex(of: "]") {
            rest = String(rest[rest.index(after: end)...])
        }
        let pieces = rest.split(separator: "'", omittingEmptySubsequences: false)
        return stride(from: 1, to: pieces.count, by: 2).map { String(pieces[$0]) }
    }
}
