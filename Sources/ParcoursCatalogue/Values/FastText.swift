import Foundation

/// Text operations on the hot path of reading a catalogue, done on UTF-8 bytes rather than
/// through Foundation (measured: Foundation's string search and folding took over half of the
/// time of `validate catalogue` on a 100 MB file).
enum FastText {
    /// `text` with runs of Unicode white space turned into one space and the ends trimmed.
    static func collapsingWhiteSpace(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in needsCollapsing(bytes) ? collapsed(bytes) : nil } ?? text
    }

    /// The UTF-8 `bytes` as a string, white space collapsed as ``collapsingWhiteSpace(_:)-swift.type.method``.
    static func collapsingWhiteSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        needsCollapsing(bytes) ? collapsed(bytes) : String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `bytes` hold white space other than single spaces between words.
    private static func needsCollapsing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        var previousWasSpace = true
        while index < bytes.count {
            let length = whiteSpaceLength(bytes, at: index)
            if length > 0 {
                if previousWasSpace || length > 1 || bytes[index] != 0x20 { return true }
                previousWasSpace = true
            } else {
                previousWasSpace = false
            }
            index += 1
        }
        return previousWasSpace && !bytes.isEmpty
    }

    private static func collapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pendingSpace = false
        var index = 0
        while index < bytes.count {
            let length = whiteSpaceLength(bytes, at: index)
            if length > 0 {
                pendingSpace = !output.isEmpty
                index += length
            } else {
                if pendingSpace {
                    output.append(0x20)
                    pendingSpace = false
                }
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The byte length of the Unicode white-space character at `index`, 0 when there is none.
    @inline(__always)
    static func whiteSpaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0x20 || (0x09...0x0D).contains(byte) { return 1 }
        if byte < 0xC2 { return 0 }
        let remaining = bytes.count - index
        if byte == 0xC2, remaining >= 2, bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0 { return 2 }
        guard remaining >= 3 else { return 0 }
        let second = bytes[index + 1]
        let third = bytes[index + 2]
        switch byte {
        case 0xE1: return second == 0x9A && third == 0x80 ? 3 : 0
        case 0xE2:
            if second == 0x80, (0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF {
                return 3
            }
            return second == 0x81 && third == 0x9F ? 3 : 0
        case 0xE3: return second == 0x80 && third == 0x80 ? 3 : 0
        default: return 0
        }
    }

    /// Whether `text` holds the ASCII byte `byte`.
    static func contains(_ text: String, byte: UInt8) -> Bool {
        text.utf8.contains(byte)
    }

    /// Lower-case words of `text` without accents (Latin letters folded to ASCII), separated by
    /// single spaces and padded with one space at each end, as UTF-8: a term is then found on word
    /// boundaries by a plain byte search.
    static func searchKey(_ text: String) -> [UInt8] {
        var output: [UInt8] = [0x20]
        output.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            if let folded = fold(scalar) {
                output.append(contentsOf: folded.utf8)
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                output.append(contentsOf: String(Character(scalar)).lowercased().utf8)
            } else if output.last != 0x20 {
                output.append(0x20)
            }
        }
        if output.last != 0x20 { output.append(0x20) }
        return output
    }

    /// ASCII letters and digits lower-cased, common Latin accented letters and ligatures folded.
    private static func fold(_ scalar: Unicode.Scalar) -> String? {
        let value = scalar.value
        if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) { return String(scalar) }
        if (0x41...0x5A).contains(value) { return String(Unicode.Scalar(value + 0x20)!) }
        return latinFolding[value]
    }

    private static let latinFolding: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        let groups: [(String, String)] = [
            ("àáâãäåÀÁÂÃÄÅ", "a"), ("çÇ", "c"), ("èéêëÈÉÊË", "e"), ("ìíîïÌÍÎÏ", "i"), ("ñÑ", "n"),
            ("òóôõöÒÓÔÕÖ", "o"), ("ùúûüÙÚÛÜ", "u"), ("ýÿÝŸ", "y"),
        ]
        for (letters, ascii) in groups { for scalar in letters.unicodeScalars { table[scalar.value] = ascii } }
        table[0x0153] = "oe"
        table[0x0152] = "oe"
        table[0x00E6] = "ae"
        table[0x00C6] = "ae"
        return table
    }()

    /// A word or short phrase folded like ``searchKey(_:)``, without the padding: `Téléphone ` → `telephone`.
    static func foldedWord(_ text: String) -> String {
        let key = searchKey(text)
        return String(decoding: key.dropFirst().dropLast(), as: UTF8.self)
    }

    /// `text` without white space at either end, cheaply when there is none.
    static func trimmed(_ text: Substring) -> Substring {
        var result = text
        while let first = result.first, first.isWhitespace { result = result.dropFirst() }
        while let last = result.last, last.isWhitespace { result = result.dropLast() }
        return result
    }

    /// Whether `needle` occurs in `haystack` (bytes): candidates found by `memchr` on the needle's
    /// second byte (the first one of a ``searchKey(_:)`` term is a space, the commonest byte of a
    /// text), confirmed by `memcmp`.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                let base = UnsafeRawPointer(hay.baseAddress!)
                let pattern = UnsafeRawPointer(pin.baseAddress!)
                let anchor = pin.count > 1 ? 1 : 0
                let byte = Int32(pin[anchor])
                // Where the anchor byte may lie: from `anchor` to the last start plus `anchor`.
                let end = hay.count - pin.count + anchor
                var offset = anchor
                while offset <= end {
                    guard let found = memchr(base + offset, byte, end - offset + 1) else { return false }
                    let position = base.distance(to: UnsafeRawPointer(found))
                    if memcmp(base + (position - anchor), pattern, pin.count) == 0 { return true }
                    offset = position + 1
                }
                return false
            }
        }
    }

    /// Whether `text` is exactly the UTF-8 bytes `bytes`, without building a string.
    @inline(__always)
    static func equals(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { own in
            own.count == bytes.count && (own.isEmpty || memcmp(own.baseAddress!, bytes.baseAddress!, own.count) == 0)
        } ?? text.utf8.elementsEqual(bytes)
    }
}
