import Foundation

/// The database `--database` names: an SQLite file (the default), or a PostgreSQL server by URL
/// (`postgres://user[:password]@host[:port]/database`). Shown to people without its password.
public enum DatabaseLocation: Hashable, Sendable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    /// The location `text` names: a `postgres://` or `postgresql://` URL, else a file path.
    public init(_ text: String) throws {
        let lowered = text.lowercased()
        guard lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") else {
            self = .sqlite(path: text)
            return
        }
        guard let location = PostgresLocation(url: text) else {
            throw StoreError(
                location: "postgres://…", message: "not a valid URL (postgres://user[:password]@host[:port]/database)")
        }
        self = .postgres(location)
    }

    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let location): location.description
        }
    }
}

/// Where a PostgreSQL database is: `postgres://user[:password]@host[:port]/database[?schema=NAME]`.
/// With a schema, Parcours keeps its tables there (created if missing) rather than in `public`.
public struct PostgresLocation: Hashable, Sendable, CustomStringConvertible {
    public let host: String
    public let port: Int
    public let username: String
    public let password: String?
    public let database: String
    public let schema: String?

    /// The location of a `postgres://` URL; nil when `url` is none, or names a schema that is not a
    /// plain identifier. Without a user, the current one; without a database, the user's.
    public init?(url: String) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            ["postgres", "postgresql"].contains(scheme), let host = components.host, !host.isEmpty
        else { return nil }
        self.host = host
        port = components.port ?? 5432
        username = components.user ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        password = components.password
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? username : path
        schema = components.queryItems?.first { $0.name == "schema" }?.value
        if let schema {
            let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789_")
            guard !schema.isEmpty, schema.allSatisfy(allowed.contains), !schema.first!.isNumber else { return nil }
        }
    }

    /// The URL without its password.
    public var description: String {
        "postgres://\(username)@\(host):\(port)/\(database)" + (schema.map { "?schema=\($0)" } ?? "")
    }
}
