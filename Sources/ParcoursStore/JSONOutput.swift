/// JSON values written straight into UTF-8 bytes, for the JSON columns the stores write once per
/// row (``ResultsJSON``, ``JSONText``): a general encoder costs more than the row's insert.
enum JSONOutput {
    /// `text` as a JSON string: quotes and backslashes escaped, control characters as `\u00XX`,
    /// everything else (slashes, non-ASCII) as written.
    static func string(_ text: String, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            case ..<0x20:
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0xF)])
            default:
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    static func integer(_ value: Int, into bytes: inout [UInt8]) {
        switch value {
        case 0..<10:
            bytes.append(UInt8(ascii: "0") + UInt8(value))
        case 10..<100:
            bytes.append(UInt8(ascii: "0") + UInt8(value / 10))
            bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
        default:
            bytes.append(contentsOf: String(value).utf8)
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
