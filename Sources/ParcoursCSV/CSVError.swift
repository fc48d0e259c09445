/// A problem found while reading a CSV file, located at the 1-based physical line where the
/// faulty record starts (the header is line 1).
public struct CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Equatable, Sendable {
        /// The file could not be opened, read or written; the system's reason.
        case fileAccess(String)
        /// A quoted field is still open at the end of the file.
        case unterminatedQuote
        /// A closing quote is followed by something other than a separator or a line end;
        /// `field` is the 1-based field number.
        case textAfterClosingQuote(field: Int)
        /// The file was detected (or declared) as UTF-8 but this record holds bytes that are not
        /// UTF-8; `field` is the 1-based field number.
        case invalidUTF8(field: Int)
    }

    /// The file (path or name) as given to the reader.
    public let source: String
    /// 1-based physical line where the faulty record starts; 0 when the file could not be read.
    public let line: Int
    public let kind: Kind

    public init(source: String, line: Int, kind: Kind) {
        self.source = source
        self.line = line
        self.kind = kind
    }

    /// An English description, `file:line: message`; user-facing layers translate ``kind``.
    public var description: String {
        let message: String
        switch kind {
        case .fileAccess(let reason): message = "cannot access the file (\(reason))"
        case .unterminatedQuote: message = "a quoted field is never closed"
        case .textAfterClosingQuote(let field): message = "field \(field): text after a closing quote"
        case .invalidUTF8(let field): message = "field \(field): bytes that are not UTF-8 in a UTF-8 file"
        }
        return line > 0 ? "\(source):\(line): \(message)" : "\(source): \(message)"
    }
}
