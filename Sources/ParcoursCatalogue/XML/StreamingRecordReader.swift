import CLibXML2
import Foundation

/// What a format reads as one unit.
struct RecordPlan: Sendable {
    /// Containers the reader walks into (e.g. `offres`); the root always is one.
    let containers: Set<String>
    /// Elements that are one course each (e.g. `formation`); any other element met in a
    /// container is read whole as a context record (provider details, extras).
    let courses: Set<String>
    /// The names the format's mapper reads.
    let names: ElementTable
}

/// One record read whole, with the validation problems that belong to it.
struct StreamedRecord: Sendable {
    let element: XMLRecord
    /// Local names of the containers above it, root first.
    let ancestors: [String]
    let isCourse: Bool
    /// How many containers had been opened before this record: records under the same container
    /// (one XCRI `provider`) share it.
    let containerSerial: Int
    /// Schema problems inside this record (severity error; profiles may lower some).
    let diagnostics: [CatalogueDiagnostic]
}

/// The root element of a file, found without reading further.
struct XMLRootInfo {
    let name: String
    let namespace: String
    /// UTF-16 files cannot have their namespace rewritten byte by byte.
    let isUTF16: Bool
    /// The file starts with a bare `<!DOCTYPE name>` (accepted, nothing loaded).
    let hasBareDoctype: Bool
}

/// Streams an XML catalogue with libxml2's text reader, one record at a time, validating it
/// against a compiled schema as it goes, so that memory stays flat whatever the file size.
///
/// Each record (a course, or a provider detail) is read node by node into the flat arrays of an
/// ``XMLTree``, its names coded by the format's ``ElementTable``; libxml2 frees the nodes behind
/// the reader. Schema errors arrive while libxml2 parses, which may run a little ahead of the reader;
/// they are attributed to records by line (a record owns the lines from its start tag to the next
/// record's start tag), and by order of arrival when two records share a line (minified files).
final class StreamingRecordReader {
    private let path: String
    private let limits: XMLSafetyLimits
    /// Codes of libxml2's interned names (element and attribute names live in the parser's
    /// dictionary for the whole read), found by the name's address in a small open-addressing
    /// table (a hashed dictionary costs more here): one lookup by text per distinct name.
    private var codedAddresses = [UInt](repeating: 0, count: StreamingRecordReader.codeSlots)
    private var codedNames = [Int32](repeating: 0, count: StreamingRecordReader.codeSlots)
    private var codedCount = 0
    private static let codeSlots = 1024
    /// Names outside the format's table, numbered after it, and the record that last used each.
    private var otherNames: [String] = []
    private var otherCodes: [String: Int32] = [:]
    private var otherNameUse: [Int] = []
    private var recordSerial = 0
    /// Sizes of the largest record so far, to reserve room for the next one.
    private var recordCapacity = (nodes: 64, bytes: 2048)

    init(path: String, limits: XMLSafetyLimits) {
        self.path = path
        self.limits = limits
    }

