#if PostgreSQL
    import ParcoursStore
    import PostgresNIO

    extension PostgresStore: RevisionStore {
        public func dataRevision() async throws -> Int64 {
            try await rows("SELECT value FROM dataRevision") { try $0.identifier("value") }.first ?? 0
        }
    }
#endif
