import ParcoursModel
import Testing

@Suite struct SHA256Tests {
    @Test func knownDigests() {
        // FIPS 180-4 examples.
        #expect(
            SHA256.hexadecimal(SHA256.hash(Array("abc".utf8)))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hexadecimal(SHA256.hash([UInt8]()))
                == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            SHA256.hexadecimal(SHA256.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func bufferUpdatesInPiecesGiveTheSameDigest() {
        let message = (0..<1000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        var hasher = SHA256()
        for piece in [message[0..<3], message[3..<200], message[200..<1000]] {
            Array(piece).withUnsafeBytes { hasher.update(buffer: $0) }
        }
        #expect(hasher.finalize() == SHA256.hash(message))
    }

    @Test func hmacMatchesRFC4231() {
        // RFC 4231, test case 2.
        let code = SHA256.authenticationCode(for: Array("what do ya want for nothing?".utf8), key: Array("Jefe".utf8))
        #expect(
            SHA256.hexadecimal(code) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func pseudonymsAreStableAndKeyed() {
        let one = Pseudonymizer(secret: Array("secret one".utf8))
        let two = Pseudonymizer(secret: Array("secret two".utf8))
        let first = one.pseudonym(communeCode: "92094", externalID: "00123")
        #expect(first == one.pseudonym(communeCode: "92094", externalID: "00123"))
        #expect(first != two.pseudonym(communeCode: "92094", externalID: "00123"))
        #expect(first != one.pseudonym(communeCode: "92094", externalID: "0123"))
        #expect(first.hasPrefix("P-") && first.count == 12)
        #expect(
            Pseudonymizer(secret: [1], prefix: "X", length: 4).pseudonym(communeCode: "1", externalID: "2").count == 5)
    }
}
