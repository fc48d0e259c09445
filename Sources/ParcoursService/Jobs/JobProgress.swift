import Foundation
import ParcoursModel
import ParcoursSolver
import ParcoursStore

/// The progress of a job, as its heartbeat stores it and `GET /api/jobs/{id}` shows it.
struct JobProgress: Codable, Hashable, Sendable {
    /// What the job is doing: `starting`, then `gathering`, `solving`, `saving` (plans) or `importing`
    /// (catalogues).
    var phase: String
    /// An estimate of how far the job is, 0–100.
    var percent: Double
    /// For a plan: the objective of the best plan found so far, the best bound proven (nil before the
    /// first) and the gap between them (nil without a bound), after `seconds` of solving.
    var objective: Double?
    var bound: Double?
    var gap: Double?
    var seconds: Double?

    init(
        phase: String, percent: Double, objective: Double? = nil, bound: Double? = nil, gap: Double? = nil,
        seconds: Double? = nil
    ) {
        self.phase = phase
        self.percent = percent
        self.objective = objective
        self.bound = bound
        self.gap = gap
        self.seconds = seconds
    }

    /// A solve's progress: the share of the time limit used (the planner stops there at the latest),
    /// between 5 % (inputs gathered) and 95 % (the plan is then stored).
    init(solving point: PlanningProgress, timeLimitSeconds: Double) {
        let share = timeLimitSeconds > 0 ? min(1, point.seconds / timeLimitSeconds) : 1
        self.init(
            phase: "solving", percent: (5 + 90 * share).rounded(), objective: point.objective,
            bound: point.bound.isFinite ? point.bound : nil, gap: point.gap.isFinite ? point.gap : nil,
            seconds: point.seconds)
    }
}

/// A job as the API shows it: its state, progress, result and reason, without its parameters (which
/// the caller sent).
struct JobDocument: Encodable {
    let id: Int64
    let kind: String
    let territory: String?
    let state: JobState
    let attempts: Int
    let createdAt: Date
    let startedAt: Date?
    let finishedAt: Date?
    let progress: JobProgress?
    /// Why the job failed, or why its last attempt stopped, in the request's language.
    let reason: String?
    /// The same reason's stable code (``JobReason/code``): `instance-stopped`, `attempts-exhausted`,
    /// `catalogue-refused`…
    let reasonCode: String?
    /// `reason` again, under the name clients read before reasons had codes.
    let error: String?
    /// A plan job's plan, once done.
    let plan: PlanLink?
    /// A catalogue import's validation report, once done.
    let report: UploadReport?

    struct PlanLink: Encodable {
        let id: Int64
        let href: String
    }

    /// `job`, its reason in `language`.
    init(_ job: Job, language: Language) {
        id = job.id
        kind = job.kind
        territory = job.territoryID
        state = job.state
        attempts = job.attempts
        createdAt = job.createdAt
        startedAt = job.startedAt
        finishedAt = job.finishedAt
        progress =
            job.state == .done
            ? JobProgress(phase: "done", percent: 100)
            : job.progress.flatMap { try? JSONDecoder().decode(JobProgress.self, from: $0) }
        reason = job.reason?.text(in: language)
        reasonCode = job.reason?.code
        error = reason
        let planID = job.kind == PlanJobHandler.kind ? PlanJobResult.decode(job.result)?.planID : nil
        plan = planID.map { PlanLink(id: $0, href: "/api/plans/\($0)") }
        report =
            job.kind == CatalogueImportJobHandler.kind
            ? job.result.flatMap { try? JSONDecoder.iso8601.decode(UploadReport.self, from: $0) } : nil
    }

    /// The encoder of job documents (parameters, progress, results): keys sorted, dates ISO 8601.
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()
}

extension JSONDecoder {
    /// A decoder of documents written by ``JobDocument/encoder``.
    static let iso8601: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
