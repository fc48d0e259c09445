import Crypto
import Foundation
import ParcoursModel

/// A file handed to an import, known by its name and the hash of its content.
public struct SourceFile: Hashable, Sendable {
    /// The file name shown to people (no folder: paths may be personal).
    public let name: String
    /// SHA-256 of the bytes, lower-case hexadecimal.
    public let contentHash: String

    public init(name: String, contentHash: String) {
        self.name = name
        self.contentHash = contentHash
    }

    /// The file `name` with content `contents`.
    public init(name: String, contents: Data) {
        self.init(name: name, contentHash: SHA256.hash(data: contents).hexadecimal)
    }
}

/// What an import did.
public enum ImportOutcome: Hashable, Sendable {
    /// The file was stored with this many rows (participations or agents).
    case imported(rows: Int)
    /// The same content was imported before, on that date: nothing changed.
    case alreadyImported(on: Date)
}

/// The kind of file an import stored.
public enum ImportKind: String, Hashable, Codable, Sendable {
    case pixExport = "pix"
    case roster
    /// A provider catalogue (LHEO, XCRI-CAP, Parcours CSV).
    case catalogue
}

/// A file stored by an earlier import.
public struct ImportedFile: Hashable, Sendable {
    public let name: String
    public let contentHash: String
    public let kind: ImportKind
    public let importedAt: Date
    public let rows: Int

    public init(name: String, contentHash: String, kind: ImportKind, importedAt: Date, rows: Int) {
        self.name = name
        self.contentHash = contentHash
        self.kind = kind
        self.importedAt = importedAt
        self.rows = rows
    }
}

extension SourceFile {
    /// The file at `path`, hashed as it is read in 1 MiB pieces; named by its last path component.
    public init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError(location: path, message: "cannot be read")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        self.init(
            name: URL(fileURLWithPath: path).lastPathComponent, contentHash: hasher.finalize().hexadecimal)
    }
}
