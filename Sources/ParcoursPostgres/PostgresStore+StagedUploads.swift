#if PostgreSQL
    import Foundation
    import ParcoursStore
    import PostgresNIO

    extension PostgresStore: StagedUploadStore {
        public func stageUpload(_ bytes: Data) async throws -> Int64 {
            try await rows(
                "INSERT INTO stagedUpload (bytes, stagedAt) VALUES (\(bytes), \(Date())) RETURNING id"
            ) { try $0.identifier("id") }[0]
        }

        public func stagedUpload(id: Int64) async throws -> Data? {
            try await rows("SELECT bytes FROM stagedUpload WHERE id = \(id)") { try $0.optionalBytes("bytes") }.first
                ?? nil
        }

        public func discardStagedUpload(id: Int64) async throws {
            _ = try await rows("DELETE FROM stagedUpload WHERE id = \(id) RETURNING id") { try $0.identifier("id") }
        }

        public func stagedUploadCount() async throws -> Int {
            try await rows("SELECT count(*) AS n FROM stagedUpload") { try $0.integer("n") }[0]
        }
    }
#endif
