import CLibXML2
import Foundation
import Synchronization

/// Process-wide libxml2 set-up, done once: parser initialisation, an entity loader that never
/// uses the network, and the XML catalogs that map schema imports to the shipped copies.
enum LibXML {
    private static let initialised: Bool = {
        xmlInitParser()
        // Resolves through the catalogs, refuses http:// and ftp:// addresses.
        xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader)
        return true
    }()

    private static let loadedCatalogs = Mutex<Set<String>>([])

    static func setUp() { _ = initialised }

    /// Adds an XML catalog (once per path) to the process-wide catalogs.
    static func addCatalog(_ path: String) {
        setUp()
        loadedCatalogs.withLock { loaded in
            guard loaded.insert(path).inserted else { return }
            xmlLoadCatalog(path)
        }
    }

    /// Options of every catalogue parse: no network, big line numbers, compact text nodes, blank
    /// text nodes dropped. Never `XML_PARSE_NOENT` (entity substitution) nor `XML_PARSE_DTDLOAD`.
    static let readerOptions = Int32(
        bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_COMPACT.rawValue
            | XML_PARSE_NOBLANKS.rawValue)

    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    /// The bytes of a libxml2 string, without copying them (valid as long as the string is).
    static func bytes(_ pointer: UnsafePointer<xmlChar>?) -> UnsafeBufferPointer<UInt8> {
        guard let pointer else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(
            start: pointer, count: strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self)))
    }

    /// Whether a libxml2 string is `text`.
    static func equals(_ pointer: UnsafePointer<xmlChar>?, _ text: String) -> Bool {
        guard let pointer else { return false }
        return strcmp(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self), text) == 0
    }
}

/// The schemas catalogues are validated against, compiled once per schema folder and shared:
/// a compiled `xmlSchema` is read-only and may serve several validation contexts at once.
public final class CatalogueSchemas: @unchecked Sendable {
    /// LHEO 2.3 (`lheo-2.3/lheo-2.3.xsd`).
    let lheo: OpaquePointer
    /// XCRI-CAP 1.2 with its terms and the Parcours extension types.
    let xcri: OpaquePointer
    public let directory: URL

    private static let cache = Mutex<[String: CatalogueSchemas]>([:])

    /// The schemas of `directory` (the product's `Config/schemas`), compiled on first use.
    public static func load(from directory: URL) throws(CatalogueRefusal) -> CatalogueSchemas {
        let key = directory.standardizedFileURL.path
        if let cached = cache.withLock({ $0[key] }) { return cached }
        let schemas = try CatalogueSchemas(directory: directory)
        return cache.withLock { cache in
            if let existing = cache[key] { return existing }
            cache[key] = schemas
            return schemas
        }
    }

    private init(directory: URL) throws(CatalogueRefusal) {
        self.directory = directory
        LibXML.addCatalog(directory.appending(path: "catalog.xml").path)
        lheo = try Self.compile(directory.appending(path: "lheo-2.3/lheo-2.3.xsd").path)
        xcri = try Self.compile(directory.appending(path: "xcri-cap-1.2/parcours-xcri-validation.xsd").path)
    }

    private static func compile(_ path: String) throws(CatalogueRefusal) -> OpaquePointer {
        guard FileManager.default.fileExists(atPath: path), let context = xmlSchemaNewParserCtxt(path) else {
            throw CatalogueRefusal(file: path, fr: "schéma introuvable", en: "schema not found")
        }
        defer { xmlSchemaFreeParserCtxt(context) }
        // Compilation warnings (an import skipped because its namespace is already loaded) are
        // expected; errors show as a nil result.
        xmlSchemaSetParserStructuredErrors(context, { _, _ in }, nil)
        guard let schema = xmlSchemaParse(context) else {
            throw CatalogueRefusal(file: path, fr: "schéma illisible", en: "schema cannot be compiled")
        }
        return schema
    }

    /// Which of the schemas a format is validated against.
    enum Kind: Sendable {
        case lheo, xcri
    }

    subscript(kind: Kind) -> OpaquePointer { kind == .lheo ? lheo : xcri }

    deinit {
        xmlSchemaFree(lheo)
        xmlSchemaFree(xcri)
    }
}
