/// A document for people, independent of its file format: written once, saved as OpenDocument text
/// (editable) and HTML (printable).
public struct TextDocument: Hashable, Sendable {
    /// A table of text cells; the first row is the header.
    public struct Table: Hashable, Sendable {
        public var header: [String]
        public var rows: [[String]]

        public init(header: [String], rows: [[String]]) {
            self.header = header
            self.rows = rows
        }
    }

    public enum Block: Hashable, Sendable {
        case heading(level: Int, text: String)
        case paragraph(String)
        /// A paragraph in bold, for the few sentences a reader must not miss.
        case emphasis(String)
        case bullets([String])
        case table(Table)
        /// A line the bidder fills in.
        case field(label: String)
        case pageBreak
    }

    /// The file name without extension (`cahier-special-des-charges`).
    public let fileName: String
    public let title: String
    public let subtitle: String
    public private(set) var blocks: [Block] = []

    public init(fileName: String, title: String, subtitle: String) {
        self.fileName = fileName
        self.title = title
        self.subtitle = subtitle
    }

    public mutating func heading(_ text: String, level: Int = 1) { blocks.append(.heading(level: level, text: text)) }
    public mutating func paragraph(_ text: String) { blocks.append(.paragraph(text)) }
    public mutating func emphasis(_ text: String) { blocks.append(.emphasis(text)) }
    public mutating func bullets(_ items: [String]) { if !items.isEmpty { blocks.append(.bullets(items)) } }
    public mutating func table(header: [String], rows: [[String]]) {
        blocks.append(.table(Table(header: header, rows: rows)))
    }
    public mutating func field(_ label: String) { blocks.append(.field(label: label)) }
    public mutating func pageBreak() { blocks.append(.pageBreak) }
    public mutating func append(_ other: [Block]) { blocks += other }
}

/// A spreadsheet of sheets whose totals are formulas, so that a bidder's prices update them.
public struct Spreadsheet: Hashable, Sendable {
    public enum Cell: Hashable, Sendable {
        /// Text that wraps within its column.
        case text(String)
        /// A bold line that may run over the next empty cells (titles, total labels).
        case bold(String)
        /// A sentence that may run over the next empty cells.
        case note(String)
        /// A column header: bold, wrapped, shaded.
        case header(String)
        case number(Double)
        case euros(Double)
        /// A rate stored as a fraction (`0.21`) and shown as a percentage (`21 %`).
        case percent(Double)
        /// A price the bidder types in: an empty euro cell.
        case input
        /// An OpenFormula expression (`[.D4]*[.E4]`) with the value it computes to now.
        case formula(String, value: Double, euros: Bool)
        case empty
    }

    public struct Sheet: Hashable, Sendable {
        public let name: String
        public var rows: [[Cell]]
        /// Column widths in centimetres.
        public let widths: [Double]

        public init(name: String, widths: [Double], rows: [[Cell]] = []) {
            self.name = name
            self.widths = widths
            self.rows = rows
        }

        /// The 1-based row the next appended row will have.
        public var nextRow: Int { rows.count + 1 }
    }

    public let fileName: String
    public let title: String
    public var sheets: [Sheet]

    public init(fileName: String, title: String, sheets: [Sheet] = []) {
        self.fileName = fileName
        self.title = title
        self.sheets = sheets
    }

    /// `A`, `B`, … `Z`, `AA`: the letter of a 0-based column.
    public static func column(_ index: Int) -> String {
        var index = index
        var name = ""
        repeat {
            name = String(UnicodeScalar(UInt8(65 + index % 26))) + name
            index = index / 26 - 1
        } while index >= 0
        return name
    }
}
