/// One element of a catalogue record copied out of libxml2: small, owned by Swift, freed with the
/// record. Mappers read these instead of libxml2 nodes, so they never touch C memory.
public struct XMLRecord: Sendable, Hashable {
    /// The element's local name, e.g. `intitule-formation`.
    public let name: String
    /// The element's namespace URI, empty when none.
    public let namespace: String
    /// Attributes by local name (namespace dropped, except `xsi:type`, see ``typeName``).
    public let attributes: [String: String]
    /// `xsi:type` resolved to (namespace, local name), when present.
    public let typeName: QualifiedName?
    /// The element's own text (concatenated text and CDATA children), as written.
    public let text: String
    public let children: [XMLRecord]
    /// 1-based line of the start tag.
    public let line: Int

    public struct QualifiedName: Sendable, Hashable {
        public let namespace: String
        public let name: String
    }

    public init(
        name: String, namespace: String = "", attributes: [String: String] = [:], typeName: QualifiedName? = nil,
        text: String = "", children: [XMLRecord] = [], line: Int = 0
    ) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.typeName = typeName
        self.text = text
        self.children = children
        self.line = line
    }

    /// The first child with this local name.
    public func child(_ name: String) -> XMLRecord? { children.first { $0.name == name } }

    /// Every child with this local name.
    public func children(_ name: String) -> [XMLRecord] { children.filter { $0.name == name } }

    /// Follows a path of local names (`"periode/debut"`) through first children (compared as
    /// UTF-8 bytes: this runs dozens of times per course).
    public func first(_ path: String) -> XMLRecord? {
        var path = path
        return path.withUTF8 { bytes -> XMLRecord? in
            var current = self
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != UInt8(ascii: "/") { end += 1 }
                let step = UnsafeBufferPointer(rebasing: bytes[start..<end])
                guard let next = current.children.first(where: { FastText.equals($0.name, step) }) else { return nil }
                current = next
                start = end + 1
            }
            return current
        }
    }

    /// The text of the element at `path`, white space collapsed; nil when absent or blank.
    public func value(_ path: String) -> String? {
        guard let text = first(path)?.allText.collapsingWhiteSpace, !text.isEmpty else { return nil }
        return text
    }

    /// The element's text and its descendants' text, in document order.
    public var allText: String {
        children.isEmpty ? text : text + children.map(\.allText).joined(separator: " ")
    }

    /// The first descendant (depth first) with one of these local names.
    public func firstDescendant(named names: Set<String>) -> XMLRecord? {
        for child in children {
            // A few names: comparing is cheaper than hashing every descendant's name.
            if names.contains(where: { $0 == child.name }) { return child }
            if let found = child.firstDescendant(named: names) { return found }
        }
        return nil
    }

    /// The path of local names from this element to the deepest element named `name` whose start
    /// line is at most `line` (the element a validation message at that line speaks of).
    func path(toElementNamed name: String, atOrBefore line: Int) -> [String]? {
        var best: (line: Int, path: [String])?
        func visit(_ element: XMLRecord, _ trail: [String]) {
            let trail = trail + [element.name]
            if element.name == name, element.line <= line, element.line >= (best?.line ?? Int.min) {
                best = (element.line, trail)
            }
            for child in element.children where child.line <= line { visit(child, trail) }
        }
        visit(self, [])
        return best?.path
    }
}

extension String {
    /// The text with runs of white space (spaces, tabs, line breaks, no-break spaces) turned into
    /// one space and the ends trimmed.
    public var collapsingWhiteSpace: String { FastText.collapsingWhiteSpace(self) }
}
