import Foundation
import ParcoursTenderDocuments
import Testing

@Suite struct StoredZIPTests {
    @Test func readsBackWhatItWrites() throws {
        let entries = [
            ("mimetype", Data("application/vnd.oasis.opendocument.text".utf8)), ("dossier/é.xml", Data("<a/>".utf8)),
        ]
        let archive = StoredZIP.archive(entries)
        let read = try #require(StoredZIP.entries(of: archive))
        #expect(read.map(\.path) == ["mimetype", "dossier/é.xml"])
        #expect(read.map(\.data) == entries.map(\.1))
        // The mimetype comes first, uncompressed, right after its 30-byte header: what ODF readers sniff.
        #expect(String(decoding: archive[38..<77], as: UTF8.self) == "application/vnd.oasis.opendocument.text")
    }

    @Test func refusesACorruptedEntry() {
        var archive = StoredZIP.archive([("a.txt", Data("abc".utf8))])
        archive[35] = UInt8(ascii: "x")
        #expect(StoredZIP.entries(of: archive) == nil)
    }
}
