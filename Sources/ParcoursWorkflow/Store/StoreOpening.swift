import ParcoursStore

#if PostgreSQL
    import ParcoursPostgres
#endif

/// Opens the database `--database` names, for the command line and the service: an SQLite file
/// (created and migrated if missing), or a PostgreSQL server by `postgres://` URL (migrated if
/// needed) when Parcours is built with the PostgreSQL trait.
public enum StoreOpening {
    public static func open(_ database: String) async throws -> any ParcoursDatabase {
        switch try DatabaseLocation(database) {
        case .sqlite(let path):
            return try SQLiteStore(path: path)
        case .postgres(let location):
            #if PostgreSQL
                return try await PostgresStore(location: location)
            #else
                throw StoreError(
                    location: location.description,
                    message: "this build of parcours has no PostgreSQL support (swift build --traits PostgreSQL)")
            #endif
        }
    }
}
