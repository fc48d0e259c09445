import Foundation

/// A ZIP archive with stored (uncompressed) entries: what an OpenDocument package needs (its
/// `mimetype` must be stored anyway; the other parts may be). Written here rather than with
/// ZIPFoundation: its package declares a resource folder SwiftPM warns about on every fresh build,
/// and stored entries need no compression library.
public enum StoredZIP {
    /// The archive of `entries`, in order, as bytes.
    public static func archive(_ entries: [(path: String, data: Data)]) -> Data {
        var output = Data()
        var central = Data()
        for (path, data) in entries {
            let name = Data(path.utf8)
            let crc = crc32(data)
            let offset = UInt32(output.count)
            output.append(le32(0x0403_4b50))
            output.append(le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0x21))  // version, UTF-8 names, stored, 00:00, 1980-01-01
            output.append(le32(crc) + le32(UInt32(data.count)) + le32(UInt32(data.count)))
            output.append(le16(UInt16(name.count)) + le16(0))
            output.append(name)
            output.append(data)
            central.append(le32(0x0201_4b50) + le16(20) + le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0x21))
            central.append(le32(crc) + le32(UInt32(data.count)) + le32(UInt32(data.count)))
            central.append(le16(UInt16(name.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset))
            central.append(name)
        }
        let centralOffset = UInt32(output.count)
        output.append(central)
        output.append(le32(0x0605_4b50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count)))
        output.append(le32(UInt32(central.count)) + le32(centralOffset) + le16(0))
        return output
    }

    /// The entries of an archive of stored entries, by path, in order; nil when it is not one.
    public static func entries(of archive: Data) -> [(path: String, data: Data)]? {
        let bytes = [UInt8](archive)
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        var entries: [(String, Data)] = []
        var position = 0
        while position + 30 <= bytes.count, u32(position) == 0x0403_4b50 {
            guard u16(position + 8) == 0 else { return nil }
            let size = u32(position + 18)
            let nameLength = u16(position + 26)
            let extraLength = u16(position + 28)
            let start = position + 30 + nameLength + extraLength
            guard start + size <= bytes.count,
                let name = String(bytes: bytes[(position + 30)..<(position + 30 + nameLength)], encoding: .utf8)
            else { return nil }
            let data = Data(bytes[start..<(start + size)])
            guard crc32(data) == UInt32(u32(position + 14)) else { return nil }
            entries.append((name, data))
            position = start + size
        }
        return entries.isEmpty ? nil : entries
    }

    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    /// CRC-32 (ISO 3309, as ZIP uses it).
    static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    private static func le16(_ value: UInt16) -> Data { Data([UInt8(value & 0xFF), UInt8(value >> 8)]) }
    private static func le32(_ value: UInt32) -> Data {
        Data([UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)])
    }
}
