import Foundation

/// A streaming reader of delimited text as spreadsheets and Pix write it.
///
/// - Separator `;` by default (any single ASCII byte may be chosen).
/// - Fields may be quoted; quoted fields may hold the separator, line breaks and `""` for a quote.
/// - LF, CRLF or CR line ends; a UTF-8 byte-order mark is skipped; blank lines are skipped.
/// - UTF-8 or Windows-1252 (a file saved again by Excel) is detected without being told: a BOM
///   means UTF-8; otherwise the first record holding a non-ASCII byte decides (valid UTF-8 → UTF-8,
///   else Windows-1252), and later records of a UTF-8 file must be valid UTF-8.
/// - Each record carries the 1-based physical line where it starts, so errors can name it.
///
/// Memory stays bounded by the largest record (a 1 MiB buffer by default): read a file of any size
/// record by record. A record handed out is valid until the next call to ``next()``:
///
/// ```swift
/// let reader = try CSVReader(path: "export.csv")
/// guard let header = try reader.next()?.strings else { return }
/// while let record = try reader.next() {
///     let name = record[4].string          // decoded text
///     let level = record[12].integer       // no allocation
///     if record[7].matches("NA") { … }
/// }
/// ```
/// For small files, ``readAll(path:separator:encoding:)`` returns every record as strings.
///
/// A large file may be read in pieces, each by its own reader: ``init(path:source:separator:encoding:startingAt:recordsBefore:)``
/// hands out the records that start in one byte range (see ``CSVPieces`` for where to cut).
public final class CSVReader {
    /// The file name or label used in errors.
    public let source: String
    public let separator: UInt8
    /// The encoding in use: declared, implied by a BOM, or detected; nil while every byte read so
    /// far is ASCII (which reads the same in both).
    public private(set) var encoding: CSVEncoding?
    /// Whether the input started with a UTF-8 byte-order mark.
    public private(set) var hadByteOrderMark = false
    /// Bytes of the input consumed by the records read so far (for progress reports).
    public var bytesConsumed: Int { bytesRead - (dataEnd - dataStart) }
    /// The offset in the input where the next record (or the end) starts.
    public var nextRecordOffset: Int { startOffset + bytesConsumed }
    /// The 1-based physical line where the next record (or the end) starts.
    public var nextLine: Int { line }
    /// Whether every record to hand out has been read (``next()`` returned nil, not an error).
    public var isAtEnd: Bool { !failed && (nextRecordOffset >= recordLimit || atEndOfInput && dataStart == dataEnd) }

    private enum Input {
        case file(Int32)
        case memory([UInt8], offset: Int)
        /// An input that could not be opened: reading reports why.
        case failed(CSVError)
    }

    private var input: Input
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var dataStart = 0
    private var dataEnd = 0
    private var atEndOfInput = false
    private var started = false
    /// Whether ``next()`` threw.
    private var failed = false
    private var bytesRead = 0
    /// The input offset of the first byte read.
    private let startOffset: Int
    /// Records starting at or after this input offset are not handed out.
    private let recordLimit: Int
    /// 1-based physical line of the next byte to parse.
    private var line = 1
    /// Start and end offsets (into `buffer`) of the fields of the current record.
    private var bounds: UnsafeMutablePointer<Int>
    private var boundsCapacity = 128

