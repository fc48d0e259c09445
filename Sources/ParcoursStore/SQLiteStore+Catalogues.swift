import Foundation
import GRDB
import ParcoursModel

extension SQLiteStore: CatalogueStore {
    public func importCatalogue(
        _ file: SourceFile,
        courses produce: (_ add: (CatalogueCourse, CatalogueProvider) throws -> Void) throws -> String
    ) async throws -> ImportOutcome {
        try await importing { db in
            if let date = try previousImport(of: file, in: db) { return .alreadyImported(on: date) }
            let fileID = try insert(file, kind: .catalogue, in: db)
            let writer = try CatalogueWriter(db: db, fileID: fileID)
            let format = try produce { course, provider in try writer.add(course, provider: provider) }
            try writer.finish(format: format)
            try setRowCount(writer.courseCount, ofFile: fileID, in: db)
            return .imported(rows: writer.courseCount)
        }
    }

    public func currentCourses() async throws -> [CatalogueCourse] {
        try await reading { db in try CatalogueRows.currentCourses(in: db) }
    }

    public func providers() async throws -> [CatalogueProvider] {
        try await reading { db in
            try Row.fetchAll(db, sql: "SELECT * FROM provider ORDER BY id").map { try StoredValues.provider($0) }
        }
    }

    public func catalogueVersions(of providerID: String) async throws -> [CatalogueVersion] {
        try await reading { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT v.*, f.name AS fileName FROM catalogueVersion v JOIN importedFile f ON f.id = v.fileID
                    WHERE v.providerID = ? ORDER BY v.id
                    """, arguments: [providerID]
            ).map { try StoredValues.catalogueVersion($0) }
        }
    }
}
