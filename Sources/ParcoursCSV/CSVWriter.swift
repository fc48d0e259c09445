import Foundation

/// One cell to write: text is quoted and neutralised as needed, numbers are written in the
/// writer's decimal convention.
public enum CSVCell: Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case text(String)
    case integer(Int)
    /// A decimal number; `fractionDigits` nil writes the shortest exact form (`0,5`, `12`).
    case decimal(Double, fractionDigits: Int? = nil)
    case empty

    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
}

/// Writes CSV for spreadsheets; by default for French Excel: `;` separator, UTF-8 with a
/// byte-order mark (so Excel does not guess Windows-1252), decimal comma, CRLF line ends, text
/// starting with `= + - @` neutralised (see ``FormulaNeutralisation``), and a field quoted when it
/// holds the separator, a quote, a line break or leading/trailing spaces (quotes doubled).
///
/// ```swift
/// let writer = CSVWriter()
/// writer.write(["Commune", "Agents", "Écart moyen"])
/// writer.write([.text("Andenne"), .integer(42), .decimal(1.25, fractionDigits: 2)])
/// try writer.data.write(to: url)        // or CSVWriter(path:) to stream into a file
/// ```
public final class CSVWriter {
    /// Which text cells are quoted.
    public enum Quoting: Sendable {
        /// Only when needed (separator, quote, line break, leading or trailing space).
        case minimal
        /// Every text cell except digit-only ones, as Pix Orga writes its exports.
        case textExceptDigits
    }

    public let separator: UInt8
    public let decimalSeparator: UInt8
    public let lineEnding: String
    public let quoting: Quoting
    private var buffer: [UInt8] = []
    private let file: (descriptor: Int32, path: String)?
    private var failure: CSVError?

    /// A writer that keeps what it writes in memory (read it with ``data``).
    public init(
        separator: UInt8 = UInt8(ascii: ";"), decimalSeparator: UInt8 = UInt8(ascii: ","), byteOrderMark: Bool = true,
        lineEnding: String = "\r\n", quoting: Quoting = .minimal
    ) {
        self.separator = separator
        self.decimalSeparator = decimalSeparator
        self.lineEnding = lineEnding
        self.quoting = quoting
        file = nil
        if byteOrderMark { buffer = [0xEF, 0xBB, 0xBF] }
    }

    /// A writer that streams into the file at `path` (created or truncated) through a 1 MiB
    /// buffer; call ``close()``, which reports any write failure.
    public init(
        path: String, separator: UInt8 = UInt8(ascii: ";"), decimalSeparator: UInt8 = UInt8(ascii: ","),
        byteOrderMark: Bool = true, lineEnding: String = "\r\n", quoting: Quoting = .minimal
    ) throws(CSVError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw CSVError(source: path, line: 0, kind: .fileAccess(String(cString: strerror(errno))))
        }
        self.separator = separator
        self.decimalSeparator = decimalSeparator
        self.lineEnding = lineEnding
        self.quoting = quoting
        file = (descriptor, path)
        if byteOrderMark { buffer = [0xEF, 0xBB, 0xBF] }
    }

    deinit {
        if let file { Foundation.close(file.descriptor) }
    }

    /// Everything written so far, for an in-memory writer.
    public var data: Data { Data(buffer) }

    /// Writes one row.
    public func write(_ cells: [CSVCell]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { buffer.append(separator) }
            append(cell)
        }
        buffer.append(contentsOf: lineEnding.utf8)
        if file != nil && buffer.count >= 1 << 20 { flush() }
    }

    /// Writes one row of text cells.
    public func write(_ texts: [String]) { write(texts.map(CSVCell.text)) }

    /// Writes what is buffered to the file and closes it; throws the first write failure met.
    public func close() throws(CSVError) {
        flush()
        if let failure { throw failure }
    }

    private func flush() {
        guard let file, failure == nil, !buffer.isEmpty else { return }
        let failed = buffer.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let count = Foundation.write(file.descriptor, raw.baseAddress! + offset, raw.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return true
                }
                offset += count
            }
            return false
        }
        if failed {
            failure = CSVError(source: file.path, line: 0, kind: .fileAccess(String(cString: strerror(errno))))
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func append(_ cell: CSVCell) {
        switch cell {
        case .empty: break
        case .integer(let value): buffer.append(contentsOf: String(value).utf8)
        case .decimal(let value, let fractionDigits): appendDecimal(value, fractionDigits: fractionDigits)
        case .text(let text): appendText(FormulaNeutralisation.neutralise(text))
        }
    }

    private func appendDecimal(_ value: Double, fractionDigits: Int?) {
        guard value.isFinite else { return }
        var text: String
        if let fractionDigits {
            text = String(format: "%.\(max(0, fractionDigits))f", value)
        } else if value == value.rounded(), abs(value) < 1e15 {
            text = String(Int(value))
        } else {
            text = "\(value)"
            if text.contains("e") {
                text = String(format: "%.17f", value)
                while text.hasSuffix("0") { text.removeLast() }
            }
        }
        for byte in text.utf8 { buffer.append(byte == UInt8(ascii: ".") ? decimalSeparator : byte) }
    }

    private func appendText(_ text: String) {
        let utf8 = text.utf8
        let digitsOnly = !utf8.isEmpty && utf8.allSatisfy { (0x30...0x39).contains($0) }
        let needsQuotes =
            (quoting == .textExceptDigits && !digitsOnly)
            || utf8.contains { $0 == separator || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            || utf8.first == UInt8(ascii: " ") || utf8.last == UInt8(ascii: " ")
        guard needsQuotes else {
            buffer.append(contentsOf: utf8)
            return
        }
        buffer.append(UInt8(ascii: "\""))
        for byte in utf8 {
            buffer.append(byte)
            if byte == UInt8(ascii: "\"") { buffer.append(byte) }
        }
        buffer.append(UInt8(ascii: "\""))
    }
}
