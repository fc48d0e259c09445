/// The limits a catalogue file must stay within; a file beyond them is refused as a whole.
///
/// Entity expansion needs no limit of its own: a catalogue may not carry a DTD (a DOCTYPE with an
/// identifier or an internal subset is refused before any content is read; only a bare
/// `<!DOCTYPE name>`, which declares and loads nothing, is accepted), external entities and DTDs are
/// never loaded (`XML_PARSE_NOENT`/`XML_PARSE_DTDLOAD` are never set) and the parser never uses the
/// network (`XML_PARSE_NONET`).
public struct XMLSafetyLimits: Sendable, Hashable {
    /// Largest file accepted, in bytes.
    public var maximumFileBytes: Int
    /// Deepest element nesting accepted (the root is depth 1). libxml2 itself stops at 256.
    public var maximumDepth: Int
    /// Most elements in one record (one course): bounds the memory of a record read as a whole.
    public var maximumElementsPerRecord: Int

    public init(maximumFileBytes: Int = 1 << 30, maximumDepth: Int = 48, maximumElementsPerRecord: Int = 200_000) {
        self.maximumFileBytes = maximumFileBytes
        self.maximumDepth = maximumDepth
        self.maximumElementsPerRecord = maximumElementsPerRecord
    }

    public static let standard = XMLSafetyLimits()
}