    /// Opens the file at `path`. `encoding` nil means detect; `source` names the file in errors
    /// (default: `path`).
    public init(
        path: String, source: String? = nil, separator: UInt8 = UInt8(ascii: ";"), encoding: CSVEncoding? = nil,
        bufferSize: Int = 1 << 20
    ) throws(CSVError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw CSVError(source: source ?? path, line: 0, kind: .fileAccess(String(cString: strerror(errno))))
        }
        self.source = source ?? path
        self.separator = separator
        self.encoding = encoding
        input = .file(descriptor)
        startOffset = 0
        recordLimit = .max
        capacity = max(bufferSize, 16)
        buffer = .allocate(capacity: capacity)
        bounds = .allocate(capacity: boundsCapacity)
    }

    /// Reads the records of the file at `path` that start at or after `offset` (which must be
    /// where a record starts) and before `limit`; the last one may run past `limit`. The encoding
    /// is the whole file's, as a reader of its start found it; nothing is skipped as a byte-order
    /// mark; lines are counted from `firstLine`.
    public convenience init(
        path: String, source: String? = nil, separator: UInt8 = UInt8(ascii: ";"), encoding: CSVEncoding,
        startingAt offset: Int, recordsBefore limit: Int, firstLine: Int = 1, bufferSize: Int = 1 << 18
    ) throws(CSVError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0, lseek(descriptor, off_t(offset), SEEK_SET) == off_t(offset) else {
            let reason = String(cString: strerror(errno))
            if descriptor >= 0 { close(descriptor) }
            throw CSVError(source: source ?? path, line: firstLine, kind: .fileAccess(reason))
        }
        self.init(
            input: .file(descriptor), source: source ?? path, separator: separator, encoding: encoding,
            startingAt: offset, recordsBefore: limit, firstLine: firstLine, bufferSize: bufferSize)
    }

    /// Reads the records of `bytes` that start at or after `offset` and before `limit`, as
    /// ``init(path:source:separator:encoding:startingAt:recordsBefore:firstLine:bufferSize:)`` does.
    public convenience init(
        bytes: [UInt8], source: String, separator: UInt8 = UInt8(ascii: ";"), encoding: CSVEncoding,
        startingAt offset: Int, recordsBefore limit: Int, firstLine: Int = 1, bufferSize: Int = 1 << 18
    ) {
        self.init(
            input: .memory(bytes, offset: offset), source: source, separator: separator, encoding: encoding,
            startingAt: offset, recordsBefore: limit, firstLine: firstLine, bufferSize: bufferSize)
    }

    private init(
        input: Input, source: String, separator: UInt8, encoding: CSVEncoding, startingAt offset: Int,
        recordsBefore limit: Int, firstLine: Int, bufferSize: Int
    ) {
        self.source = source
        self.separator = separator
        self.encoding = encoding
        self.input = input
        startOffset = offset
        recordLimit = limit
        line = firstLine
        started = true
        capacity = max(bufferSize, 16)
        buffer = .allocate(capacity: capacity)
        bounds = .allocate(capacity: boundsCapacity)
    }

    /// Reads bytes already in memory (tests, uploads); `source` names them in errors.
    public init(
        bytes: [UInt8], source: String, separator: UInt8 = UInt8(ascii: ";"), encoding: CSVEncoding? = nil,
        bufferSize: Int = 1 << 20
    ) {
        self.source = source
        self.separator = separator
        self.encoding = encoding
        input = .memory(bytes, offset: 0)
        startOffset = 0
        recordLimit = .max
        capacity = max(bufferSize, 16)
        buffer = .allocate(capacity: capacity)
        bounds = .allocate(capacity: boundsCapacity)
    }

    /// A reader whose first ``next()`` throws `error`.
    convenience init(failing error: CSVError) {
        self.init(
            input: .failed(error), source: error.source, separator: UInt8(ascii: ";"), encoding: .utf8, startingAt: 0,
            recordsBefore: .max, firstLine: error.line, bufferSize: 16)
    }

    deinit {
        if case .file(let descriptor) = input { close(descriptor) }
        buffer.deallocate()
        bounds.deallocate()
    }

    /// Every record of the file at `path`, decoded as strings, with its line.
    public static func readAll(
        path: String, source: String? = nil, separator: UInt8 = UInt8(ascii: ";"), encoding: CSVEncoding? = nil
    ) throws(CSVError) -> [CSVRow] {
        try CSVReader(path: path, source: source, separator: separator, encoding: encoding).readAll()
    }

    /// Every remaining record, decoded as strings, with its line.
    public func readAll() throws(CSVError) -> [CSVRow] {
        var rows: [CSVRow] = []
        while let record = try next() { rows.append(CSVRow(line: record.line, fields: record.strings)) }
        return rows
    }

    /// The next record, or nil at the end of the input. The record is valid until the next call.
    public func next() throws(CSVError) -> CSVRecord? {
        do {
            return try nextRecord()
        } catch {
            failed = true
            throw error
        }
    }

    private func nextRecord() throws(CSVError) -> CSVRecord? {
        if !started { try begin() }
        while true {
            if nextRecordOffset >= recordLimit { return nil }
            if dataStart == dataEnd {
                if atEndOfInput { return nil }
                _ = try refill(keepingFrom: dataStart)
                continue
            }
            let recordLine = line
            let parsed = try parseRecord(line: recordLine)
            dataStart = parsed.end
            line = recordLine + parsed.lineBreaks
            if parsed.fieldCount == 1 && !parsed.quoted && bounds[0] == bounds[1] { continue }  // blank line
            if encoding != .windows1252,
                !CSVEncoding.isASCII(
                    UnsafeBufferPointer(start: buffer + parsed.start, count: parsed.end - parsed.start))
            {
                try checkEncoding(parsed, line: recordLine)
            }
            return CSVRecord(
                line: recordLine, encoding: encoding ?? .utf8, base: buffer, bounds: bounds, count: parsed.fieldCount)
        }
    }

    private struct ParsedRecord {
        /// Where the record starts in the buffer (reading more input may have moved it).
        var start: Int
        var end: Int
        var fieldCount: Int
        var lineBreaks: Int
        var quoted: Bool
        /// Whether a `""` was unescaped in place (the raw bytes then no longer read as text).
        var unescaped: Bool
    }

    /// Parses the record starting at `dataStart`, reading more input when the record goes past the
    /// buffered bytes; quoted fields are unescaped in place.
    private func parseRecord(line recordLine: Int) throws(CSVError) -> ParsedRecord {
        let quote = UInt8(ascii: "\"")
        let lineFeed = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        let separator = self.separator
        var recordStart = dataStart
        var position = recordStart
        var fieldStart = position
        var write = position
        var fieldCount = 0
        var lineBreaks = 0
        var quoted = false
        var unescaped = false
        var bytes = buffer

        /// Makes `position` readable; false at the end of the input. Moves the record to the
        /// front of the buffer (shifting every offset) when more input is needed.
        @inline(__always) func available() throws(CSVError) -> Bool {
            if position < dataEnd { return true }
            while position >= dataEnd {
                if atEndOfInput { return false }
                let shift = try refill(keepingFrom: recordStart)
                recordStart -= shift
                position -= shift
                fieldStart -= shift
                write -= shift
                for index in 0..<(2 * fieldCount) { bounds[index] -= shift }
                bytes = buffer
            }
            return true
        }
        @inline(__always) func endField(_ end: Int) {
            if 2 * fieldCount + 2 > boundsCapacity { growBounds() }
            bounds[2 * fieldCount] = fieldStart
            bounds[2 * fieldCount + 1] = end
            fieldCount += 1
        }
        /// Consumes a line end at `position` (LF, CR or CRLF).
        func endLine() throws(CSVError) {
            let byte = bytes[position]
            position += 1
            lineBreaks += 1
            if byte == carriageReturn, try available(), bytes[position] == lineFeed { position += 1 }
        }

        fields: while true {
            fieldStart = position
            guard try available() else {
                endField(position)
                break fields
            }
            if bytes[position] == quote {
                quoted = true
                position += 1
                fieldStart = position
                write = position
                while true {
                    guard try available() else {
                        throw CSVError(source: source, line: recordLine, kind: .unterminatedQuote)
                    }
                    // Go to the next quote, counting line feeds; the bytes before it are the
                    // field's (moved left once a `""` has been unescaped). Fields are short: a
                    // plain loop beats calls to memchr.
                    let end = dataEnd
                    var stop = position
                    while stop < end {
                        let byte = bytes[stop]
                        if byte == quote { break }
                        if byte == lineFeed { lineBreaks += 1 }
                        stop += 1
                    }
                    let length = stop - position
                    if length > 0 {
                        if write != position { memmove(bytes + write, bytes + position, length) }
                        write += length
                        position = stop
                    }
                    if stop == end { continue }
                    position += 1
                    guard try available(), bytes[position] == quote else { break }
                    bytes[write] = quote
                    write += 1
                    position += 1
                    unescaped = true
                }
                endField(write)
                guard try available() else { break fields }
                let next = bytes[position]
                if next == separator {
                    position += 1
                    continue fields
                }
                guard next == lineFeed || next == carriageReturn else {
                    throw CSVError(source: source, line: recordLine, kind: .textAfterClosingQuote(field: fieldCount))
                }
                try endLine()
                break fields
            }
            while true {
                let end = dataEnd
                while position < end {
                    let byte = bytes[position]
                    if byte == separator {
                        endField(position)
                        position += 1
                        continue fields
                    }
                    if byte == lineFeed || byte == carriageReturn {
                        endField(position)
                        try endLine()
                        break fields
                    }
                    position += 1
                }
                guard try available() else {
                    endField(position)
                    break fields
                }
            }
        }
        return ParsedRecord(
            start: recordStart, end: position, fieldCount: fieldCount, lineBreaks: lineBreaks, quoted: quoted,
            unescaped: unescaped)
    }

    @inline(never)
    private func growBounds() {
        let larger = UnsafeMutablePointer<Int>.allocate(capacity: boundsCapacity * 2)
        larger.update(from: bounds, count: boundsCapacity)
        bounds.deallocate()
        bounds = larger
        boundsCapacity *= 2
    }

    /// Detects the encoding on the first non-ASCII record, then holds UTF-8 files to it.
    private func checkEncoding(_ record: ParsedRecord, line recordLine: Int) throws(CSVError) {
        if encoding == .windows1252 { return }
        // Separators and quotes are ASCII: a record whose raw bytes are valid UTF-8 has valid fields.
        if !record.unescaped,
            CSVEncoding.isValidUTF8(UnsafeBufferPointer(start: buffer + record.start, count: record.end - record.start))
        {
            encoding = .utf8
            return
        }
        for index in 0..<record.fieldCount {
            let field = UnsafeBufferPointer(
                start: buffer + bounds[2 * index], count: bounds[2 * index + 1] - bounds[2 * index])
            if CSVEncoding.isValidUTF8(field) { continue }
            guard encoding == nil else {
                throw CSVError(source: source, line: recordLine, kind: .invalidUTF8(field: index + 1))
            }
            encoding = .windows1252
            return
        }
        encoding = .utf8
    }

    /// Reads the first bytes and skips a UTF-8 byte-order mark.
    private func begin() throws(CSVError) {
        started = true
        while dataEnd < 3 && !atEndOfInput { _ = try refill(keepingFrom: dataStart) }
        if dataEnd - dataStart >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
            dataStart = 3
            hadByteOrderMark = true
            encoding = .utf8
        }
    }

    /// Moves the bytes from `start` to the front of the buffer (growing it when they fill it),
    /// then reads more input after them. Returns how far the bytes moved.
    private func refill(keepingFrom start: Int) throws(CSVError) -> Int {
        let kept = dataEnd - start
        if start > 0 && kept > 0 { buffer.update(from: buffer + start, count: kept) }
        dataStart -= min(start, dataStart)
        dataEnd = kept
        if kept == capacity {
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            larger.update(from: buffer, count: kept)
            buffer.deallocate()
            buffer = larger
            capacity *= 2
        }
        let count = try readInput(into: buffer + kept, maximum: capacity - kept)
        if count == 0 { atEndOfInput = true }
        dataEnd += count
        bytesRead += count
        return start
    }

    private func readInput(into destination: UnsafeMutablePointer<UInt8>, maximum: Int) throws(CSVError) -> Int {
        switch input {
        case .file(let descriptor):
            while true {
                let count = read(descriptor, destination, maximum)
                if count >= 0 { return count }
                if errno != EINTR {
                    throw CSVError(source: source, line: line, kind: .fileAccess(String(cString: strerror(errno))))
                }
            }
        case .memory(let bytes, let offset):
            let count = min(maximum, bytes.count - offset)
            guard count > 0 else { return 0 }
            bytes.withUnsafeBufferPointer { all in
                destination.update(from: all.baseAddress! + offset, count: count)
            }
            input = .memory(bytes, offset: offset + count)
            return count
        case .failed(let error):
            throw error
        }
    }
}

/// A record copied out of a file: its fields as text and the 1-based line where it starts.
public struct CSVRow: Hashable, Sendable {
    public let line: Int
    public let fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}
