import Foundation
import GRDB

extension SQLiteStore: PlanStore {
    public func savePlan(_ plan: NewPlan) async throws -> Int64 {
        try await writing { db in
            try db.execute(
                sql: """
                    INSERT INTO plan (createdAt, territoryID, label, previousPlanID, document)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [Date(), plan.territoryID, plan.label, plan.previousPlanID, plan.document])
            let id = db.lastInsertedRowID
            let statement = try db.makeStatement(
                sql: "INSERT INTO planInput (planID, kind, name, contentHash) VALUES (?, ?, ?, ?)")
            for input in plan.inputs {
                try statement.execute(arguments: [id, input.kind, input.name, input.contentHash])
            }
            return id
        }
    }

    public func plan(id: Int64) async throws -> StoredPlan? {
        try await reading { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM plan WHERE id = ?", arguments: [id]) else {
                return nil
            }
            let inputs = try Row.fetchAll(
                db, sql: "SELECT * FROM planInput WHERE planID = ? ORDER BY rowid", arguments: [id]
            ).map { try StoredValues.planInput($0) }
            return StoredPlan(
                summary: try StoredValues.planSummary(row), inputs: inputs, document: try row.bytes("document"))
        }
    }

    public func plans(territoryID: String?) async throws -> [PlanSummary] {
        try await reading { db in
            let columns = "id, createdAt, territoryID, label, previousPlanID"
            let rows =
                if let territoryID {
                    try Row.fetchAll(
                        db, sql: "SELECT \(columns) FROM plan WHERE territoryID = ? ORDER BY id DESC",
                        arguments: [territoryID])
                } else {
                    try Row.fetchAll(db, sql: "SELECT \(columns) FROM plan ORDER BY id DESC")
                }
            return try rows.map { try StoredValues.planSummary($0) }
        }
    }
}
