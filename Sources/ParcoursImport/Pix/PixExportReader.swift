import Foundation
import ParcoursCSV
import ParcoursModel

/// Reads a Pix Orga campaign export (profiles collection or assessment) row by row, normalising
/// each participant row into a ``PixRow`` (or a ``PixParticipation``).
///
/// Values as Pix writes them: decimal comma, `NA`, Oui/Non, dates `DD/MM/YYYY HH:mm`
/// (Europe/Paris) or legacy `YYYY-MM-DD`, the `'` Pix puts before a value starting with
/// `= + - @` removed, identifiers kept as text. Participants who did not share (or send) their
/// results are kept as not shared, with no results. Profiles collections give a measured level and
/// pix count for all 16 competences (a competence absent from the export counts as level 0, 0
/// pix); assessments give mastery and skill counts for the target profile's competences, with a
/// level estimated by ``AssessmentLevelEstimate``.
///
/// Reading is all or nothing: rows are handed out until the first problem; after it, the rest of
/// the file is still checked so that every problem (up to ``maximumProblems``) is reported at
/// once, in an ``ImportFailure`` thrown at the end.
public final class PixExportReader {
    /// The file name used in problems.
    public let file: String
    public let kind: PixCampaignKind
    /// The competences the export gives results for, in framework order: all those of a profiles
    /// collection, the target profile's for an assessment.
    public let competenceCodes: [CompetenceCode]
    /// The headers of the extra columns kept in ``PixRow/extraColumns``.
    public var extraColumnHeaders: [String] { layout.header.extraColumns.map(\.header) }
    /// Problems gathered before the reader gives up.
    public static let maximumProblems = 100
    /// Bytes of the file read so far (for progress).
    public private(set) var bytesConsumed: Int

    private let csv: CSVReader
    private let input: CSVPieces.Input
    private let inputSize: Int
    private let layout: PixLayout
    private let pieceSize: Int
    private let threads: Int

    /// Opens the export at `path` and analyses its header; `file` names it in problems (default:
    /// `path`). A large file is read in pieces of `pieceSize` bytes on `threads` threads (see
    /// ``forEachRow(_:)``).
    public convenience init(
        path: String, file: String? = nil, framework: CompetenceFramework, pieceSize: Int = 256 << 10,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount
    ) throws(ImportFailure) {
        let reader: CSVReader
        let size: Int
        do {
            reader = try CSVReader(path: path, source: file ?? path)
            size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        } catch {
            throw ImportFailure(problems: [ImportProblem(error)])
        }
        try self.init(
            csv: reader, input: .file(path: path), size: size, framework: framework, pieceSize: pieceSize,
            threads: threads)
    }

    /// Reads an export already in memory (in pieces as ``init(path:file:framework:pieceSize:threads:)`` says).
    public convenience init(
        bytes: [UInt8], file: String, framework: CompetenceFramework, pieceSize: Int = 256 << 10,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount
    ) throws(ImportFailure) {
        try self.init(
            csv: CSVReader(bytes: bytes, source: file), input: .bytes(bytes), size: bytes.count, framework: framework,
            pieceSize: pieceSize, threads: threads)
    }

    private init(
        csv: CSVReader, input: CSVPieces.Input, size: Int, framework: CompetenceFramework, pieceSize: Int,
        threads: Int
    ) throws(ImportFailure) {
        self.csv = csv
        self.input = input
        inputSize = size
        self.pieceSize = pieceSize
        self.threads = threads
        file = csv.source
        let headers: [String]
        do {
            guard let record = try csv.next() else {
                throw ImportFailure(problems: [
                    ImportProblem(
                        file: csv.source, line: 0, column: nil, messageFR: "fichier vide", messageEN: "empty file")
                ])
            }
            headers = record.strings
        } catch let error as CSVError {
            throw ImportFailure(problems: [ImportProblem(error)])
        } catch let failure as ImportFailure {
            throw failure
        } catch {
            preconditionFailure("unexpected error \(error)")
        }
        let header = try PixHeader(headers: headers, file: csv.source, framework: framework)
        layout = PixLayout(header: header, file: csv.source, framework: framework)
        kind = header.kind
        competenceCodes = layout.competences
        bytesConsumed = csv.bytesConsumed
    }

