import ParcoursModel

/// A problem in a file of the `Config/` folder, named precisely enough to fix it by hand.
public struct ConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file's path as given.
    public let file: String
    /// 1-based line when known.
    public let line: Int?
    /// The field, as a dotted path (`families[2].targets.3.1`), when known.
    public let field: String?
    /// The problem, in English.
    public let message: String
    /// The problem, in French, when the check that found it gives one.
    public let messageFR: String?

    public init(file: String, line: Int? = nil, field: String? = nil, message: String, fr messageFR: String? = nil) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
        self.messageFR = messageFR
    }

    /// `file:line: field: message`, in English.
    public var description: String { description(in: .english) }

    /// `file:line: field: message` in `language` (English when no French message was given).
    public func description(in language: Language) -> String {
        var location = file
        if let line { location += ":\(line)" }
        if let field { location += ": \(field)" }
        return "\(location): \(language == .french ? messageFR ?? message : message)"
    }
}
