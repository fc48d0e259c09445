import Foundation
import ParcoursSolver
import ParcoursStore
import Synchronization

/// Solves a planning problem and stores the plan with what it was made from: the step shared by
/// `parcours plan`, `replan`, `demo` and the service.
public enum PlanJob {
    /// Solves `problem`, calling `progress` at each improvement, and returns the plan with its trace.
    public static func solve(
        _ problem: PlanningProblem, progress: @escaping @Sendable (PlanningProgress) -> Void = { _ in }
    ) -> (plan: TrainingPlan, trace: [PlanningProgress]) {
        let trace = Mutex<[PlanningProgress]>([])
        let plan = TrainingPlanner(problem: problem).solve { point in
            trace.withLock { $0.append(point) }
            progress(point)
        }
        return (plan, trace.withLock { $0 })
    }

    /// Stores `record` with the hashes of the store's imported files and of `configDirectory`'s files;
    /// returns the plan's id.
    public static func save(
        _ record: PlanRecord, label: String, previousPlanID: Int64? = nil, in store: some PlanStore,
        configDirectory: URL
    ) async throws -> Int64 {
        try await store.savePlan(
            NewPlan(
                territoryID: record.territoryID, label: label, previousPlanID: previousPlanID,
                inputs: try await PlanProvenance.inputs(store: store, configDirectory: configDirectory),
                document: try record.encoded()))
    }
}
