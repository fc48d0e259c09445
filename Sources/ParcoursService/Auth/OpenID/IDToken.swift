import Foundation

/// The claims of an ID token that Parcours checks (OpenID Connect Core 1.0, 3.1.3.7). The token comes
/// straight from the provider's token endpoint over TLS, which 3.1.3.7 (6) allows to stand in for
/// checking its signature: the signature is not checked, the TLS connection to the issuer's endpoint is
/// what vouches for it (the service refuses a non-HTTPS issuer outside the loopback).
struct IDToken: Sendable {
    let issuer: String
    let subject: String
    let audiences: [String]
    let authorizedParty: String?
    let expiresAt: Date
    let issuedAt: Date
    let nonce: String?

    /// The claims of a compact JWT (header.payload.signature).
    init(compact token: String) throws(OpenIDError) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let payload = Self.base64URLDecoded(parts[1]),
            let object = try? JSONSerialization.jsonObject(with: payload) as? [String: Any]
        else { throw .idToken("not a compact JWT") }
        guard let issuer = object["iss"] as? String, let subject = object["sub"] as? String, !subject.isEmpty else {
            throw .idToken("iss or sub missing")
        }
        let audiences: [String]
        switch object["aud"] {
        case let one as String: audiences = [one]
        case let many as [String]: audiences = many
        default: throw .idToken("aud missing")
        }
        guard let exp = (object["exp"] as? NSNumber)?.doubleValue, let iat = (object["iat"] as? NSNumber)?.doubleValue
        else { throw .idToken("exp or iat missing") }
        self.issuer = issuer
        self.subject = subject
        self.audiences = audiences
        authorizedParty = object["azp"] as? String
        expiresAt = Date(timeIntervalSince1970: exp)
        issuedAt = Date(timeIntervalSince1970: iat)
        nonce = object["nonce"] as? String
    }

    /// Clock difference tolerated between the provider and this service.
    static let leeway: TimeInterval = 60

    /// Checks issuer, audience, authorised party, expiry, issue time and nonce.
    func check(issuer expectedIssuer: String, clientID: String, nonce expectedNonce: String, at now: Date)
        throws(OpenIDError)
    {
        guard issuer == expectedIssuer else { throw .idToken("iss is not the configured issuer") }
        guard audiences.contains(clientID) else { throw .idToken("aud does not name this client") }
        if audiences.count > 1 || authorizedParty != nil {
            guard authorizedParty == clientID else { throw .idToken("azp is not this client") }
        }
        guard expiresAt.addingTimeInterval(Self.leeway) > now else { throw .idToken("expired") }
        guard issuedAt.addingTimeInterval(-Self.leeway) <= now else { throw .idToken("issued in the future") }
        guard nonce == expectedNonce else { throw .idToken("nonce does not match") }
    }

    static func base64URLDecoded(_ text: Substring) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
