#if PostgreSQL
    import Foundation
    import ParcoursModel
    import ParcoursStore
    import PostgresNIO

    extension PostgresStore: CatalogueStore {
        public func importCatalogue(
            _ file: SourceFile,
            courses produce: (_ add: (CatalogueCourse, CatalogueProvider) throws -> Void) throws -> String
        ) async throws -> ImportOutcome {
            try await importing { bridge in
                if let date = try previousImport(of: file, through: bridge) { return .alreadyImported(on: date) }
                let fileID = try insert(file, kind: .catalogue, through: bridge)
                let writer = PostgresCatalogueWriter(store: self, bridge: bridge, fileID: fileID)
                let format = try produce { course, provider in try writer.add(course, provider: provider) }
                try writer.finish(format: format)
                try setRowCount(writer.courseCount, ofFile: fileID, through: bridge)
                return .imported(rows: writer.courseCount)
            }
        }

        public func currentCourses() async throws -> [CatalogueCourse] {
            // One transaction: the three reads see the same catalogues.
            let (courses, competences, sessions) = try await transaction { connection in
                func rows(_ query: PostgresQuery) async throws -> [PostgresStoredRow] {
                    var rows: [PostgresStoredRow] = []
                    for try await row in try await connection.query(query, logger: logger) {
                        rows.append(PostgresStoredRow(row.makeRandomAccess()))
                    }
                    return rows
                }
                return (
                    try await rows(
                        """
                        SELECT c.*, v.providerID FROM course c JOIN catalogueVersion v ON v.id = c.versionID
                        WHERE v.isCurrent ORDER BY v.providerID COLLATE "C", c.rowOrder
                        """),
                    try await rows(
                        """
                        SELECT cc.* FROM courseCompetence cc JOIN catalogueVersion v ON v.id = cc.versionID
                        WHERE v.isCurrent ORDER BY cc.competence COLLATE "C"
                        """),
                    try await rows(
                        """
                        SELECT s.* FROM courseSession s JOIN catalogueVersion v ON v.id = s.versionID
                        WHERE v.isCurrent ORDER BY s.versionID, s.courseID COLLATE "C", s.position
                        """)
                )
            }
            do {
                return try CatalogueRows.assemble(courses: courses, competences: competences, sessions: sessions)
            } catch {
                throw storeError(error)
            }
        }

        public func providers() async throws -> [CatalogueProvider] {
            try await rows("SELECT * FROM provider ORDER BY id COLLATE \"C\"") { try StoredValues.provider($0) }
        }

        public func catalogueVersions(of providerID: String) async throws -> [CatalogueVersion] {
            try await rows(
                """
                SELECT v.*, f.name AS fileName FROM catalogueVersion v JOIN importedFile f ON f.id = v.fileID
                WHERE v.providerID = \(providerID) ORDER BY v.id
                """
            ) { try StoredValues.catalogueVersion($0) }
        }
    }
#endif