    /// Calls `body` with each participant row, in file order, while the file has no problem;
    /// throws an ``ImportFailure`` listing every problem found (or what `body` throws).
    ///
    /// Once the header has told the file's encoding, a file larger than a piece is read in
    /// pieces on several threads (see ``CSVPieces``); rows, their lines and problems are exactly
    /// those of reading it from start to end, and `body` is called on the calling thread, in order.
    public func forEachRow(_ body: (PixRow) throws -> Void) throws {
        var problems: [ImportProblem] = []
        if let encoding = csv.encoding, inputSize - csv.nextRecordOffset > pieceSize, threads > 1 {
            let pieces = CSVPieces(
                input: input, source: file, encoding: encoding, start: csv.nextRecordOffset,
                firstLine: csv.nextLine, end: inputSize, pieceSize: pieceSize, threads: threads)
            let layout = self.layout
            let pieceSize = self.pieceSize
            try pieces.forEach(read: { reader in Self.read(reader, layout: layout, pieceSize: pieceSize) }) {
                piece, linesBefore in
                // The piece's rows all come before its first problem.
                if problems.isEmpty {
                    // Rows are handed out in place: copying each would cost more than reading it.
                    try piece.rows.withUnsafeMutableBufferPointer { rows in
                        for index in rows.indices {
                            rows[index].line += linesBefore
                            try body(rows[index])
                        }
                    }
                }
                var lastLine = 0
                for var problem in piece.problems {
                    problem.line += linesBefore
                    if problems.count >= Self.maximumProblems && problem.line != lastLine { return false }
                    problems.append(problem)
                    lastLine = problem.line
                }
                bytesConsumed += piece.bytes
                return problems.count < Self.maximumProblems
            }
        } else {
            let decoder = PixRowDecoder(layout: layout)
            try Self.decodeRecords(of: csv, with: decoder) { row in
                bytesConsumed = csv.bytesConsumed
                try body(row)
            }
            bytesConsumed = csv.bytesConsumed
            problems = decoder.problems
        }
        if !problems.isEmpty { throw ImportFailure(problems: problems) }
    }

    /// Calls `body` with each participant row as a ``PixParticipation`` (see ``forEachRow(_:)``).
    public func forEachParticipation(_ body: (PixParticipation) throws -> Void) throws {
        try forEachRow { try body($0.participation) }
    }

    /// Every participant row, in file order.
    public func readAll() throws(ImportFailure) -> [PixParticipation] {
        var all: [PixParticipation] = []
        do {
            try forEachParticipation { all.append($0) }
        } catch let failure as ImportFailure {
            throw failure
        } catch {
            preconditionFailure("unexpected error \(error)")
        }
        return all
    }

    /// The rows and problems of one piece of the file, lines counted from the piece's start.
    private struct Piece: Sendable {
        /// The rows before the piece's first problem.
        var rows: [PixRow] = []
        var problems: [ImportProblem] = []
        var bytes = 0
    }

    /// Reads the records of one piece as the sequential loop of ``forEachRow(_:)`` does.
    private static func read(_ reader: CSVReader, layout: PixLayout, pieceSize: Int) -> Piece {
        let decoder = PixRowDecoder(layout: layout)
        var piece = Piece()
        let start = reader.nextRecordOffset
        decodeRecords(of: reader, with: decoder) { row in
            if piece.rows.isEmpty {
                // Room for a piece of records like the first one, so that the rows are not moved as they grow.
                piece.rows.reserveCapacity(pieceSize / max(reader.nextRecordOffset - start, 1) + 16)
            }
            piece.rows.append(row)
        }
        piece.problems = decoder.problems
        piece.bytes = reader.nextRecordOffset - start
        return piece
    }

    /// Decodes records until the end, a CSV error or the problem limit, handing each row before the
    /// first problem to `handle`; the problems stay in `decoder`.
    private static func decodeRecords(
        of reader: CSVReader, with decoder: PixRowDecoder, _ handle: (PixRow) throws -> Void
    ) rethrows {
        while true {
            let record: CSVRecord?
            do {
                record = try reader.next()
            } catch {
                decoder.add(error)
                return
            }
            guard let record else { return }
            let row = decoder.row(from: record)
            if decoder.problems.count >= maximumProblems { return }
            if decoder.problems.isEmpty, let row { try handle(row) }
        }
    }
}
