extension Sequence<UInt8> {
    /// The bytes as lower-case hexadecimal, two digits each (a digest as people and SQL read it).
    public var hexadecimal: String {
        var text = ""
        for byte in self {
            text += String(byte >> 4, radix: 16) + String(byte & 0x0f, radix: 16)
        }
        return text
    }
}