    /// Reads only up to the root element: its name and namespace. Refuses a file with a DTD (a
    /// DOCTYPE with an identifier or an internal subset).
    func root() throws(CatalogueRefusal) -> XMLRootInfo {
        try checkSize()
        LibXML.setUp()
        let collector = ErrorCollector()
        guard let reader = xmlReaderForFile(path, nil, LibXML.readerOptions) else {
            throw refusal(fr: "fichier illisible", en: "cannot read the file")
        }
        defer { xmlFreeTextReader(reader) }
        let context = Unmanaged.passUnretained(collector).toOpaque()
        xmlTextReaderSetStructuredErrorHandler(
            reader, { context, error in ErrorCollector.receive(context, error?.pointee) }, context)
        var hasBareDoctype = false
        while xmlTextReaderRead(reader) == 1 {
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
                try checkDoctype(reader)
                hasBareDoctype = true
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                let name = LibXML.string(xmlTextReaderConstLocalName(reader))
                let namespace = LibXML.string(xmlTextReaderConstNamespaceUri(reader))
                return XMLRootInfo(
                    name: name, namespace: namespace, isUTF16: Self.startsAsUTF16(path), hasBareDoctype: hasBareDoctype)
            default:
                continue
            }
        }
        throw collector.fatal.map(fatalRefusal) ?? refusal(fr: "aucun élément XML", en: "no XML element")
    }

    /// Streams the file, handing each record to `handle` in document order; returns the problems
    /// found outside any record. Throws a refusal when the file cannot be used at all.
    func read(
        plan: RecordPlan, schema: OpaquePointer?, mapping: (from: String, to: String)?,
        handle: (StreamedRecord) throws(CatalogueRefusal) -> Void
    ) throws(CatalogueRefusal) -> [CatalogueDiagnostic] {
        try checkSize()
        LibXML.setUp()
        let collector = ErrorCollector()
        var input: NamespaceMappingInput?
        let reader: OpaquePointer?
        if let mapping {
            guard let mapped = NamespaceMappingInput(path: path, from: mapping.from, to: mapping.to) else {
                throw refusal(fr: "fichier illisible", en: "cannot read the file")
            }
            input = mapped
            reader = xmlReaderForIO(
                { context, buffer, length in
                    guard let context, let buffer else { return -1 }
                    return Unmanaged<NamespaceMappingInput>.fromOpaque(context).takeUnretainedValue()
                        .read(into: buffer, length: Int(length))
                },
                { context in
                    guard let context else { return 0 }
                    Unmanaged<NamespaceMappingInput>.fromOpaque(context).takeUnretainedValue().close()
                    return 0
                }, Unmanaged.passUnretained(mapped).toOpaque(), path, nil, LibXML.readerOptions)
        } else {
            reader = xmlReaderForFile(path, nil, LibXML.readerOptions)
        }
        guard let reader else { throw refusal(fr: "fichier illisible", en: "cannot read the file") }
        var validation: OpaquePointer?
        defer {
            xmlFreeTextReader(reader)
            if let validation { xmlSchemaFreeValidCtxt(validation) }
            withExtendedLifetime(input) {}
        }
        let context = Unmanaged.passUnretained(collector).toOpaque()
        // The error handler goes on the parser before the validator is plugged in: set after,
        // libxml2 2.9 hands its callback the validator's context and crashes on some errors.
        xmlTextReaderSetStructuredErrorHandler(
            reader, { context, error in ErrorCollector.receive(context, error?.pointee) }, context)
        if let schema {
            validation = xmlSchemaNewValidCtxt(schema)
            xmlSchemaSetValidStructuredErrors(
                validation, { context, error in ErrorCollector.receive(context, error?.pointee) }, context)
            guard xmlTextReaderSchemaValidateCtxt(reader, validation, 0) == 0 else {
                throw refusal(fr: "validation impossible à mettre en place", en: "cannot set up validation")
            }
        }

        var attribution = Attribution(collector: collector)
        var stack: [String] = []
        var containerSerial = 0
        var status = xmlTextReaderRead(reader)
        while status == 1 {
            if let fatal = collector.fatal { throw fatalRefusal(fatal) }
            let type = xmlTextReaderNodeType(reader)
            if type == Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue) { try checkDoctype(reader) }
            guard type == Int32(XML_READER_TYPE_ELEMENT.rawValue) else {
                status = xmlTextReaderRead(reader)
                continue
            }
            let depth = Int(xmlTextReaderDepth(reader))
            if depth + 1 > limits.maximumDepth { throw depthRefusal(line: lineOfCurrentNode(reader)) }
            stack.removeLast(max(0, stack.count - depth))
            let name = LibXML.string(xmlTextReaderConstLocalName(reader))
            if depth == 0 || plan.containers.contains(name) {
                if xmlTextReaderIsEmptyElement(reader) != 1 { stack.append(name) }
                containerSerial += 1
                status = xmlTextReaderRead(reader)
                continue
            }
            let startLine = lineOfCurrentNode(reader)
            try attribution.finishPending(nextStart: startLine, path: path, handle: handle)
            let element = try readRecord(reader, table: plan.names, collector: collector)
            attribution.pending = Attribution.Pending(
                element: element, ancestors: stack, isCourse: plan.courses.contains(name),
                containerSerial: containerSerial,
                startLine: startLine)
            status = xmlTextReaderRead(reader)
        }
        if let fatal = collector.fatal { throw fatalRefusal(fatal) }
        if status != 0 { throw refusal(fr: "lecture interrompue", en: "reading stopped") }
        try attribution.finishPending(nextStart: nil, path: path, handle: handle)
        return attribution.remainingDiagnostics(stack: stack)
    }

    // MARK: Reading a record node by node

    /// Reads the element the reader is on and its content into an ``XMLTree``, node by node
    /// (libxml2 frees each node once passed), enforcing the depth and size limits as it goes. The
    /// reader is left on the element's end.
    private func readRecord(_ reader: OpaquePointer, table: ElementTable, collector: ErrorCollector)
        throws(CatalogueRefusal) -> XMLRecord
    {
        recordSerial += 1
        var builder = XMLTreeBuilder(table: table, capacity: recordCapacity)
        let startLine = lineOfCurrentNode(reader)
        var budget = limits.maximumElementsPerRecord
        openElement(reader, line: startLine, into: &builder)
        if xmlTextReaderIsEmptyElement(reader) == 1 {
            builder.closeElement()
        }
        while !builder.isComplete {
            let status = xmlTextReaderRead(reader)
            if let fatal = collector.fatal { throw fatalRefusal(fatal) }
            guard status == 1 else {
                throw refusal(line: startLine, fr: "élément inachevé", en: "unfinished element")
            }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                let line = lineOfCurrentNode(reader)
                if Int(xmlTextReaderDepth(reader)) + 1 > limits.maximumDepth { throw depthRefusal(line: line) }
                budget -= 1
                if budget < 0 {
                    throw refusal(
                        line: line, fr: "une formation compte plus de \(limits.maximumElementsPerRecord) éléments",
                        en: "a course has more than \(limits.maximumElementsPerRecord) elements")
                }
                openElement(reader, line: line, into: &builder)
                if xmlTextReaderIsEmptyElement(reader) == 1 { builder.closeElement() }
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                builder.addText(LibXML.bytes(xmlTextReaderConstValue(reader)))
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                builder.closeElement()
            default:
                continue
            }
        }
        recordCapacity = (
            max(recordCapacity.nodes, builder.nodes.count), max(recordCapacity.bytes, builder.bytes.count)
        )
        return XMLRecord(tree: XMLTree(builder), index: 0)
    }

    /// Opens the element the reader is on: name, attributes (`xsi:type` resolved), line.
    private func openElement(_ reader: OpaquePointer, line: Int, into builder: inout XMLTreeBuilder) {
        builder.openElement(name: code(xmlTextReaderConstLocalName(reader), into: &builder), line: line)
        guard xmlTextReaderHasAttributes(reader) == 1, xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return }
        repeat {
            let bytes = LibXML.bytes(xmlTextReaderConstValue(reader))
            switch Self.namespaceKind(xmlTextReaderConstNamespaceUri(reader)) {
            case .unqualified, .other:
                builder.addAttribute(name: code(xmlTextReaderConstLocalName(reader), into: &builder), value: bytes)
            case .xsi:
                if LibXML.equals(xmlTextReaderConstLocalName(reader), "type") {
                    builder.setTypeName(resolve(qualifiedName: String(decoding: bytes, as: UTF8.self), reader))
                } else {
                    builder.addAttribute(name: code(xmlTextReaderConstLocalName(reader), into: &builder), value: bytes)
                }
            case .xmlns:
                break
            }
        } while xmlTextReaderMoveToNextAttribute(reader) == 1
        xmlTextReaderMoveToElement(reader)
    }

    private enum NamespaceKind { case unqualified, xsi, xmlns, other }

    private static func namespaceKind(_ uri: UnsafePointer<xmlChar>?) -> NamespaceKind {
        guard let uri else { return .unqualified }
        if LibXML.equals(uri, xsiNamespace) { return .xsi }
        if LibXML.equals(uri, xmlnsNamespace) { return .xmlns }
        return .other
    }

    /// The code of a name from libxml2's dictionary: its place in the format's table, or a number
    /// after the table for another name (which the record then notes, once, with its text).
    private func code(_ pointer: UnsafePointer<xmlChar>?, into builder: inout XMLTreeBuilder) -> Int32 {
        let table = builder.table
        let code: Int32
        if let pointer {
            let address = UInt(bitPattern: pointer)
            // Fibonacci hashing of the address to 10 bits, then linear probing.
            var slot = Int(truncatingIfNeeded: (address &* 0x9E37_79B9_7F4A_7C15) >> 54)
            while codedAddresses[slot] != 0 && codedAddresses[slot] != address {
                slot = (slot + 1) & (Self.codeSlots - 1)
            }
            if codedAddresses[slot] == address {
                code = codedNames[slot]
            } else {
                code = self.code(of: LibXML.string(pointer), table: table)
                // Kept three quarters full at most; further names (unusual files) are looked up each time.
                if codedCount < Self.codeSlots * 3 / 4 {
                    codedAddresses[slot] = address
                    codedNames[slot] = code
                    codedCount += 1
                }
            }
        } else {
            code = self.code(of: "", table: table)
        }
        if code >= table.count {
            let other = Int(code - table.count)
            if otherNameUse[other] != recordSerial {
                otherNameUse[other] = recordSerial
                builder.noteOtherName(code: code, name: otherNames[other])
            }
        }
        return code
    }

    private func code(of name: String, table: ElementTable) -> Int32 {
        if let code = table.codes[name] ?? otherCodes[name] { return code }
        let code = table.count + Int32(otherNames.count)
        otherNames.append(name)
        otherNameUse.append(0)
        otherCodes[name] = code
        return code
    }

    /// `prefix:local` resolved with the namespaces in scope.
    private func resolve(qualifiedName: String, _ reader: OpaquePointer) -> XMLRecord.QualifiedName {
        let parts = qualifiedName.split(separator: ":", maxSplits: 1).map(String.init)
        let (prefix, local) = parts.count == 2 ? (parts[0], parts[1]) : ("", qualifiedName)
        let found: UnsafeMutablePointer<xmlChar>? =
            prefix.isEmpty
            ? xmlTextReaderLookupNamespace(reader, nil)
            : prefix.withCString {
                xmlTextReaderLookupNamespace(reader, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self))
            }
        defer { if let found { parcours_xmlFree(found) } }
        return XMLRecord.QualifiedName(namespace: LibXML.string(found), name: local)
    }

    private static let xmlnsNamespace = "http://www.w3.org/2000/xmlns/"
    private static let xsiNamespace = "http://www.w3.org/2001/XMLSchema-instance"

    private func lineOfCurrentNode(_ reader: OpaquePointer) -> Int {
        guard let node = xmlTextReaderCurrentNode(reader) else { return Int(xmlTextReaderGetParserLineNumber(reader)) }
        return Int(xmlGetLineNo(node))
    }

    // MARK: Refusals

    private func checkSize() throws(CatalogueRefusal) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = (attributes[.size] as? NSNumber)?.intValue
        else { throw refusal(fr: "fichier introuvable ou illisible", en: "file not found or unreadable") }
        if size > limits.maximumFileBytes {
            throw refusal(
                fr: "fichier trop grand (\(size) octets, maximum \(limits.maximumFileBytes))",
                en: "file too large (\(size) bytes, at most \(limits.maximumFileBytes))")
        }
    }

    private func refusal(line: Int? = nil, column: Int? = nil, fr: String, en: String) -> CatalogueRefusal {
        CatalogueRefusal(file: path, line: line, column: column, fr: fr, en: en)
    }

    /// Accepts a bare `<!DOCTYPE name>` (some exports write one; it loads and declares nothing);
    /// refuses a DOCTYPE with a public or system identifier (an external DTD) or an internal subset
    /// (entity or element declarations). libxml2 hands out the DOCTYPE node once the whole prolog is
    /// parsed, so its declarations are all known here, and none was expanded (no `XML_PARSE_NOENT`).
    private func checkDoctype(_ reader: OpaquePointer) throws(CatalogueRefusal) {
        let isBare =
            xmlTextReaderCurrentNode(reader).map { node in
                node.withMemoryRebound(to: xmlDtd.self, capacity: 1) { dtd in
                    dtd.pointee.type == XML_DTD_NODE && dtd.pointee.ExternalID == nil && dtd.pointee.SystemID == nil
                        && dtd.pointee.children == nil
                }
            } ?? false
        guard !isBare else { return }
        // No line: libxml2 keeps none for the DOCTYPE, and the parser is already past the prolog.
        throw refusal(
            fr: "le fichier contient une DTD (identifiant externe ou déclarations dans le DOCTYPE) : refusée pour des "
                + "raisons de sécurité (entités externes, expansion d'entités) ; un catalogue n'en a pas besoin",
            en: "the file holds a DTD (external identifier or declarations in its DOCTYPE): refused for safety "
                + "(external entities, entity expansion); a catalogue needs none")
    }

    private func depthRefusal(line: Int) -> CatalogueRefusal {
        refusal(
            line: line, fr: "imbrication trop profonde (plus de \(limits.maximumDepth) niveaux d'éléments)",
            en: "nesting too deep (more than \(limits.maximumDepth) levels of elements)")
    }

    private func fatalRefusal(_ error: ErrorCollector.Entry) -> CatalogueRefusal {
        if error.message.contains("Excessive depth") {
            return refusal(
                line: error.line, fr: "imbrication trop profonde (plus de 256 niveaux d'éléments)",
                en: "nesting too deep (more than 256 levels of elements)")
        }
        if error.message.contains("entity") || error.message.contains("Entity") {
            return refusal(
                line: error.line, column: error.column,
                fr: "entité refusée (aucune entité n'est chargée ni développée) : \(error.message)",
                en: "entity refused (no entity is loaded or expanded): \(error.message)")
        }
        return refusal(
            line: error.line, column: error.column, fr: "XML mal formé : \(error.message)",
            en: "malformed XML: \(error.message)")
    }

    static func startsAsUTF16(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 4)) ?? Data())
        guard head.count >= 2 else { return false }
        return (head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)
            || (head[0] == 0x3C && head[1] == 0x00) || (head[0] == 0x00 && head[1] == 0x3C)
    }
}

