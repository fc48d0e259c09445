import Crypto

/// Stable pseudonymous identifiers for agents, for outputs that leave their commune.
///
/// A pseudonym is the prefix, then the first hexadecimal digits of HMAC-SHA256(secret, commune
/// code + ":" + external id): the same agent keeps the same pseudonym in every output keyed by one
/// secret, and nobody without the secret can go back from a pseudonym to a person or recompute it
/// from a matricule.
public struct Pseudonymizer: Sendable {
    private let secret: [UInt8]
    private let prefix: String
    private let length: Int

    /// `length` hexadecimal digits (at most 64) follow `prefix`.
    public init(secret: [UInt8], prefix: String = "P-", length: Int = 10) {
        self.secret = secret
        self.prefix = prefix
        self.length = min(64, max(1, length))
    }

    /// The pseudonym of the agent `externalID` of commune `communeCode`, e.g. `P-3f9c2b71d0`.
    public func pseudonym(communeCode: String, externalID: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(
            for: Array("\(communeCode):\(externalID)".utf8), using: SymmetricKey(data: secret))
        return prefix + code.hexadecimal.prefix(length)
    }

    /// The pseudonym of `agent`.
    public func pseudonym(of agent: Agent) -> String {
        pseudonym(communeCode: agent.communeCode, externalID: agent.externalID)
    }
}
