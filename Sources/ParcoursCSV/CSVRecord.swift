import Foundation

/// One record (row) of a CSV file, as ``CSVReader`` hands it out.
///
/// A record is a view into the reader's buffer: it is valid until the reader reads the next
/// record. Keep what you need (``strings``, ``CSVField/string``, ``CSVField/integer``…) before
/// asking for the next one; never store the record itself.
public struct CSVRecord: RandomAccessCollection {
    /// 1-based physical line of the file where the record starts (the first line is 1). A record
    /// whose quoted fields hold line breaks spans several lines; the next record's line counts them.
    public let line: Int
    /// The encoding the fields are decoded with.
    public let encoding: CSVEncoding
    @usableFromInline let base: UnsafePointer<UInt8>
    @usableFromInline let bounds: UnsafePointer<Int>
    public let count: Int

    @usableFromInline
    init(line: Int, encoding: CSVEncoding, base: UnsafePointer<UInt8>, bounds: UnsafePointer<Int>, count: Int) {
        self.line = line
        self.encoding = encoding
        self.base = base
        self.bounds = bounds
        self.count = count
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    /// The field at `index` (0-based).
    @inlinable public subscript(index: Int) -> CSVField {
        precondition(index >= 0 && index < count, "CSV field index out of range")
        let start = bounds[2 * index]
        return CSVField(
            bytes: UnsafeBufferPointer(start: base + start, count: bounds[2 * index + 1] - start), encoding: encoding)
    }

    /// Every field decoded as text: a copy that outlives the record.
    public var strings: [String] { map(\.string) }
}

/// One field of a ``CSVRecord``, unquoted and unescaped; valid as long as its record.
public struct CSVField {
    /// The field's bytes in the file's encoding, quotes removed and `""` turned into `"`.
    public let bytes: UnsafeBufferPointer<UInt8>
    public let encoding: CSVEncoding

    @inlinable init(bytes: UnsafeBufferPointer<UInt8>, encoding: CSVEncoding) {
        self.bytes = bytes
        self.encoding = encoding
    }

    /// The field decoded as text.
    public var string: String { encoding.decode(bytes) }

    public var isEmpty: Bool { bytes.isEmpty }

    /// Whether the field is exactly `text` (compared byte for byte when that is exact, so that
    /// checks such as `matches("NA")` cost no allocation).
    public func matches(_ text: String) -> Bool {
        var utf8Text = text
        let exact = utf8Text.withUTF8 { utf8 -> Bool? in
            guard encoding == .utf8 || utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            return utf8.count == bytes.count
                && (utf8.isEmpty || memcmp(utf8.baseAddress!, bytes.baseAddress!, utf8.count) == 0)
        }
        return exact ?? (string == text)
    }

    /// Whether the field is exactly `literal` (compared byte for byte, without allocation).
    public func matches(_ literal: CSVLiteral) -> Bool {
        guard let expected = encoding == .utf8 ? literal.utf8 : literal.windows1252 else { return false }
        return hasBytes(of: expected)
    }

    /// Whether the field's bytes, in the file's encoding, are `expected`.
    public func hasBytes(of expected: [UInt8]) -> Bool {
        expected.count == bytes.count
            && (expected.isEmpty
                || expected.withUnsafeBufferPointer { memcmp($0.baseAddress!, bytes.baseAddress!, $0.count) == 0 })
    }

    /// The field as a whole number: optional sign and ASCII digits, surrounding spaces allowed;
    /// nil for anything else (empty, `NA`, decimals, overflow).
    @inlinable public var integer: Int? {
        // Most fields are one or two digits.
        if bytes.count == 1 {
            let digit = bytes[0] &- UInt8(ascii: "0")
            return digit < 10 ? Int(digit) : nil
        }
        if bytes.count == 2 {
            let tens = bytes[0] &- UInt8(ascii: "0")
            let units = bytes[1] &- UInt8(ascii: "0")
            if tens < 10 && units < 10 { return Int(tens) * 10 + Int(units) }
        }
        var (index, end) = trimmedRange
        guard index < end else { return nil }
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative || bytes[index] == UInt8(ascii: "+") { index += 1 }
        guard index < end else { return nil }
        var value = 0
        while index < end {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int(digit))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
            index += 1
        }
        return negative ? -value : value
    }

    /// The field as a decimal number written with a comma (French) or a point: `0,67`, `-1.5`,
    /// `12`; surrounding spaces allowed; nil for anything else (empty, `NA`, thousands separators).
    public var decimal: Double? {
        var (index, end) = trimmedRange
        guard index < end else { return nil }
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative || bytes[index] == UInt8(ascii: "+") { index += 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var seenSeparator = false
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") {
                guard !seenSeparator else { return nil }
                seenSeparator = true
            } else {
                let digit = byte &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                guard digits < 15 else { return slowDecimal }
                mantissa = mantissa * 10 + UInt64(digit)
                digits += 1
                if seenSeparator { fractionDigits += 1 }
            }
            index += 1
        }
        guard digits > 0 else { return nil }
        // Both operands are exact, so the quotient is the correctly rounded value of the text.
        let value = Double(mantissa) / Self.powersOfTen[fractionDigits]
        return negative ? -value : value
    }

    private var slowDecimal: Double? {
        Double(String(string.compactMap { $0 == " " ? nil : $0 == "," ? "." : $0 }))
    }

    private static let powersOfTen: [Double] = (0...15).map { exponent in
        (0..<exponent).reduce(1.0) { product, _ in product * 10 }
    }

    @usableFromInline var trimmedRange: (Int, Int) {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == UInt8(ascii: " ") { start += 1 }
        while end > start, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        return (start, end)
    }
}

/// Text that fields are often compared with (`Oui`, `NA`…), encoded once in each encoding so that
/// ``CSVField/matches(_:)-(CSVLiteral)`` compares bytes.
public struct CSVLiteral: Sendable {
    let utf8: [UInt8]
    /// nil when Windows-1252 cannot write the text (no field of such a file can then match it).
    let windows1252: [UInt8]?

    /// `text`, which must not be empty.
    public init(_ text: String) {
        precondition(!text.isEmpty, "an empty CSV literal: use isEmpty")
        utf8 = Array(text.utf8)
        var encoded: [UInt8] = []
        for scalar in text.unicodeScalars {
            guard let byte = (0...255).first(where: { CSVEncoding.windows1252Scalar(UInt8($0)) == scalar }) else {
                windows1252 = nil
                return
            }
            encoded.append(UInt8(byte))
        }
        windows1252 = encoded
    }
}
