import Foundation
import ParcoursStore
import Testing

@Suite struct SourceFileTests {
    @Test func hashesTheContentWithSHA256() {
        // FIPS 180-2 example: SHA-256("abc").
        #expect(
            SourceFile(name: "a.csv", contents: Data("abc".utf8)).contentHash
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
