import Foundation
import GRDB

extension SQLiteStore: JobQueue {
    public func enqueue(_ job: NewJob) async throws -> Int64 {
        let parameters = try JobColumns.json(job.parameters, location: location)
        return try await writing { db in
            try db.execute(
                sql: """
                    INSERT INTO job (kind, territoryID, parameters, state, attempts, createdAt)
                    VALUES (?, ?, ?, 'queued', 0, ?)
                    """, arguments: [job.kind, job.territoryID, parameters, Date()])
            return db.lastInsertedRowID
        }
    }

    public func claimJob(owner: String, kinds: Set<String>?) async throws -> Job? {
        let kinds = kinds.map { Array($0).sorted() }
        return try await immediate { db in
            var arguments: StatementArguments = [owner, Date(), Date()]
            var filter = ""
            if let kinds {
                filter = " AND kind IN (\(kinds.map { _ in "?" }.joined(separator: ", ")))"
                arguments += StatementArguments(kinds)
            }
            return try Row.fetchOne(
                db,
                sql: """
                    UPDATE job SET state = 'running', owner = ?, attempts = attempts + 1, heartbeatAt = ?,
                    startedAt = ?, error = NULL
                    WHERE id = (SELECT id FROM job WHERE state = 'queued'\(filter) ORDER BY id LIMIT 1)
                    RETURNING *
                    """, arguments: arguments
            ).map { try JobColumns.job($0) }
        }
    }

    public func heartbeat(job id: Int64, owner: String, progress: Data?) async throws -> Bool {
        let progress = try progress.map { try JobColumns.json($0, location: location) }
        return try await updatingRunningJob(
            id, owner: owner, set: "heartbeatAt = ?, progress = COALESCE(?, progress)", [Date(), progress])
    }

    public func finishJob(_ id: Int64, owner: String, result: Data?) async throws -> Bool {
        let result = try result.map { try JobColumns.json($0, location: location) }
        return try await updatingRunningJob(
            id, owner: owner, set: "state = 'done', result = ?, finishedAt = ?, error = NULL", [result, Date()])
    }

    public func failJob(_ id: Int64, owner: String, reason: JobReason) async throws -> Bool {
        try await updatingRunningJob(
            id, owner: owner, set: "state = 'failed', error = ?, finishedAt = ?", [reason.stored, Date()])
    }

    public func releaseJob(_ id: Int64, owner: String, reason: JobReason) async throws -> Bool {
        try await updatingRunningJob(
            id, owner: owner, set: "state = 'queued', attempts = attempts - 1, error = ?", [reason.stored])
    }

    public func recoverJobs(heartbeatBefore: Date, ownedBy owner: String?, maximumAttempts: Int) async throws
        -> [RecoveredJob]
    {
        try await immediate { db in
            let orphaned = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, attempts, owner, heartbeatAt FROM job
                    WHERE state = 'running' AND (heartbeatAt < ? OR owner = ?) ORDER BY id
                    """, arguments: [heartbeatBefore, owner])
            return try orphaned.map { row in
                let recovered = RecoveredJob(
                    id: try row.identifier("id"), attempts: try row.integer("attempts"),
                    owner: row.optionalText("owner"), heartbeatAt: row.optionalDate("heartbeatAt"),
                    maximumAttempts: maximumAttempts)
                try db.execute(
                    sql: """
                        UPDATE job SET state = ?, error = ?,
                        finishedAt = CASE WHEN ? = 'failed' THEN ? ELSE NULL END WHERE id = ?
                        """,
                    arguments: [
                        recovered.state.rawValue, recovered.reason.stored, recovered.state.rawValue, Date(),
                        recovered.id,
                    ])
                return recovered
            }
        }
    }

    public func job(id: Int64) async throws -> Job? {
        try await reading { db in
            try Row.fetchOne(db, sql: "SELECT * FROM job WHERE id = ?", arguments: [id]).map { try JobColumns.job($0) }
        }
    }

    public func jobs(_ selection: JobSelection) async throws -> [Job] {
        try await reading { db in
            var sql = "SELECT * FROM job WHERE kind = ?"
            var arguments: StatementArguments = [selection.kind]
            if let territoryID = selection.territoryID {
                sql += " AND territoryID = ?"
                arguments += [territoryID]
            }
            if let key = selection.parameterKey, let value = selection.parameterValue {
                // The path is an argument: `json_extract` reads it, nothing is spliced into the SQL.
                sql += " AND json_extract(parameters, ?) = ?"
                arguments += ["$.\"\(key)\"", value]
            }
            if let before = selection.before {
                sql += " AND id < ?"
                arguments += [before]
            }
            sql += " ORDER BY id DESC LIMIT ?"
            arguments += [selection.limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { try JobColumns.job($0) }
        }
    }

    /// Runs `body` in an immediate transaction: the write lock is taken first, so that two processes
    /// sharing the file never both read the same queued job before either writes.
    private func immediate<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await writingWithoutTransaction { db in
            var value: T?
            try db.inTransaction(.immediate) {
                value = try body(db)
                return .commit
            }
            return value!
        }
    }

    /// Sets `assignments` on job `id` if it runs for `owner`; whether it did.
    private func updatingRunningJob(
        _ id: Int64, owner: String, set assignments: String, _ values: [(any DatabaseValueConvertible)?]
    ) async throws -> Bool {
        let values = values.map { $0?.databaseValue ?? .null }
        return try await writing { db in
            try db.execute(
                sql: "UPDATE job SET \(assignments) WHERE id = ? AND owner = ? AND state = 'running'",
                arguments: StatementArguments(values + [id.databaseValue, owner.databaseValue]))
            return db.changesCount > 0
        }
    }
}
