import Synchronization

/// The element and attribute names a format's mapper reads, numbered once: the reader codes each
/// libxml2 name it meets by this table (one lookup per distinct name of the file), and a record's
/// elements are then found by comparing numbers. Names outside the table still work, by text.
final class ElementTable: Sendable {
    let names: [String]
    let codes: [String: Int32]
    /// Paths the mappers asked for (`periode/debut`), by the codes of their steps: one lookup per
    /// path instead of one per step. Only paths whose every step is in the table, at most
    /// `maximumPaths` of them (the mappers' paths are a few dozen constants).
    private let paths = Mutex<[String: [Int32]]>([:])
    private static let maximumPaths = 256

    init(_ names: [String]) {
        let unique = Array(Set(names)).sorted()
        self.names = unique
        codes = Dictionary(uniqueKeysWithValues: unique.enumerated().map { ($1, Int32($0)) })
    }

    var count: Int32 { Int32(names.count) }

    /// The codes of the steps of `path` (names separated by `/`); nil when a step is not in the table.
    func codes(ofPath path: String) -> [Int32]? {
        if let known = paths.withLock({ $0[path] }) { return known }
        var steps: [Int32] = []
        for step in path.split(separator: "/") {
            guard let code = codes[String(step)] else { return nil }
            steps.append(code)
        }
        paths.withLock { known in
            if known.count < Self.maximumPaths { known[path] = steps }
        }
        return steps
    }
}

/// One record read whole (a course, or a provider detail), copied out of libxml2 into flat
/// arrays: its elements in document order, linked to their parent, first child and next sibling,
/// and their text and attribute values in one byte buffer. A record costs a handful of
/// allocations whatever its size; strings are made only for the values a mapper asks for.
final class XMLTree: Sendable {
    struct Node: Sendable {
        /// Code in ``ElementTable``, or above it for a name outside the table (see `otherNames`).
        var name: Int32
        var parent: Int32
        var firstChild: Int32 = -1
        var lastChild: Int32 = -1
        var nextSibling: Int32 = -1
        /// One past the last descendant.
        var end: Int32
        var line: Int32
        /// The element's own text: a chain of spans of `bytes` (text and CDATA children).
        var firstText: Int32 = -1
        var lastText: Int32 = -1
        var attributeStart: Int32
        var attributeEnd: Int32
        /// Index in `typeNames` of the element's `xsi:type`, -1 when none.
        var typeName: Int32 = -1
    }

    struct Span: Sendable {
        let start: Int
        let count: Int
        var next: Int32 = -1
    }

    struct Attribute: Sendable {
        let name: Int32
        let value: Span
    }

    let table: ElementTable
    let nodes: [Node]
    let bytes: [UInt8]
    let texts: [Span]
    let attributes: [Attribute]
    let typeNames: [XMLRecord.QualifiedName]
    /// The names outside the table that this record uses, by code.
    let otherNames: [(code: Int32, name: String)]

    init(_ builder: consuming XMLTreeBuilder) {
        table = builder.table
        nodes = builder.nodes
        bytes = builder.bytes
        texts = builder.texts
        attributes = builder.attributes
        typeNames = builder.typeNames
        otherNames = builder.otherNames
    }

    func name(_ code: Int32) -> String {
        code < table.count ? table.names[Int(code)] : otherNames.first { $0.code == code }?.name ?? ""
    }

    /// The code of `name` in this record; nil when no element or attribute of it has that name.
    func code(_ name: String) -> Int32? {
        table.codes[name] ?? otherNames.first { $0.name == name }?.code
    }

    func string(_ span: Span) -> String {
        bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[span.start..<span.start + span.count]), as: UTF8.self)
        }
    }

    /// The element's text and its descendants', white space collapsed; read in place when it is
    /// one piece of text (a leaf, the usual case).
    func collapsedText(of index: Int32) -> String {
        let node = nodes[Int(index)]
        if node.firstChild < 0, node.firstText >= 0, node.firstText == node.lastText {
            let span = texts[Int(node.firstText)]
            return bytes.withUnsafeBufferPointer {
                FastText.collapsingWhiteSpace(UnsafeBufferPointer(rebasing: $0[span.start..<span.start + span.count]))
            }
        }
        var text: [UInt8] = []
        appendText(of: index, all: true, to: &text)
        return text.withUnsafeBufferPointer { FastText.collapsingWhiteSpace($0) }
    }

    /// Appends the element's own text (`all`: and its descendants', as ``XMLRecord/allText``).
    func appendText(of index: Int32, all: Bool, to output: inout [UInt8]) {
        let node = nodes[Int(index)]
        var span = node.firstText
        while span >= 0 {
            let text = texts[Int(span)]
            output.append(contentsOf: bytes[text.start..<text.start + text.count])
            span = text.next
        }
        guard all else { return }
        var child = node.firstChild
        var first = true
        while child >= 0 {
            if !first { output.append(0x20) }
            first = false
            appendText(of: child, all: true, to: &output)
            child = nodes[Int(child)].nextSibling
        }
    }
}

