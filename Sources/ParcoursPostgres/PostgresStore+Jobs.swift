#if PostgreSQL
    import Foundation
    import ParcoursStore
    import PostgresNIO

    extension PostgresStore: JobQueue {
        public func enqueue(_ job: NewJob) async throws -> Int64 {
            let parameters = try JobColumns.json(job.parameters, location: location.description)
            return try await rows(
                """
                INSERT INTO job (kind, territoryID, parameters, state, attempts, createdAt)
                VALUES (\(job.kind), \(job.territoryID), \(parameters)::jsonb, 'queued', 0, \(Date())) RETURNING id
                """
            ) { try $0.identifier("id") }[0]
        }

        public func claimJob(owner: String, kinds: Set<String>?) async throws -> Job? {
            // SKIP LOCKED: an instance passes over the job another is claiming instead of waiting for it.
            let kinds = kinds.map { Array($0).sorted() }
            return try await rows(
                """
                UPDATE job SET state = 'running', owner = \(owner), attempts = attempts + 1, heartbeatAt = \(Date()),
                startedAt = \(Date()), error = NULL
                WHERE id = (
                    SELECT id FROM job WHERE state = 'queued' AND (\(kinds == nil) OR kind = ANY(\(kinds ?? [])))
                    ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING *
                """
            ) { try JobColumns.job($0) }.first
        }

        public func heartbeat(job id: Int64, owner: String, progress: Data?) async throws -> Bool {
            let progress = try progress.map { try JobColumns.json($0, location: location.description) }
            return try await updatedRunningJob(
                """
                UPDATE job SET heartbeatAt = \(Date()), progress = COALESCE(\(progress)::jsonb, progress)
                WHERE id = \(id) AND owner = \(owner) AND state = 'running' RETURNING id
                """)
        }

        public func finishJob(_ id: Int64, owner: String, result: Data?) async throws -> Bool {
            let result = try result.map { try JobColumns.json($0, location: location.description) }
            return try await updatedRunningJob(
                """
                UPDATE job SET state = 'done', result = \(result)::jsonb, finishedAt = \(Date()), error = NULL
                WHERE id = \(id) AND owner = \(owner) AND state = 'running' RETURNING id
                """)
        }

        public func failJob(_ id: Int64, owner: String, reason: JobReason) async throws -> Bool {
            try await updatedRunningJob(
                """
                UPDATE job SET state = 'failed', error = \(reason.stored), finishedAt = \(Date())
                WHERE id = \(id) AND owner = \(owner) AND state = 'running' RETURNING id
                """)
        }

        public func releaseJob(_ id: Int64, owner: String, reason: JobReason) async throws -> Bool {
            try await updatedRunningJob(
                """
                UPDATE job SET state = 'queued', attempts = attempts - 1, error = \(reason.stored)
                WHERE id = \(id) AND owner = \(owner) AND state = 'running' RETURNING id
                """)
        }

        public func recoverJobs(heartbeatBefore: Date, ownedBy owner: String?, maximumAttempts: Int) async throws
            -> [RecoveredJob]
        {
            try await transaction { connection in
                var recovered: [RecoveredJob] = []
                // FOR UPDATE: two instances starting together do not recover the same job twice.
                for try await (id, attempts, previousOwner, heartbeatAt) in try await connection.query(
                    """
                    SELECT id, attempts, owner, heartbeatAt FROM job
                    WHERE state = 'running' AND (heartbeatAt < \(heartbeatBefore) OR owner = \(owner))
                    ORDER BY id FOR UPDATE
                    """, logger: logger
                ).decode((Int64, Int, String?, Date?).self) {
                    recovered.append(
                        RecoveredJob(
                            id: id, attempts: attempts, owner: previousOwner, heartbeatAt: heartbeatAt,
                            maximumAttempts: maximumAttempts))
                }
                for job in recovered {
                    let finishedAt: Date? = job.state == .failed ? Date() : nil
                    try await connection.query(
                        """
                        UPDATE job SET state = \(job.state.rawValue), error = \(job.reason.stored), finishedAt = \(finishedAt)
                        WHERE id = \(job.id)
                        """, logger: logger)
                }
                return recovered
            }
        }

        public func job(id: Int64) async throws -> Job? {
            try await rows("SELECT * FROM job WHERE id = \(id)") { try JobColumns.job($0) }.first
        }

        public func jobs(_ selection: JobSelection) async throws -> [Job] {
            // Every condition is a bound parameter; a missing one is NULL and lets every row through.
            let key = selection.parameterValue == nil ? nil : selection.parameterKey
            return try await rows(
                """
                SELECT * FROM job WHERE kind = \(selection.kind)
                AND (\(selection.territoryID)::text IS NULL OR territoryID = \(selection.territoryID))
                AND (\(key)::text IS NULL OR parameters ->> \(key)::text = \(selection.parameterValue))
                AND (\(selection.before)::bigint IS NULL OR id < \(selection.before))
                ORDER BY id DESC LIMIT \(selection.limit)
                """
            ) { try JobColumns.job($0) }
        }

        /// Whether `update` (returning the id of the row it changed) changed a row.
        private func updatedRunningJob(_ update: PostgresQuery) async throws -> Bool {
            !(try await rows(update) { try $0.identifier("id") }).isEmpty
        }
    }
#endif
