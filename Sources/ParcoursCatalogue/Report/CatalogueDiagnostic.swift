import ParcoursModel

/// A problem found in a catalogue, located for the provider who has to fix it.
public struct CatalogueDiagnostic: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The course it belongs to is left out (or the file, when no course is named).
        case error
        /// Worth fixing, but the course is kept.
        case warning
    }

    public let severity: Severity
    /// 1-based line, when known.
    public let line: Int?
    /// 1-based column, when libxml2 gives it (well-formedness errors do, schema errors do not).
    public let column: Int?
    /// The element path, e.g. `lheo/offres/formation/action/session/periode/debut`, or the CSV
    /// column name.
    public let path: String?
    /// The course concerned, when the problem is inside one.
    public let courseID: String?
    public let messageFR: String
    public let messageEN: String

    public init(
        severity: Severity, line: Int? = nil, column: Int? = nil, path: String? = nil, courseID: String? = nil,
        fr: String, en: String
    ) {
        self.severity = severity
        self.line = line
        self.column = column
        self.path = path
        self.courseID = courseID
        messageFR = fr
        messageEN = en
    }

    public func message(in language: Language) -> String { language.pick(messageFR, messageEN) }

    /// The same problem as a warning, saying why it is tolerated (`toléré : profil belge`).
    func lowered(fr reasonFR: String, en reasonEN: String) -> CatalogueDiagnostic {
        CatalogueDiagnostic(
            severity: .warning, line: line, column: column, path: path, courseID: courseID,
            fr: messageFR + " (\(reasonFR))", en: messageEN + " (\(reasonEN))")
    }

    func about(course: String?) -> CatalogueDiagnostic {
        CatalogueDiagnostic(
            severity: severity, line: line, column: column, path: path, courseID: course, fr: messageFR,
            en: messageEN)
    }

    /// One line for people: `file:line:column: erreur: path: message`.
    public func formatted(file: String, language: Language) -> String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        let label = severity == .error ? language.pick("erreur", "error") : language.pick("avertissement", "warning")
        var text = "\(location): \(label)"
        if let courseID { text += language.pick(" (formation \(courseID))", " (course \(courseID))") }
        if let path { text += ": \(path)" }
        return text + ": " + message(in: language)
    }
}

/// Why a whole file is refused (exit status 2): nothing of it is used.
public struct CatalogueRefusal: Error, Sendable, Hashable {
    public let file: String
    public let line: Int?
    public let column: Int?
    public let messageFR: String
    public let messageEN: String

    public init(file: String, line: Int? = nil, column: Int? = nil, fr: String, en: String) {
        self.file = file
        self.line = line
        self.column = column
        messageFR = fr
        messageEN = en
    }

    public func formatted(language: Language) -> String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): " + language.pick("fichier refusé : ", "file refused: ")
            + language.pick(messageFR, messageEN)
    }
}