/// Builds an ``XMLTree`` element by element as the reader streams by.
struct XMLTreeBuilder {
    let table: ElementTable
    var nodes: [XMLTree.Node] = []
    var bytes: [UInt8] = []
    var texts: [XMLTree.Span] = []
    var attributes: [XMLTree.Attribute] = []
    var typeNames: [XMLRecord.QualifiedName] = []
    var otherNames: [(code: Int32, name: String)] = []
    /// Elements opened and not yet closed, outermost first.
    private(set) var open: [Int32] = []

    init(table: ElementTable, capacity: (nodes: Int, bytes: Int)) {
        self.table = table
        nodes.reserveCapacity(capacity.nodes)
        bytes.reserveCapacity(capacity.bytes)
        texts.reserveCapacity(capacity.nodes)
    }

    var isComplete: Bool { open.isEmpty && !nodes.isEmpty }

    /// Opens an element under the innermost open one; `attributes` are added right after.
    mutating func openElement(name: Int32, line: Int) {
        let index = Int32(nodes.count)
        let parent = open.last ?? -1
        nodes.append(
            XMLTree.Node(
                name: name, parent: parent, end: index + 1, line: Int32(clamping: line),
                attributeStart: Int32(attributes.count), attributeEnd: Int32(attributes.count)))
        if parent >= 0 {
            let last = nodes[Int(parent)].lastChild
            if last >= 0 { nodes[Int(last)].nextSibling = index } else { nodes[Int(parent)].firstChild = index }
            nodes[Int(parent)].lastChild = index
        }
        open.append(index)
    }

    mutating func addAttribute(name: Int32, value: UnsafeBufferPointer<UInt8>) {
        attributes.append(XMLTree.Attribute(name: name, value: append(value)))
        nodes[Int(open.last!)].attributeEnd = Int32(attributes.count)
    }

    mutating func setTypeName(_ typeName: XMLRecord.QualifiedName) {
        nodes[Int(open.last!)].typeName = Int32(typeNames.count)
        typeNames.append(typeName)
    }

    mutating func addText(_ text: UnsafeBufferPointer<UInt8>) {
        let index = Int32(texts.count)
        texts.append(append(text))
        let owner = Int(open.last!)
        let last = nodes[owner].lastText
        if last >= 0 { texts[Int(last)].next = index } else { nodes[owner].firstText = index }
        nodes[owner].lastText = index
    }

    mutating func closeElement() {
        let index = Int(open.removeLast())
        nodes[index].end = Int32(nodes.count)
    }

    mutating func noteOtherName(code: Int32, name: String) {
        if !otherNames.contains(where: { $0.code == code }) { otherNames.append((code, name)) }
    }

    private mutating func append(_ text: UnsafeBufferPointer<UInt8>) -> XMLTree.Span {
        let start = bytes.count
        bytes.append(contentsOf: text)
        return XMLTree.Span(start: start, count: text.count)
    }
}

/// One element of a catalogue record: a view into its record's ``XMLTree``. Mappers read these
/// instead of libxml2 nodes, so they never touch C memory.
struct XMLRecord: Sendable {
    let tree: XMLTree
    let index: Int32

    struct QualifiedName: Sendable, Hashable {
        let namespace: String
        let name: String
    }

    init(tree: XMLTree, index: Int32) {
        self.tree = tree
        self.index = index
    }

    /// A record of one element holding `text` (for tests of the record pipeline).
    init(name: String, text: String = "", line: Int = 0) {
        var builder = XMLTreeBuilder(table: ElementTable([name]), capacity: (1, text.utf8.count))
        builder.openElement(name: 0, line: line)
        var text = text
        text.withUTF8 { builder.addText($0) }
        builder.closeElement()
        self.init(tree: XMLTree(builder), index: 0)
    }

    private var node: XMLTree.Node { tree.nodes[Int(index)] }

    /// The element's local name, e.g. `intitule-formation`.
    var name: String { tree.name(node.name) }

    /// Whether the element's local name is `name`.
    func isNamed(_ name: String) -> Bool { tree.code(name) == node.name }

    /// The code of the element's local name in its record (see ``XMLTree/code(_:)``).
    var nameCode: Int32 { node.name }

    /// 1-based line of the start tag.
    var line: Int { Int(node.line) }

