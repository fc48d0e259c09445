import Foundation
import ParcoursCSV
import Testing

/// Reading in pieces gives what one reader from start to end gives, wherever the cuts fall.
@Suite struct CSVPiecesTests {
    /// The rows of `bytes` after its first record, read in pieces of `pieceSize` bytes, then the
    /// error that ended the reading.
    func piecewise(_ bytes: [UInt8], pieceSize: Int, threads: Int = 2) throws -> ([CSVRow], CSVError?) {
        let header = CSVReader(bytes: bytes, source: "test.csv")
        _ = try header.next()
        let pieces = CSVPieces(
            input: .bytes(bytes), source: "test.csv", encoding: header.encoding ?? .utf8,
            start: header.nextRecordOffset, firstLine: header.nextLine, end: bytes.count, pieceSize: pieceSize,
            threads: threads)
        var rows: [CSVRow] = []
        var failure: CSVError?
        try pieces.forEach(
            read: { reader -> [Result<CSVRow, CSVError>] in
                var read: [Result<CSVRow, CSVError>] = []
                do throws(CSVError) {
                    while let record = try reader.next() {
                        read.append(.success(CSVRow(line: record.line, fields: record.strings)))
                    }
                } catch {
                    read.append(.failure(error))
                }
                return read
            },
            consume: { piece, linesBefore in
                for item in piece {
                    switch item {
                    case .success(let row): rows.append(CSVRow(line: row.line + linesBefore, fields: row.fields))
                    case .failure(let error):
                        failure = CSVError(source: error.source, line: error.line + linesBefore, kind: error.kind)
                    }
                }
                return true
            })
        return (rows, failure)
    }

    /// The rows after the first record and the error, read from start to end.
    func sequential(_ bytes: [UInt8]) -> ([CSVRow], CSVError?) {
        let reader = CSVReader(bytes: bytes, source: "test.csv")
        var rows: [CSVRow] = []
        do {
            _ = try reader.next()
            while let record = try reader.next() { rows.append(CSVRow(line: record.line, fields: record.strings)) }
            return (rows, nil)
        } catch {
            return (rows, error)
        }
    }

    static let texts: [[UInt8]] = [
        // Quoted line breaks (LF and CRLF), quotes, blank lines, a CR-only line end, a BOM.
        [0xEF, 0xBB, 0xBF]
            + Array(
                "nom;note\n\"Hélène\nDupont\";1\r\n\"a \"\"b\"\"\";2\n\n\n\"x\r\ny\r\nz\";3\rplain;4\n\"\n\";5\nlast;6"
                    .utf8),
        // Windows-1252 (no BOM; the header decides), CRLF.
        Array("Pr".utf8) + [0xE9] + Array("nom;n\r\n\"L".utf8) + [0xE9, 0x0A, 0x61] + Array("\";1\r\nb;2\r\n".utf8),
        // An unterminated quote near the end, and bytes that are not UTF-8 in a UTF-8 file.
        Array("é;n\na;1\n\"b\nc\";2\nd;3\n\"open\n\n".utf8),
        Array("é;n\na;1\n\"b\nc\";2\nd;".utf8) + [0xE9] + Array("\ne;5\n".utf8),
    ]

    @Test(arguments: texts.indices) func everyCutGivesTheSequentialReading(text: Int) throws {
        let bytes = Self.texts[text]
        let expected = sequential(bytes)
        for pieceSize in 1...bytes.count {
            let read = try piecewise(bytes, pieceSize: pieceSize)
            #expect(read.0 == expected.0, "piece size \(pieceSize)")
            #expect(read.1 == expected.1, "piece size \(pieceSize)")
        }
        #expect(try piecewise(bytes, pieceSize: 7, threads: 1) == expected)
    }

    @Test func readsAFileInPiecesOnSeveralThreads() throws {
        var text = "id;texte\n"
        for index in 0..<2000 { text += index % 7 == 0 ? "\(index);\"deux\nlignes\"\n" : "\(index);simple\n" }
        let url = FileManager.default.temporaryDirectory.appending(path: "parcours-pieces-\(UUID()).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let header = try CSVReader(path: url.path)
        _ = try header.next()
        let pieces = CSVPieces(
            input: .file(path: url.path), source: "t.csv", encoding: .utf8, start: header.nextRecordOffset,
            firstLine: 2, end: text.utf8.count, pieceSize: 97, threads: 3)
        var lines: [Int] = []
        var firstFields: [String] = []
        try pieces.forEach(
            read: { reader in
                var read: [(Int, String)] = []
                while let record = try? reader.next() { read.append((record.line, record[0].string)) }
                return read.map { "\($0.0) \($0.1)" }
            },
            consume: { piece, linesBefore in
                for item in piece {
                    let parts = item.split(separator: " ")
                    lines.append(Int(parts[0])! + linesBefore)
                    firstFields.append(String(parts[1]))
                }
                return true
            })
        let expected = sequential(Array(text.utf8)).0
        #expect(firstFields == expected.map { $0.fields[0] })
        #expect(lines == expected.map(\.line))
    }
}
