import Foundation

/// Reads a large CSV input in pieces on several threads and hands the pieces out in input order,
/// exactly as one reader going from start to end would have read them.
///
/// The input is cut every ``pieceSize`` bytes, just after the next line feed. Such a cut is only
/// a guess (the line feed may be inside a quoted field, or end a CR-only line): each piece is read
/// on its own from its guessed start and, when the piece before it, read in order, ends elsewhere,
/// it is read again from where it really starts before it is handed out. Records, lines and
/// errors are thus always those of a single sequential reading; a wrong guess only costs the
/// time of reading that piece twice.
///
/// Memory stays bounded: at most two pieces per thread are read ahead of the one handed out.
public struct CSVPieces: Sendable {
    /// Where the bytes come from.
    public enum Input: Sendable {
        case file(path: String)
        case bytes([UInt8])
    }

    public let input: Input
    /// The name of the input in errors.
    public let source: String
    public let separator: UInt8
    /// The encoding of the whole input, as a reader of its start found it.
    public let encoding: CSVEncoding
    /// The offset where the first record to read starts (after a header, say).
    public let start: Int
    /// The 1-based line where that record starts.
    public let firstLine: Int
    /// The size of the input.
    public let end: Int
    public let pieceSize: Int
    /// The threads that read pieces.
    public let threads: Int

    public init(
        input: Input, source: String, separator: UInt8 = UInt8(ascii: ";"), encoding: CSVEncoding, start: Int,
        firstLine: Int, end: Int, pieceSize: Int = 8 << 20,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.input = input
        self.source = source
        self.separator = separator
        self.encoding = encoding
        self.start = start
        self.firstLine = firstLine
        self.end = end
        self.pieceSize = max(pieceSize, 1)
        self.threads = max(threads, 1)
    }

    /// The number of pieces the input is cut into.
    public var count: Int { end > start ? (end - start + pieceSize - 1) / pieceSize : 0 }

    /// Reads every piece with `read`, on worker threads (or on the calling thread when a piece
    /// must be read again), and hands each result to `consume` in input order with the number of
    /// lines before the piece: `read` sees lines counted from 1 at the piece's start, so a line
    /// it reports is `linesBefore` plus that line. `consume` may change the piece (to move its
    /// lines, say) without copying it.
    ///
    /// `read` must read its reader until ``CSVReader/next()`` returns nil; if it stops earlier
    /// (on an error), reading ends after that piece. Reading also ends when `consume` returns
    /// false or throws (the error is rethrown).
    public func forEach<Piece: Sendable>(
        read: @escaping @Sendable (CSVReader) -> Piece,
        consume: (_ piece: inout Piece, _ linesBefore: Int) throws -> Bool
    ) throws {
        let pieces = count
        guard pieces > 0 else { return }
        let workers = min(threads, pieces)
        let queue = PieceQueue<Piece>(count: pieces, window: 2 * workers)
        if workers > 1 {
            for _ in 0..<workers {
                queue.workerStarted()
                Thread { [self] in
                    while let index = queue.claim() {
                        queue.deposit(index, self.readPiece(index, from: nil, with: read))
                    }
                    queue.workerFinished()
                }.start()
            }
        }
        defer { queue.cancelAndWait() }
        var expected = start
        var line = firstLine
        for index in 0..<pieces {
            var outcome = workers > 1 ? queue.take(index) : readPiece(index, from: expected, with: read)
            if outcome.start != expected { outcome = readPiece(index, from: expected, with: read) }
            expected = outcome.end
            let linesBefore = line - 1
            line += outcome.lines
            guard try consume(&outcome.piece, linesBefore), outcome.complete else { break }
        }
    }

    /// Reads piece `index` from `start`, or from the guessed start of the piece when nil.
    private func readPiece<Piece>(_ index: Int, from start: Int?, with read: (CSVReader) -> Piece) -> Outcome<Piece> {
        let limit = min(self.start + (index + 1) * pieceSize, end)
        let from = start ?? (index == 0 ? self.start : guessedStart(after: self.start + index * pieceSize))
        let reader: CSVReader
        do {
            switch input {
            case .file(let path):
                reader = try CSVReader(
                    path: path, source: source, separator: separator, encoding: encoding, startingAt: from,
                    recordsBefore: limit)
            case .bytes(let bytes):
                reader = CSVReader(
                    bytes: bytes, source: source, separator: separator, encoding: encoding, startingAt: from,
                    recordsBefore: limit)
            }
        } catch {
            // The file could be read to its header but no longer opened: read a reader that reports it.
            reader = CSVReader(failing: error)
        }
        let piece = read(reader)
        return Outcome(
            piece: piece, start: from, end: reader.nextRecordOffset, lines: reader.nextLine - 1,
            complete: reader.isAtEnd)
    }

    /// Just after the first line feed at or after `offset - 1`, or the end of the input.
    private func guessedStart(after offset: Int) -> Int {
        switch input {
        case .bytes(let bytes):
            var index = offset - 1
            while index < end, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            return min(index + 1, end)
        case .file(let path):
            let descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { return offset }
            defer { close(descriptor) }
            var window = [UInt8](repeating: 0, count: 1 << 16)
            var position = offset - 1
            while position < end {
                let count = window.withUnsafeMutableBytes {
                    pread(descriptor, $0.baseAddress, $0.count, off_t(position))
                }
                guard count > 0 else { return end }
                if let found = window[..<count].firstIndex(of: UInt8(ascii: "\n")) { return position + found + 1 }
                position += count
            }
            return end
        }
    }
}

/// What reading one piece gave.
private struct Outcome<Piece: Sendable>: Sendable {
    var piece: Piece
    /// Where the piece's reading started.
    let start: Int
    /// Where the next record starts.
    let end: Int
    /// The line breaks read.
    let lines: Int
    /// Whether the piece was read to its end.
    let complete: Bool
}

/// The pieces to read and those read, shared by the worker threads and the reading thread.
private final class PieceQueue<Piece: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    private var nextToClaim = 0
    private var taken = 0
    private var done: [Int: Outcome<Piece>] = [:]
    private var cancelled = false
    private var runningWorkers = 0

    init(count: Int, window: Int) {
        self.count = count
        self.window = window
    }

    func workerStarted() {
        condition.withLock { runningWorkers += 1 }
    }

    func workerFinished() {
        condition.withLock {
            runningWorkers -= 1
            condition.broadcast()
        }
    }

    /// The next piece to read, waiting while the reader is too far behind; nil when done.
    func claim() -> Int? {
        condition.withLock {
            while !cancelled && nextToClaim < count && nextToClaim >= taken + window { condition.wait() }
            guard !cancelled, nextToClaim < count else { return nil }
            nextToClaim += 1
            return nextToClaim - 1
        }
    }

    func deposit(_ index: Int, _ outcome: Outcome<Piece>) {
        condition.withLock {
            done[index] = outcome
            condition.broadcast()
        }
    }

    /// Waits for piece `index` and takes it.
    func take(_ index: Int) -> Outcome<Piece> {
        condition.withLock {
            while done[index] == nil { condition.wait() }
            taken = index + 1
            condition.broadcast()
            return done.removeValue(forKey: index)!
        }
    }

    /// Stops the workers after the piece they are reading and waits for them.
    func cancelAndWait() {
        condition.withLock {
            cancelled = true
            condition.broadcast()
            while runningWorkers > 0 { condition.wait() }
        }
    }
}
