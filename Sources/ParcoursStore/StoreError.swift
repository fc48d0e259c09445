/// A problem with the database itself (cannot be opened, created or written).
public struct StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The database's location as given (`--database`).
    public let location: String
    public let message: String

    public init(location: String, message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}
