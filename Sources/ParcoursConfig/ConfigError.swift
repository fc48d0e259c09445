/// A problem in a file of the `Config/` folder, named precisely enough to fix it by hand.
public struct ConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file's path as given.
    public let file: String
    /// 1-based line when known.
    public let line: Int?
    /// The field, as a dotted path (`families[2].targets.3.1`), when known.
    public let field: String?
    public let message: String

    public init(file: String, line: Int? = nil, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let field { location += ": \(field)" }
        return "\(location): \(message)"
    }
}
