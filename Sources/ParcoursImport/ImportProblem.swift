import ParcoursCSV
import ParcoursModel

/// One problem in an imported file, precise enough to fix it by hand: the file, the 1-based
/// physical line where the faulty record starts (the header is line 1; 0 for the whole file),
/// the column or field, and what is wrong, in French and English. Never holds personal data.
public struct ImportProblem: Hashable, Sendable {
    public let file: String
    public internal(set) var line: Int
    /// The column header (or field name) at fault, when there is one.
    public let column: String?
    public let messageFR: String
    public let messageEN: String

    public init(file: String, line: Int, column: String?, messageFR: String, messageEN: String) {
        self.file = file
        self.line = line
        self.column = column
        self.messageFR = messageFR
        self.messageEN = messageEN
    }

    /// A problem of the CSV layer (quotes, encoding, file access), translated.
    public init(_ error: CSVError, columns: [String] = []) {
        func name(_ field: Int) -> String { field <= columns.count ? columns[field - 1] : "#\(field)" }
        switch error.kind {
        case .fileAccess(let reason):
            self.init(
                file: error.source, line: error.line, column: nil, messageFR: "fichier illisible (\(reason))",
                messageEN: "cannot read the file (\(reason))")
        case .unterminatedQuote:
            self.init(
                file: error.source, line: error.line, column: nil,
                messageFR: "un champ entre guillemets n'est jamais refermé",
                messageEN: "a quoted field is never closed")
        case .textAfterClosingQuote(let field):
            self.init(
                file: error.source, line: error.line, column: name(field),
                messageFR: "du texte suit le guillemet fermant", messageEN: "text after the closing quote")
        case .invalidUTF8(let field):
            self.init(
                file: error.source, line: error.line, column: name(field),
                messageFR: "octets non UTF-8 dans un fichier UTF-8 (encodages mélangés ?)",
                messageEN: "bytes that are not UTF-8 in a UTF-8 file (mixed encodings?)")
        }
    }

    /// `file:line: column «X»: message`, in `language`.
    public func description(in language: Language) -> String {
        var text = line > 0 ? "\(file):\(line): " : "\(file): "
        if let column { text += language.pick("colonne « \(column) » : ", "column \"\(column)\": ") }
        return text + language.pick(messageFR, messageEN)
    }
}

/// An import that failed: every problem found (up to a limit), in file order. Nothing of the file
/// may be kept when this is thrown.
public struct ImportFailure: Error, Sendable {
    public let problems: [ImportProblem]

    public init(problems: [ImportProblem]) { self.problems = problems }

    /// One line per problem, in `language`.
    public func lines(in language: Language) -> [String] { problems.map { $0.description(in: language) } }
}
