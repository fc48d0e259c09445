import ParcoursModel
import Testing

@Suite struct PseudonymizerTests {
    @Test func isTheKeyedHashOfCommuneAndExternalID() {
        // HMAC-SHA256("Jefe", "92094:AG-0042") computed independently (Python's hmac module).
        let pseudonymizer = Pseudonymizer(secret: Array("Jefe".utf8), prefix: "P-", length: 64)
        #expect(
            pseudonymizer.pseudonym(communeCode: "92094", externalID: "AG-0042")
                == "P-89a38e0b6f70f60ff87231a7213ccd000f4a76798fca152ef8fdc35529447811")
    }

    @Test func keepsThePrefixAndLengthAsked() {
        let pseudonymizer = Pseudonymizer(secret: Array("Jefe".utf8), prefix: "X-", length: 10)
        #expect(pseudonymizer.pseudonym(communeCode: "92094", externalID: "AG-0042") == "X-89a38e0b6f")
        #expect(
            pseudonymizer.pseudonym(communeCode: "92094", externalID: "AG-0043")
                != pseudonymizer.pseudonym(communeCode: "92094", externalID: "AG-0042"))
    }

    @Test func writesBytesAsLowerCaseHexadecimal() {
        #expect([0x00, 0x0f, 0xa0, 0xff].hexadecimal == "000fa0ff")
    }
}
