#if PostgreSQL
    import Foundation
    import ParcoursStore
    import PostgresNIO

    extension PostgresStore: ErasureStore {
        public func erase(_ erasure: AgentErasure) async throws {
            try await transaction { connection in
                // No plan may be stored by another instance until the erasure commits: it might name the agents.
                try await connection.query("LOCK TABLE plan IN SHARE ROW EXCLUSIVE MODE", logger: logger)
                var newest: Int64?
                for try await id in try await connection.query("SELECT max(id) FROM plan", logger: logger)
                    .decode(Int64?.self)
                {
                    newest = id
                }
                guard newest == erasure.newestPlanID else {
                    throw ErasureConflict("a plan was stored while the erasure was prepared")
                }
                for subject in erasure.subjects {
                    var changed = 0
                    for try await _ in try await connection.query(
                        """
                        UPDATE agent SET externalID = \(subject.surrogateID), lastName = '', firstName = '',
                        equipment = '', unavailable = '', languages = ''
                        WHERE communeCode = \(subject.communeCode) AND externalID = \(subject.externalID)
                        RETURNING externalID
                        """, logger: logger
                    ).decode(String.self) {
                        changed += 1
                    }
                    guard changed == 1 else {
                        throw ErasureConflict("the agent is no longer in the roster of commune \(subject.communeCode)")
                    }
                    for key in subject.participations {
                        try await connection.query(
                            """
                            UPDATE participation SET externalID = \(subject.surrogateID), lastName = '', firstName = '',
                            extraColumns = '{}'::jsonb
                            WHERE line = \(key.line)
                            AND campaignID = (SELECT id FROM campaign WHERE pixCampaignID = \(key.pixCampaignID))
                            """, logger: logger)
                    }
                }
                for plan in erasure.plans {
                    try await connection.query(
                        "UPDATE plan SET document = \(plan.document) WHERE id = \(plan.planID)", logger: logger)
                }
                let audit = erasure.audit
                try await connection.query(
                    """
                    INSERT INTO auditEntry (at, userID, route, subject, agentCount)
                    VALUES (\(audit.at), \(audit.userID), \(audit.route), \(audit.subject), \(audit.agentCount))
                    """, logger: logger)
            }
        }

        public func rosterImports() async throws -> [AgentImport] {
            try await rows(
                """
                SELECT agent.communeCode, agent.externalID, importedFile.importedAt FROM agent
                JOIN importedFile ON importedFile.id = agent.fileID ORDER BY agent.communeCode, agent.externalID
                """
            ) {
                AgentImport(
                    communeCode: try $0.text("communeCode"), externalID: try $0.text("externalID"),
                    importedAt: try $0.date("importedAt"))
            }
        }

        public func erasedAgentCount() async throws -> Int {
            let prefix = AgentErasure.surrogatePrefix
            return try await rows(
                "SELECT count(*) AS count FROM agent WHERE left(externalID, \(Int32(prefix.count))) = \(prefix)"
            ) { try $0.integer("count") }[0]
        }
    }
#endif
