import ParcoursOutput

/// Builds indented XML text, element by element.
struct XMLWriter {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var open: [String] = []

    private var indent: String { String(repeating: "\t", count: open.count) }

    private static func attributes(_ attributes: KeyValuePairs<String, String>) -> String {
        attributes.map { " \($0.key)=\"\(HTMLText.escape($0.value))\"" }.joined()
    }

    mutating func start(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        text += "\(indent)<\(name)\(Self.attributes(attributes))>\n"
        open.append(name)
    }

    mutating func end() {
        let name = open.removeLast()
        text += "\(indent)</\(name)>\n"
    }

    mutating func leaf(_ name: String, _ value: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        text += "\(indent)<\(name)\(Self.attributes(attributes))>\(HTMLText.escape(value))</\(name)>\n"
    }

    /// `start`, the body, `end`.
    mutating func element(
        _ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ body: (inout XMLWriter) -> Void
    ) {
        start(name, attributes)
        body(&self)
        end()
    }
}
