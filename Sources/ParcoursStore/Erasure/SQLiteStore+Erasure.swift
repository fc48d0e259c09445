import Foundation
import GRDB

extension SQLiteStore: ErasureStore {
    public func erase(_ erasure: AgentErasure) async throws {
        try await writing { db in
            let newest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM plan")
            guard newest == erasure.newestPlanID else {
                throw ErasureConflict("a plan was stored while the erasure was prepared")
            }
            for subject in erasure.subjects {
                try db.execute(
                    sql: """
                        UPDATE agent SET externalID = ?, lastName = '', firstName = '', equipment = '',
                        unavailable = '', languages = '' WHERE communeCode = ? AND externalID = ?
                        """,
                    arguments: [subject.surrogateID, subject.communeCode, subject.externalID])
                guard db.changesCount == 1 else {
                    throw ErasureConflict("the agent is no longer in the roster of commune \(subject.communeCode)")
                }
                let participation = try db.makeStatement(
                    sql: """
                        UPDATE participation SET externalID = ?, lastName = '', firstName = '', extraColumns = '{}'
                        WHERE line = ? AND campaignID = (SELECT id FROM campaign WHERE pixCampaignID = ?)
                        """)
                for key in subject.participations {
                    try participation.execute(arguments: [subject.surrogateID, key.line, key.pixCampaignID])
                }
            }
            for plan in erasure.plans {
                try db.execute(
                    sql: "UPDATE plan SET document = ? WHERE id = ?", arguments: [plan.document, plan.planID])
            }
            let audit = erasure.audit
            try db.execute(
                sql: "INSERT INTO auditEntry (at, userID, route, subject, agentCount) VALUES (?, ?, ?, ?, ?)",
                arguments: [audit.at, audit.userID, audit.route, audit.subject, audit.agentCount])
        }
    }

    public func rosterImports() async throws -> [AgentImport] {
        try await reading { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT agent.communeCode, agent.externalID, importedFile.importedAt FROM agent
                    JOIN importedFile ON importedFile.id = agent.fileID ORDER BY agent.communeCode, agent.externalID
                    """
            ).map {
                AgentImport(communeCode: $0["communeCode"], externalID: $0["externalID"], importedAt: $0["importedAt"])
            }
        }
    }

    public func erasedAgentCount() async throws -> Int {
        try await reading { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM agent WHERE substr(externalID, 1, ?) = ?",
                arguments: [AgentErasure.surrogatePrefix.count, AgentErasure.surrogatePrefix]) ?? 0
        }
    }
}
