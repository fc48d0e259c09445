#if PostgreSQL
    import Foundation
    import ParcoursModel
    import ParcoursStore
    import PostgresNIO

    /// Writes the courses of one catalogue file inside the import's transaction, as the SQLite store's
    /// writer does (the first course of each provider opens its new current version), copying courses,
    /// competences and sessions in batches while the file is still being read.
    final class PostgresCatalogueWriter {
        private static let batchBytes = 1 << 20

        private let store: PostgresStore
        private let bridge: ConnectionBridge
        private let fileID: Int64
        private let importedAt = Date()
        private var versions: [String: Int64] = [:]
        private var counts: [Int64: (courses: Int, sessions: Int)] = [:]
        private var courses = CopyRows()
        private var competences = CopyRows()
        private var sessions = CopyRows()
        private(set) var courseCount = 0

        init(store: PostgresStore, bridge: ConnectionBridge, fileID: Int64) {
            self.store = store
            self.bridge = bridge
            self.fileID = fileID
        }

        func add(_ course: CatalogueCourse, provider: CatalogueProvider) throws {
            let version = try versionID(of: provider)
            courses.append(CatalogueColumns.course(course, versionID: version))
            for row in CatalogueColumns.competences(course, versionID: version) { competences.append(row) }
            for row in CatalogueColumns.sessions(course, versionID: version) { sessions.append(row) }
            counts[version, default: (0, 0)].courses += 1
            counts[version, default: (0, 0)].sessions += course.sessions.count
            courseCount += 1
            if courses.bytes.count + competences.bytes.count + sessions.bytes.count >= Self.batchBytes { try flush() }
        }

        /// Copies the last rows, then records the format and counts of the versions this file made.
        func finish(format: String) throws {
            try flush()
            let counts = counts
            try bridge.perform { [store] connection in
                for (version, count) in counts {
                    try await connection.query(
                        """
                        UPDATE catalogueVersion SET format = \(format), courseCount = \(count.courses),
                        sessionCount = \(count.sessions) WHERE id = \(version)
                        """, logger: store.logger)
                }
            }
        }

        /// Copies the rows gathered so far: courses first, which their competences and sessions reference.
        private func flush() throws {
            guard !courses.isEmpty else { return }
            let batch = [
                ("course", CatalogueColumns.course, courses.take()),
                ("courseCompetence", CatalogueColumns.competence, competences.take()),
                ("courseSession", CatalogueColumns.session, sessions.take()),
            ]
            try bridge.submit { [store] connection in
                for (table, columns, rows) in batch where rows.readableBytes > 0 {
                    try await store.copy(rows, into: table, columns: columns, on: connection)
                }
            }
        }

        private func versionID(of provider: CatalogueProvider) throws -> Int64 {
            if let known = versions[provider.id] { return known }
            let fileID = fileID
            let importedAt = importedAt
            let version = try bridge.perform { [store] connection in
                try await connection.query(
                    """
                    INSERT INTO provider (id, name, siret, belgianCompanyNumber, country)
                    VALUES (\(provider.id), \(provider.name), \(provider.siret), \(provider.belgianCompanyNumber),
                    \(provider.country?.rawValue))
                    ON CONFLICT (id) DO UPDATE SET name = excluded.name, siret = excluded.siret,
                    belgianCompanyNumber = excluded.belgianCompanyNumber, country = excluded.country
                    """, logger: store.logger)
                try await connection.query(
                    "UPDATE catalogueVersion SET isCurrent = false WHERE providerID = \(provider.id) AND isCurrent",
                    logger: store.logger)
                return try await connection.query(
                    """
                    INSERT INTO catalogueVersion (providerID, fileID, format, importedAt, isCurrent, courseCount, sessionCount)
                    VALUES (\(provider.id), \(fileID), '', \(importedAt), true, 0, 0) RETURNING id
                    """, logger: store.logger
                ).decode(Int64.self).first { _ in true }!
            }
            versions[provider.id] = version
            return version
        }
    }
#endif
