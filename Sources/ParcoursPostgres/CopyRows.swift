#if PostgreSQL
    import Foundation
    import NIOCore
    import ParcoursStore

    /// Rows in the text format of PostgreSQL's `COPY … FROM STDIN`: one line per row, fields separated by
    /// tabs, `\N` for NULL, backslash escapes for backslash, tab, newline and carriage return.
    struct CopyRows {
        private(set) var bytes: [UInt8] = []
        private(set) var count = 0
        private var fieldsInRow = 0

        init(capacity: Int = 1 << 20) { bytes.reserveCapacity(capacity) }

        var isEmpty: Bool { count == 0 }

        /// Appends a row.
        mutating func append(_ values: [ColumnValue]) {
            for value in values { field(value) }
            endRow()
        }

        mutating func field(_ value: ColumnValue) {
            switch value {
            case .text(let text), .json(let text): field(text: text)
            case .integer(let integer): field(ascii: String(integer))
            case .number(let number): field(ascii: number.description)
            case .flag(let flag): field(ascii: flag ? "t" : "f")
            case .null: null()
            }
        }

        mutating func field(text: String) {
            separate()
            var text = text
            text.withUTF8 { escape($0) }
        }

        /// A field of UTF-8 text.
        mutating func field(utf8: [UInt8]) {
            separate()
            utf8.withUnsafeBufferPointer { escape($0) }
        }

        mutating func field(_ integer: Int) { field(ascii: String(integer)) }

        mutating func field(_ flag: Bool) { field(ascii: flag ? "t" : "f") }

        /// A timestamp, at the millisecond, UTC (as the SQLite store keeps it).
        mutating func field(_ date: Date) { field(ascii: StoredDate.text(date) + "+00") }

        mutating func null() {
            separate()
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(UInt8(ascii: "N"))
        }

        mutating func endRow() {
            bytes.append(UInt8(ascii: "\n"))
            fieldsInRow = 0
            count += 1
        }

        /// The rows as a buffer to send; empties the rows.
        mutating func take() -> ByteBuffer {
            defer {
                bytes.removeAll(keepingCapacity: true)
                count = 0
            }
            return ByteBuffer(bytes: bytes)
        }

        private mutating func field(ascii: String) {
            separate()
            bytes.append(contentsOf: ascii.utf8)
        }

        private mutating func separate() {
            if fieldsInRow > 0 { bytes.append(UInt8(ascii: "\t")) }
            fieldsInRow += 1
        }

        private mutating func escape(_ utf8: UnsafeBufferPointer<UInt8>) {
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                default: bytes.append(byte)
                }
            }
        }
    }
#endif
