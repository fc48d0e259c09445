/// How pseudonyms look in outputs that leave a commune (`Config/policy.yaml`); the secret they are
/// computed with is kept by the store, never in Config.
public struct PseudonymPolicy: Hashable, Codable, Sendable {
    /// Written before the digest, e.g. `P-`.
    public let prefix: String
    /// Hexadecimal digits of the HMAC-SHA256 digest kept (6…64).
    public let length: Int

    public init(prefix: String, length: Int) {
        self.prefix = prefix
        self.length = length
    }
}