    /// `xsi:type` resolved to (namespace, local name), when present.
    var typeName: QualifiedName? { node.typeName >= 0 ? tree.typeNames[Int(node.typeName)] : nil }

    /// Attributes by local name (namespace dropped, except `xsi:type`, see ``typeName``).
    var attributes: Attributes { Attributes(element: self) }

    struct Attributes {
        let element: XMLRecord

        subscript(name: String) -> String? {
            let tree = element.tree
            let node = element.node
            guard node.attributeStart < node.attributeEnd, let code = tree.code(name) else { return nil }
            // The last of equal names wins, as in a dictionary filled in document order.
            for index in (Int(node.attributeStart)..<Int(node.attributeEnd)).reversed()
            where tree.attributes[index].name == code {
                return tree.string(tree.attributes[index].value)
            }
            return nil
        }
    }

    /// The element's own text (concatenated text and CDATA children), as written.
    var text: String {
        let node = self.node
        if node.firstText >= 0, node.firstText == node.lastText { return tree.string(tree.texts[Int(node.firstText)]) }
        var bytes: [UInt8] = []
        tree.appendText(of: index, all: false, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The element's text and its descendants' text, in document order.
    var allText: String {
        guard node.firstChild >= 0 else { return text }
        var bytes: [UInt8] = []
        tree.appendText(of: index, all: true, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The child elements, in document order.
    var children: [XMLRecord] {
        var result: [XMLRecord] = []
        var child = node.firstChild
        while child >= 0 {
            result.append(XMLRecord(tree: tree, index: child))
            child = tree.nodes[Int(child)].nextSibling
        }
        return result
    }

    /// The first child with this local name.
    func child(_ name: String) -> XMLRecord? {
        guard let code = tree.code(name) else { return nil }
        return child(code: code)
    }

    private func child(code: Int32) -> XMLRecord? {
        var child = node.firstChild
        while child >= 0 {
            if tree.nodes[Int(child)].name == code { return XMLRecord(tree: tree, index: child) }
            child = tree.nodes[Int(child)].nextSibling
        }
        return nil
    }

    /// Every child with this local name.
    func children(_ name: String) -> [XMLRecord] {
        guard let code = tree.code(name) else { return [] }
        var result: [XMLRecord] = []
        var child = node.firstChild
        while child >= 0 {
            if tree.nodes[Int(child)].name == code { result.append(XMLRecord(tree: tree, index: child)) }
            child = tree.nodes[Int(child)].nextSibling
        }
        return result
    }

    /// Follows a path of local names (`"periode/debut"`) through first children.
    func first(_ path: String) -> XMLRecord? {
        var current = self
        if let steps = tree.table.codes(ofPath: path) {
            for code in steps {
                guard let next = current.child(code: code) else { return nil }
                current = next
            }
            return current
        }
        for step in path.split(separator: "/") {
            guard let code = tree.code(String(step)), let next = current.child(code: code) else { return nil }
            current = next
        }
        return current
    }

    /// The text of the element at `path`, white space collapsed; nil when absent or blank.
    func value(_ path: String) -> String? {
        guard let element = first(path) else { return nil }
        let text = tree.collapsedText(of: element.index)
        return text.isEmpty ? nil : text
    }

    /// The first descendant (depth first) with one of these local names.
    func firstDescendant(named names: Set<String>) -> XMLRecord? {
        let codes = names.compactMap { tree.code($0) }
        guard !codes.isEmpty else { return nil }
        let node = self.node
        for descendant in node.firstChild >= 0 ? Int(index) + 1..<Int(node.end) : 0..<0
        where codes.contains(tree.nodes[descendant].name) {
            return XMLRecord(tree: tree, index: Int32(descendant))
        }
        return nil
    }

    /// The path of local names from this element to the deepest element named `name` whose start
    /// line is at most `line` (the element a validation message at that line speaks of): the last
    /// such element in document order.
    func path(toElementNamed name: String, atOrBefore line: Int) -> [String]? {
        guard let code = tree.code(name) else { return nil }
        let node = self.node
        var found: Int32?
        for candidate in Int(index)..<Int(node.end) {
            let element = tree.nodes[candidate]
            if element.line > line { break }
            if element.name == code { found = Int32(candidate) }
        }
        guard var current = found else { return nil }
        var trail: [String] = []
        while true {
            trail.append(tree.name(tree.nodes[Int(current)].name))
            if current == index { break }
            current = tree.nodes[Int(current)].parent
        }
        return trail.reversed()
    }
}

extension String {
    /// The text with runs of white space (spaces, tabs, line breaks, no-break spaces) turned into
    /// one space and the ends trimmed.
    public var collapsingWhiteSpace: String { FastText.collapsingWhiteSpace(self) }
}
