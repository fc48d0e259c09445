import Foundation
import ParcoursCSV
import Testing

@Suite struct CSVWriterTests {
    @Test func writesForFrenchExcel() throws {
        let writer = CSVWriter()
        writer.write(["Commune", "Note", "Écart"])
        writer.write([.text("=HYPERLINK(\"x\")"), .integer(-3), .decimal(1.25, fractionDigits: 2)])
        writer.write([.text("a;b"), .text(" padded"), .decimal(0.5), .empty, .text("@me"), .text("-1"), .text("+33")])
        let expected =
            "\u{FEFF}Commune;Note;Écart\r\n\"'=HYPERLINK(\"\"x\"\")\";-3;1,25\r\n\"a;b\";\" padded\";0,5;;'@me;'-1;'+33\r\n"
        #expect(String(decoding: writer.data, as: UTF8.self) == expected)
    }

    @Test func restoresWhatItNeutralised() {
        #expect(FormulaNeutralisation.restore("'=Bono") == "=Bono")
        #expect(FormulaNeutralisation.restore("'bonjour") == "'bonjour")
        #expect(FormulaNeutralisation.restore(FormulaNeutralisation.neutralise("-Remise")) == "-Remise")
    }

    /// Random awkward rows written then read back with a tiny buffer come back identical.
    @Test func roundTripsAwkwardRowsThroughAFile() throws {
        var generator = SplitMix64(seed: 2026)
        let alphabet: [String] = ["a", "é", ";", "\"", "\n", "\r\n", " ", "=", "’", "€", "0", "NA"]
        let table: [[String]] = (0..<200).map { _ in
            (0..<Int.random(in: 1...6, using: &generator)).map { _ in
                (0..<Int.random(in: 0...8, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
                    .joined()
            }
        }.filter { $0 != [""] }
        let url = FileManager.default.temporaryDirectory.appending(path: "parcours-roundtrip-\(UUID()).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try CSVWriter(path: url.path)
        for row in table { writer.write(row) }
        try writer.close()
        let reader = try CSVReader(path: url.path, bufferSize: 16)
        let back = try reader.readAll().map { $0.fields.map(FormulaNeutralisation.restore) }
        #expect(back == table)
        #expect(reader.hadByteOrderMark)
    }
}

/// A small deterministic generator, so that the random test is the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
