import Foundation
import ParcoursCSV
import Testing

/// Reads `text` (as UTF-8 unless `bytes` are given) and returns every record with its line.
func rows(_ text: String, bufferSize: Int = 1 << 20, separator: Character = ";") throws -> [CSVRow] {
    try CSVReader(bytes: Array(text.utf8), source: "test.csv", separator: separator.asciiValue!, bufferSize: bufferSize)
        .readAll()
}

@Suite struct CSVReaderTests {
    @Test func readsQuotedFieldsWithSeparatorsQuotesAndLineBreaks() throws {
        let text = "a;b;c\n\"x;y\";\"say \"\"hi\"\"\";\"two\nlines\"\nplain;;\"\"\n"
        for bufferSize in [16, 1 << 20] {
            let read = try rows(text, bufferSize: bufferSize)
            #expect(read.map(\.fields) == [["a", "b", "c"], ["x;y", "say \"hi\"", "two\nlines"], ["plain", "", ""]])
            #expect(read.map(\.line) == [1, 2, 4])
        }
    }

    @Test func acceptsCRLFAndCROnlyLineEndsAndSkipsBlankLines() throws {
        let read = try rows("h1;h2\r\n1;\"a\r\nb\"\r\n\r\n2;c\r3;d")
        #expect(read.map(\.fields) == [["h1", "h2"], ["1", "a\r\nb"], ["2", "c"], ["3", "d"]])
        #expect(read.map(\.line) == [1, 2, 5, 6])
    }

    @Test func skipsTheByteOrderMarkAndReportsUTF8() throws {
        let reader = CSVReader(bytes: [0xEF, 0xBB, 0xBF] + Array("\"Prénom\";x\n".utf8), source: "bom.csv")
        let record = try #require(try reader.next())
        #expect(record.strings == ["Prénom", "x"])
        #expect(reader.hadByteOrderMark)
        #expect(reader.encoding == .utf8)
    }

    @Test func detectsUTF8WithoutByteOrderMark() throws {
        let reader = CSVReader(bytes: Array("id;nom\n1;Hélène’s\n".utf8), source: "plain.csv")
        #expect(try reader.readAll().last?.fields == ["1", "Hélène’s"])
        #expect(reader.encoding == .utf8)
        #expect(!reader.hadByteOrderMark)
    }

    @Test func detectsWindows1252FromAnExcelResave() throws {
        // "Prénom;Coût €;Sécuriser l’environnement" as Excel saves it on a French Windows.
        let bytes: [UInt8] =
            Array("Pr".utf8) + [0xE9] + Array("nom;Co".utf8) + [0xFB] + Array("t ".utf8) + [0x80]
            + Array(";S".utf8) + [0xE9] + Array("curiser l".utf8) + [0x92] + Array("environnement\r\n".utf8)
        let reader = CSVReader(bytes: bytes, source: "excel.csv")
        #expect(try reader.readAll().first?.fields == ["Prénom", "Coût €", "Sécuriser l’environnement"])
        #expect(reader.encoding == .windows1252)
    }

    @Test func rejectsNonUTF8BytesAfterUTF8WasDetected() throws {
        let bytes = Array("é;1\nok;2\n".utf8) + [0x41, 0x3B, 0xE9, 0x0A]
        let reader = CSVReader(bytes: bytes, source: "mixed.csv")
        #expect(throws: CSVError(source: "mixed.csv", line: 3, kind: .invalidUTF8(field: 2))) {
            try reader.readAll()
        }
    }

    @Test func reportsAnUnterminatedQuoteAtTheLineWhereItsRecordStarts() throws {
        #expect(throws: CSVError(source: "test.csv", line: 2, kind: .unterminatedQuote)) {
            try rows("a;b\n1;\"open\n\n\nstill open")
        }
    }

    @Test func reportsTextAfterAClosingQuote() throws {
        let error = #expect(throws: CSVError.self) { try rows("a;b\n\"x\";\"y\"z\n") }
        #expect(error == CSVError(source: "test.csv", line: 2, kind: .textAfterClosingQuote(field: 2)))
        #expect(error?.description == "test.csv:2: field 2: text after a closing quote")
    }

    @Test func readsLongRecordsAcrossBufferRefills() throws {
        let long = String(repeating: "é\"\"", count: 50)
        let read = try rows("\"\(long)\";\(String(repeating: "z", count: 70))\nnext;1\n", bufferSize: 16)
        #expect(read[0].fields == [long.replacing("\"\"", with: "\""), String(repeating: "z", count: 70)])
        #expect(read[1] == CSVRow(line: 2, fields: ["next", "1"]))
    }

    @Test func readsAnotherSeparator() throws {
        #expect(try rows("a,\"b,c\"\n", separator: ",").first?.fields == ["a", "b,c"])
    }

    @Test func parsesNumbersWithoutDecodingText() throws {
        let reader = CSVReader(
            bytes: Array("0,67;1;-12;0.333;NA;;12 ;1,2,3;007;99999999999999999999\n".utf8), source: "n")
        let record = try #require(try reader.next())
        #expect(record[0].decimal == 0.67)
        #expect(record[1].decimal == 1 && record[1].integer == 1)
        #expect(record[2].integer == -12)
        #expect(record[3].decimal == 0.333 && record[3].integer == nil)
        #expect(record[4].decimal == nil && record[4].integer == nil && record[4].matches("NA"))
        #expect(record[5].isEmpty && record[5].integer == nil)
        #expect(record[6].integer == 12)
        #expect(record[7].decimal == nil)
        #expect(record[8].integer == 7 && record[8].string == "007")
        #expect(record[9].integer == nil)
    }

    @Test func readsAFileFromDiskAndNamesAMissingOne() throws {
        let url = FileManager.default.temporaryDirectory.appending(path: "parcours-csv-\(UUID()).csv")
        try Data("a;b\n1;2\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try CSVReader.readAll(path: url.path).map(\.fields) == [["a", "b"], ["1", "2"]])
        let error = #expect(throws: CSVError.self) { try CSVReader(path: "/nonexistent/x.csv") }
        #expect(error?.kind == .fileAccess("No such file or directory"))
    }
}