/// Collects libxml2's errors through the structured error callbacks.
final class ErrorCollector {
    struct Entry {
        let line: Int
        let column: Int?
        let message: String
        let isWarning: Bool
    }

    /// Validation errors and parser warnings, in order of arrival.
    var errors: [Entry] = []
    /// The first fatal (well-formedness) error: the file cannot be read further.
    var fatal: Entry?

    /// The C callback's body; works with libxml2 2.9's `xmlErrorPtr` and 2.12's `const xmlError *`.
    static func receive(_ context: UnsafeMutableRawPointer?, _ error: xmlError?) {
        guard let context, let error else { return }
        Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue().record(error)
    }

    private func record(_ error: xmlError) {
        let message = error.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let isSchema = error.domain == Int32(XML_FROM_SCHEMASV.rawValue)
        let entry = Entry(
            line: Int(error.line), column: !isSchema && error.int2 > 0 ? Int(error.int2) : nil, message: message,
            isWarning: error.level == XML_ERR_WARNING)
        if error.level == XML_ERR_FATAL {
            if fatal == nil { fatal = entry }
        } else if isSchema || error.level == XML_ERR_ERROR || error.level == XML_ERR_WARNING {
            errors.append(entry)
        }
    }
}

/// Hands records out one behind the reader, once every validation error of theirs has arrived.
private struct Attribution {
    struct Pending {
        let element: XMLRecord
        let ancestors: [String]
        let isCourse: Bool
        let containerSerial: Int
        let startLine: Int
    }

