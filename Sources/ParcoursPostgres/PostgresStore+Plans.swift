#if PostgreSQL
    import Foundation
    import ParcoursStore
    import PostgresNIO

    extension PostgresStore: PlanStore {
        public func savePlan(_ plan: NewPlan) async throws -> Int64 {
            try await transaction { connection in
                let id = try await connection.query(
                    """
                    INSERT INTO plan (createdAt, territoryID, label, previousPlanID, document)
                    VALUES (\(Date()), \(plan.territoryID), \(plan.label), \(plan.previousPlanID), \(plan.document))
                    RETURNING id
                    """, logger: logger
                ).decode(Int64.self).first { _ in true }!
                for input in plan.inputs {
                    try await connection.query(
                        """
                        INSERT INTO planInput (planID, kind, name, contentHash)
                        VALUES (\(id), \(input.kind), \(input.name), \(input.contentHash))
                        """, logger: logger)
                }
                return id
            }
        }

        public func plan(id: Int64) async throws -> StoredPlan? {
            let inputs = try await rows("SELECT * FROM planInput WHERE planID = \(id) ORDER BY rowOrder") {
                try StoredValues.planInput($0)
            }
            return try await rows("SELECT * FROM plan WHERE id = \(id)") { row in
                StoredPlan(
                    summary: try StoredValues.planSummary(row), inputs: inputs, document: try row.bytes("document"))
            }.first
        }

        public func plans(territoryID: String?) async throws -> [PlanSummary] {
            let columns = "id, createdAt, territoryID, label, previousPlanID"
            let query: PostgresQuery =
                if let territoryID {
                    "SELECT \(unescaped: columns) FROM plan WHERE territoryID = \(territoryID) ORDER BY id DESC"
                } else {
                    "SELECT \(unescaped: columns) FROM plan ORDER BY id DESC"
                }
            return try await rows(query) { try StoredValues.planSummary($0) }
        }
    }
#endif
