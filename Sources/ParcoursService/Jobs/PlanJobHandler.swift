import Foundation
import ParcoursModel
import ParcoursStore
import ParcoursWorkflow
import ServiceLifecycle

/// The parameters of a plan job: the order, and the language its failure reason is written in.
struct PlanJobParameters: Codable, Sendable {
    let order: PlanOrder
    let language: Language
}

/// What a plan job made: the stored plan's id.
struct PlanJobResult: Codable, Sendable {
    let planID: Int64

    static func decode(_ data: Data?) -> PlanJobResult? {
        data.flatMap { try? JSONDecoder().decode(Self.self, from: $0) }
    }
}

/// Runs plan jobs: ``PlanMaking`` (what `parcours plan` and `replan` run), the planner's progress fed to
/// the job's heartbeat. The plan's documents are rendered from the stored plan when asked for.
struct PlanJobHandler: JobHandler {
    static let kind = "plan"
    var kind: String { Self.kind }

    let environment: ServiceEnvironment

    func run(_ job: Job, reporter: JobReporter) async throws -> Data? {
        let parameters = try JSONDecoder().decode(PlanJobParameters.self, from: job.parameters)
        reporter.report(JobProgress(phase: "gathering", percent: 0))
        let previous = try await previousPlan(parameters.order)
        // The solve cannot wait for the shutdown: it stops, nothing is stored, and the job is queued again.
        let made = try await cancelWhenGracefulShutdown {
            try await make(parameters.order, previous: previous, reporter: reporter)
        }
        return try JobDocument.encoder.encode(PlanJobResult(planID: made.id))
    }

    /// Makes and stores the plan `order` asks for, its progress fed to `reporter`.
    private func make(
        _ order: PlanOrder, previous: (stored: StoredPlan, record: PlanRecord)?, reporter: JobReporter
    ) async throws -> PlanMade {
        try await PlanMaking.make(
            order, previous: previous, assembly: try await environment.diagnosis(), store: environment.store,
            progress: { step in
                switch step {
                case .gathering: reporter.report(JobProgress(phase: "gathering", percent: 2))
                case .solving(let point, let limit):
                    reporter.report(JobProgress(solving: point, timeLimitSeconds: limit))
                case .saving:
                    reporter.report(JobProgress(phase: "saving", percent: 97))
                }
            }, beforeSaving: { try await reporter.confirmOwnership() })
    }

    /// The stored plan a re-plan starts from, with its record; nil for a new plan.
    private func previousPlan(_ order: PlanOrder) async throws -> (stored: StoredPlan, record: PlanRecord)? {
        guard let replan = order.replan else { return nil }
        guard let stored = try await environment.store.plan(id: replan.previousPlanID) else {
            throw JobFailure.refused(
                JobReason(
                    code: "plan-gone", french: "le plan \(replan.previousPlanID) n’existe plus",
                    english: "plan \(replan.previousPlanID) no longer exists"))
        }
        return (stored, try PlanRecord(stored: stored))
    }
}
