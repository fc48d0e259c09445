import Foundation
import ParcoursImport
import ParcoursModel
import Testing

/// A large export is read in pieces on several threads; its rows, lines and problems must be those
/// of reading it from start to end, wherever the pieces are cut.
@Suite struct PixPiecesTests {
    /// The rows of an export and its problems (English lines), read with `threads` threads in pieces
    /// of `pieceSize` bytes.
    func read(_ bytes: [UInt8], pieceSize: Int, threads: Int) -> ([PixRow], [String]) {
        var rows: [PixRow] = []
        do {
            let reader = try PixExportReader(
                bytes: bytes, file: "export.csv", framework: framework, pieceSize: pieceSize, threads: threads)
            try reader.forEachRow { rows.append($0) }
            #expect(reader.bytesConsumed == bytes.count)
            return (rows, [])
        } catch let failure as ImportFailure {
            return (rows, failure.lines(in: .english))
        } catch {
            Issue.record("unexpected \(error)")
            return (rows, [])
        }
    }

    func expectSameReading(_ bytes: [UInt8], pieceSizes: some Sequence<Int>) {
        let sequential = read(bytes, pieceSize: bytes.count, threads: 1)
        for pieceSize in pieceSizes {
            let pieces = read(bytes, pieceSize: pieceSize, threads: 2)
            #expect(pieces.0 == sequential.0, "piece size \(pieceSize)")
            #expect(pieces.1 == sequential.1, "piece size \(pieceSize)")
        }
    }

    @Test(arguments: [
        "sample-profiles-collection.synthetic.csv", "sample-assessment.synthetic.csv",
        "sample-profiles-collection.excel-windows-1252.csv",
    ])
    func fixturesReadTheSameInPieces(name: String) throws {
        let bytes = Array(try Data(contentsOf: fixtures.appending(path: name)))
        expectSameReading(bytes, pieceSizes: stride(from: 3, to: bytes.count, by: 37))
        let sequential = try PixExportReader(
            path: fixtures.appending(path: name).path, framework: framework, threads: 1
        ).readAll()
        let pieces = try PixExportReader(
            path: fixtures.appending(path: name).path, framework: framework, pieceSize: 200, threads: 2
        ).readAll()
        #expect(pieces == sequential && !sequential.isEmpty)
    }

    /// Quoted line breaks (LF and CRLF), a BOM, faulty rows, then a row after them.
    static let quoted: [UInt8] =
        [0xEF, 0xBB, 0xBF]
        + Array(
            ("Nom de l'organisation;ID Campagne;Code;Nom de la campagne;Nom du Participant;Prénom du Participant;Matricule;Envoi (O/N);Date et heure de l'envoi (Europe/Paris);Niveau pour la compétence Gérer des données;Nombre de pix pour la compétence Gérer des données\n"
                + (0..<12).map { index in
                    "Org;1;C;Camp;\"Van\nder \"\"\(index)\"\"\";\"A\r\nB\";\"\(index)\";Oui;01/01/2025 10:00;\(index % 9);\(index * 3)\n"
                }.joined()
                + "Org;1;C;Camp;X;Y;Z;Peut-être;NA;NA;NA\n\nOrg;1;C;Camp;\"multi\nligne\";Y;Z;Oui;31/02/2025 10:00;x;1\n"
                + "Org;1;C;Camp;ok;ok;ok;Non;NA;NA;NA\n").utf8)

    @Test func quotedLineBreaksAndProblemsReadTheSameInPieces() {
        let sequential = read(Self.quoted, pieceSize: Self.quoted.count, threads: 1)
        #expect(
            sequential.1 == [
                "export.csv:38: column \"Envoi (O/N)\": expected Oui or Non",
                "export.csv:40: column \"Date et heure de l'envoi (Europe/Paris)\": expected a date as DD/MM/YYYY HH:mm or YYYY-MM-DD",
                "export.csv:40: column \"Niveau pour la compétence Gérer des données\": expected a whole level from 0 to 8",
            ])
        expectSameReading(Self.quoted, pieceSizes: 1..<Self.quoted.count)
        // Without problems, every row is handed out with its first line.
        let clean = Array(Self.quoted[..<(Self.quoted.firstIndex(of: UInt8(ascii: "X"))! - 13)])
        let rows = read(clean, pieceSize: 50, threads: 2)
        #expect(rows.1.isEmpty && rows.0.map(\.line) == Array(stride(from: 2, through: 35, by: 3)))
        #expect(rows.0[11].lastName == "Van\nder \"11\"" && rows.0[11].participation.levels?[code("1.2")] == 2)
    }

    @Test func theProblemLimitFallsAtTheSameRecord() {
        // 120 faulty rows with two problems each: reading stops after the record that reaches the limit.
        let header =
            "Nom de l'organisation;ID Campagne;Code;Nom de la campagne;Nom du Participant;Prénom du Participant;Envoi (O/N);Date et heure de l'envoi (Europe/Paris);Niveau pour la compétence Gérer des données;Nombre de pix pour la compétence Gérer des données\n"
        let bytes = Array(
            (header + String(repeating: "Org;1;C;Camp;N;P;Oui;NA;x;-1\n", count: 120)).utf8)
        let sequential = read(bytes, pieceSize: bytes.count, threads: 1)
        #expect(sequential.1.count == PixExportReader.maximumProblems)
        #expect(sequential.1.last?.hasPrefix("export.csv:51:") == true)
        expectSameReading(bytes, pieceSizes: [29, 64, 100, 301, 1000])
    }
}
