/// The lines of an iCalendar object (RFC 5545 §3.1): each property as `NAME;PARAMS:value`, text
/// values escaped, lines folded at 75 octets without cutting a UTF-8 character, CRLF after each.
struct ContentLines {
    private(set) var text = ""

    /// Appends a property whose value is written as is (dates, numbers, keywords).
    mutating func raw(_ name: String, _ value: String) {
        append("\(name):\(value)")
    }

    /// Appends a TEXT property: backslash, semicolon, comma and line breaks escaped (§3.3.11).
    mutating func text(_ name: String, _ value: String) {
        append("\(name):\(Self.escape(value))")
    }

    mutating func begin(_ component: String) { raw("BEGIN", component) }
    mutating func end(_ component: String) { raw("END", component) }

    /// Escapes a TEXT value: `\` `;` `,` get a backslash, a line break becomes `\n`.
    static func escape(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\r\n", "\n", "\r": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Folds a line longer than 75 octets (§3.1): CRLF and a space before each further chunk of at most
    /// 74 octets, never inside a multi-byte UTF-8 character.
    static func fold(_ line: String) -> String {
        let bytes = Array(line.utf8)
        guard bytes.count > 75 else { return line + "\r\n" }
        var folded: [UInt8] = []
        var start = 0
        var limit = 75
        while start < bytes.count {
            var end = min(bytes.count, start + limit)
            // A continuation byte (10xxxxxx) cannot start a chunk: step back to the character's start.
            while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end -= 1 }
            if start > 0 { folded += [0x20] }
            folded += bytes[start..<end]
            folded += [0x0D, 0x0A]
            start = end
            limit = 74
        }
        return String(decoding: folded, as: UTF8.self)
    }

    private mutating func append(_ line: String) {
        text += Self.fold(line)
    }
}
