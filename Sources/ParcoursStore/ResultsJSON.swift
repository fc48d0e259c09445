import Foundation
import ParcoursModel

/// The results of a participation as stored in its row (migration "v3 results in participation"):
/// one JSON object per kind of result, keyed by competence code, NULL when the participation has
/// none of that kind: `levels` and `pix` (`{"1.1":2,…}`), `mastery` (`{"3.1":0.625}`), `skills`
/// (`{"3.1":[8,5]}`, total then mastered) and `estimatedLevels`. SQLite's JSON functions read them
/// (`json_extract(levels, '$."1.1"')`).
///
/// Written and read here, without a general JSON library: a million rows are written in a few
/// seconds.
package enum ResultsJSON {
    /// A JSON object being written into a reusable buffer.
    package struct Writer {
        package private(set) var bytes: [UInt8] = []

        package init() { bytes.reserveCapacity(512) }

        /// The object of `pairs` as text, `value` writing each value.
        mutating func object<Pairs: Sequence, Value>(
            _ pairs: Pairs, value: (Value, inout Writer) -> Void
        ) -> String where Pairs.Element == (CompetenceCode, Value) {
            write(pairs, value: value)
            return String(decoding: bytes, as: UTF8.self)
        }

        /// Writes the object of `pairs` into ``bytes``, `value` writing each value.
        mutating func write<Pairs: Sequence, Value>(
            _ pairs: Pairs, value: (Value, inout Writer) -> Void
        ) where Pairs.Element == (CompetenceCode, Value) {
            bytes.removeAll(keepingCapacity: true)
            bytes.append(UInt8(ascii: "{"))
            for (code, item) in pairs {
                if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
                string(code.rawValue)
                bytes.append(UInt8(ascii: ":"))
                value(item, &self)
            }
            bytes.append(UInt8(ascii: "}"))
        }

        mutating func integer(_ value: Int) { JSONOutput.integer(value, into: &bytes) }

        /// A finite number, in the shortest form that reads back to the same value.
        mutating func number(_ value: Double) {
            bytes.append(contentsOf: value.description.utf8)
        }

        mutating func pair(_ first: Int, _ second: Int) {
            bytes.append(UInt8(ascii: "["))
            integer(first)
            bytes.append(UInt8(ascii: ","))
            integer(second)
            bytes.append(UInt8(ascii: "]"))
        }

        private mutating func string(_ text: String) { JSONOutput.string(text, into: &bytes) }
    }

    /// Stored results that do not read as this encoding describes.
    struct Malformed: Error {}

    /// Reads an object written by ``Writer``, or by PostgreSQL's jsonb output (a space after each
    /// colon and comma); `value` reads one value at the reader's position.
    static func object<Value>(
        _ text: String, value: (inout Reader) throws -> Value
    ) throws -> [CompetenceCode: Value] {
        var text = text
        return try text.withUTF8 { utf8 in
            var reader = Reader(bytes: utf8)
            var result: [CompetenceCode: Value] = [:]
            try reader.expect(UInt8(ascii: "{"))
            if try reader.skip(UInt8(ascii: "}")) { return result }
            repeat {
                let code = CompetenceCode(try reader.string())
                try reader.expect(UInt8(ascii: ":"))
                result[code] = try value(&reader)
            } while try reader.skip(UInt8(ascii: ","))
            try reader.expect(UInt8(ascii: "}"))
            return result
        }
    }

    /// A position in stored JSON text.
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        func peek() throws -> UInt8 {
            guard index < bytes.count else { throw Malformed() }
            return bytes[index]
        }

        /// Skips the spaces between tokens.
        private mutating func skipSpaces() {
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        }

        mutating func expect(_ byte: UInt8) throws {
            skipSpaces()
            guard try peek() == byte else { throw Malformed() }
            index += 1
        }

        /// Skips `byte` if it is next.
        mutating func skip(_ byte: UInt8) throws -> Bool {
            skipSpaces()
            guard try peek() == byte else { return false }
            index += 1
            return true
        }

        mutating func string() throws -> String {
            try expect(UInt8(ascii: "\""))
            var utf8: [UInt8] = []
            while true {
                let byte = try peek()
                index += 1
                if byte == UInt8(ascii: "\"") { break }
                guard byte == UInt8(ascii: "\\") else {
                    utf8.append(byte)
                    continue
                }
                let escaped = try peek()
                index += 1
                if escaped == UInt8(ascii: "u") {
                    guard index + 4 <= bytes.count,
                        let code = UInt8(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
                    else { throw Malformed() }
                    utf8.append(code)
                    index += 4
                } else {
                    utf8.append(escaped)
                }
            }
            return String(decoding: utf8, as: UTF8.self)
        }

        /// The text of a JSON number.
        private mutating func numberText() throws -> Substring {
            skipSpaces()
            let start = index
            while index < bytes.count, Self.numberBytes.contains(bytes[index]) { index += 1 }
            guard index > start else { throw Malformed() }
            return Substring(decoding: bytes[start..<index], as: UTF8.self)
        }

        mutating func integer() throws -> Int {
            guard let value = Int(try numberText()) else { throw Malformed() }
            return value
        }

        mutating func number() throws -> Double {
            guard let value = Double(try numberText()) else { throw Malformed() }
            return value
        }

        mutating func pair() throws -> (Int, Int) {
            try expect(UInt8(ascii: "["))
            let first = try integer()
            try expect(UInt8(ascii: ","))
            let second = try integer()
            try expect(UInt8(ascii: "]"))
            return (first, second)
        }

        private static let numberBytes = Set("0123456789+-.eE".utf8)
    }
}