    let collector: ErrorCollector
    var pending: Pending?
    private var outside: [CatalogueDiagnostic] = []

    init(collector: ErrorCollector) { self.collector = collector }

    mutating func finishPending(
        nextStart: Int?, path: String, handle: (StreamedRecord) throws(CatalogueRefusal) -> Void
    ) throws(CatalogueRefusal) {
        guard let record = pending else {
            attributeOutside(before: nextStart)
            return
        }
        pending = nil
        var own: [CatalogueDiagnostic] = []
        var kept: [ErrorCollector.Entry] = []
        for error in collector.errors {
            let translation = SchemaMessage.translate(error.message)
            if error.line < record.startLine {
                outside.append(diagnostic(error, translation, path: record.ancestors.joined(separator: "/")))
                continue
            }
            // Lines from this record's start tag to the next record's belong to it; when both
            // start on the same line (a file without line breaks), what arrived so far does.
            let belongs = nextStart.map { $0 == record.startLine || error.line < $0 } ?? true
            guard belongs else {
                kept.append(error)
                continue
            }
            let trail =
                translation.element.flatMap { record.element.path(toElementNamed: $0, atOrBefore: error.line) }
                ?? [record.element.name]
            own.append(diagnostic(error, translation, path: (record.ancestors + trail).joined(separator: "/")))
        }
        collector.errors = kept
        try handle(
            StreamedRecord(
                element: record.element, ancestors: record.ancestors, isCourse: record.isCourse,
                containerSerial: record.containerSerial, diagnostics: own))
    }

    private mutating func attributeOutside(before line: Int?) {
        var kept: [ErrorCollector.Entry] = []
        for error in collector.errors {
            if let line, error.line >= line {
                kept.append(error)
            } else {
                outside.append(diagnostic(error, SchemaMessage.translate(error.message), path: nil))
            }
        }
        collector.errors = kept
    }

    func remainingDiagnostics(stack: [String]) -> [CatalogueDiagnostic] {
        outside
            + collector.errors.map {
                diagnostic(
                    $0, SchemaMessage.translate($0.message), path: stack.isEmpty ? nil : stack.joined(separator: "/"))
            }
    }

    private func diagnostic(_ error: ErrorCollector.Entry, _ translation: SchemaMessage.Translation, path: String?)
        -> CatalogueDiagnostic
    {
        var path = path
        if let name = translation.element, path.map({ !$0.hasSuffix(name) }) ?? true {
            path = (path.map { $0 + "/" } ?? "") + name
        }
        return CatalogueDiagnostic(
            severity: error.isWarning ? .warning : .error, line: error.line > 0 ? error.line : nil,
            column: error.column, path: path, fr: translation.fr, en: translation.en)
    }
}
