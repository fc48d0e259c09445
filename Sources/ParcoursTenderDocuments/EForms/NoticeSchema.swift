import CLibXML2
import Foundation

/// The eForms contract-notice schema (UBL 2.3, SDK 1.15) compiled with libxml2, to check the notices
/// Parcours writes. The XSD is not all of TED's checking: its Schematron rules are not applied.
public final class NoticeSchema: @unchecked Sendable {
    private let schema: OpaquePointer
    /// The root XSD it was compiled from.
    public let path: String

    /// Where the schema lies under a Config folder.
    public static let relativePath = "schemas/eforms-1.15.1/maindoc/UBL-ContractNotice-2.3.xsd"

    /// Compiles the schema of a Config folder; nil when it is missing or does not compile.
    public init?(configDirectory: URL) {
        path = configDirectory.appending(path: Self.relativePath).path
        Self.setUpLibXML
        guard FileManager.default.fileExists(atPath: path), let context = xmlSchemaNewParserCtxt(path) else {
            return nil
        }
        defer { xmlSchemaFreeParserCtxt(context) }
        xmlSchemaSetParserStructuredErrors(context, { _, _ in }, nil)
        guard let schema = xmlSchemaParse(context) else { return nil }
        self.schema = schema
    }

    deinit { xmlSchemaFree(schema) }

    /// Parser set-up done once per process: initialisation, and no network for any external entity.
    private static let setUpLibXML: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader)
    }()

    /// The schema's complaints about `xml`, as `line N: message`; empty when the notice is valid.
    public func problems(in xml: String) -> [String] {
        let sink = MessageSink()
        let bytes = Array(xml.utf8)
        let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), "notice.xml", "UTF-8", options)
            }
        }
        guard let document = parsed else { return ["the notice is not well-formed XML"] }
        defer { xmlFreeDoc(document) }
        guard let validation = xmlSchemaNewValidCtxt(schema) else { return ["cannot create a validation context"] }
        defer { xmlSchemaFreeValidCtxt(validation) }
        let context = Unmanaged.passUnretained(sink).toOpaque()
        xmlSchemaSetValidStructuredErrors(
            validation, { context, error in MessageSink.receive(context, error?.pointee) }, context)
        let status = xmlSchemaValidateDoc(validation, document)
        return withExtendedLifetime(sink) {
            status == 0 ? [] : (sink.messages.isEmpty ? ["invalid (status \(status))"] : sink.messages)
        }
    }

    private final class MessageSink {
        var messages: [String] = []

        static func receive(_ context: UnsafeMutableRawPointer?, _ error: xmlError?) {
            guard let context, let error else { return }
            let sink = Unmanaged<MessageSink>.fromOpaque(context).takeUnretainedValue()
            let message = error.message.map { String(cString: $0) } ?? "?"
            sink.messages.append("line \(error.line): \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }
}
