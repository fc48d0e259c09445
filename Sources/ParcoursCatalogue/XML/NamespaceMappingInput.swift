import CLibXML2
import Foundation

/// A file read through libxml2's I/O callbacks with one namespace URI replaced by another on the
/// fly, so that an LHEO 2.2 or 2.0 file is validated against the shipped 2.3 schema without being
/// copied. Works on ASCII-compatible encodings (UTF-8, ISO-8859-1, Windows-1252); line numbers are
/// kept (the URIs hold no line break).
final class NamespaceMappingInput {
    private let handle: FileHandle
    private let from: [UInt8]
    private let to: [UInt8]
    /// Bytes ready to hand out.
    private var ready: [UInt8] = []
    private var readyOffset = 0
    /// Bytes read but not yet scanned (they may start a match that continues in the next chunk).
    private var carry: [UInt8] = []
    private var atEnd = false

    init?(path: String, from: String, to: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        self.handle = handle
        self.from = Array(from.utf8)
        self.to = Array(to.utf8)
    }

    /// Copies up to `length` mapped bytes into `buffer`; 0 at the end, -1 on a read error.
    func read(into buffer: UnsafeMutablePointer<CChar>, length: Int) -> Int32 {
        while readyOffset == ready.count && !atEnd {
            guard refill() else { return -1 }
        }
        let count = min(length, ready.count - readyOffset)
        guard count > 0 else { return 0 }
        ready.withUnsafeBufferPointer { source in
            UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + readyOffset, byteCount: count)
        }
        readyOffset += count
        return Int32(count)
    }

    private func refill() -> Bool {
        let chunk: Data
        do {
            chunk = try handle.read(upToCount: 1 << 16) ?? Data()
        } catch {
            return false
        }
        if chunk.isEmpty { atEnd = true }
        var bytes = carry
        bytes.append(contentsOf: chunk)
        // Matches are looked for where they fit entirely; the last `from.count - 1` bytes wait
        // for the next chunk unless the file has ended.
        let scanLimit = atEnd ? bytes.count : bytes.count - (from.count - 1)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < scanLimit {
            if bytes[index] == from[0], index + from.count <= bytes.count,
                bytes[index..<index + from.count].elementsEqual(from)
            {
                output.append(contentsOf: to)
                index += from.count
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        carry = index < bytes.count ? Array(bytes[index...]) : []
        if atEnd {
            output.append(contentsOf: carry)
            carry = []
        }
        ready = output
        readyOffset = 0
        return true
    }

    func close() { try? handle.close() }
}
