import Foundation
import ParcoursCatalogue
import ParcoursModel
import ParcoursStore
import ParcoursWorkflow
import Synchronization

/// Runs the jobs of one kind.
protocol JobHandler: Sendable {
    /// The kind of job it runs, as stored in the queue.
    var kind: String { get }

    /// Runs `job`, reporting its progress to `reporter`; returns the job's result (a JSON document).
    /// What it throws fails the job, with ``JobFailure/reason(for:in:)`` as the reason.
    func run(_ job: Job, reporter: JobReporter) async throws -> Data?
}

/// What a running job tells its worker: its latest progress, which the next heartbeat sends, and
/// whether its run is still its own.
final class JobReporter: Sendable {
    let jobID: Int64
    private let queue: any JobQueue
    private let owner: String
    private let state = Mutex<(progress: JobProgress?, sent: Bool, lost: Bool)>((nil, true, false))

    init(jobID: Int64, queue: any JobQueue, owner: String) {
        self.jobID = jobID
        self.queue = queue
        self.owner = owner
    }

    /// Records `progress`; the next heartbeat sends it.
    func report(_ progress: JobProgress) {
        state.withLock {
            $0.progress = progress
            $0.sent = false
        }
    }

    /// Renews the job's heartbeat with the progress not sent yet; false once another instance took the
    /// job over (it was recovered meanwhile).
    @discardableResult
    func beat() async throws -> Bool {
        let unsent = state.withLock { state -> JobProgress? in
            defer { state.sent = true }
            return state.sent ? nil : state.progress
        }
        let owned = try await queue.heartbeat(
            job: jobID, owner: owner, progress: try unsent.map { try JobDocument.encoder.encode($0) })
        if !owned { state.withLock { $0.lost = true } }
        return owned
    }

    /// Throws ``JobFailure/lost`` unless the run is still this instance's: a job checks it before
    /// storing what it made, so that a job taken over is not stored twice.
    func confirmOwnership() async throws {
        guard try await beat() else { throw JobFailure.lost }
    }

    /// The last progress reported.
    var progress: JobProgress? { state.withLock { $0.progress } }
}

/// A job's failure, in words for people (no personal data).
enum JobFailure: Error {
    /// Another instance took the job over: this run's work is dropped.
    case lost
    /// The job cannot run as asked, for this reason.
    case refused(JobReason)

    /// The reason stored with a failed job: a code, and its words in both languages.
    static func reason(for error: any Error) -> JobReason {
        func both(_ code: String, _ words: (Language) -> String) -> JobReason {
            JobReason(code: code, french: words(.french), english: words(.english))
        }
        switch error {
        case JobFailure.refused(let reason): return reason
        case JobFailure.lost:
            return both("taken-over") { $0.pick("repris par une autre instance", "taken over by another instance") }
        case let error as PlanMakingError: return both("plan-refused", error.message(in:))
        case let error as PlanRecordError: return both("plan-unreadable", error.message(in:))
        case let refusal as CatalogueRefusal: return both("catalogue-refused") { refusal.formatted(language: $0) }
        case let error as APIError: return JobReason(code: "refused", french: error.message, english: error.message)
        case let error as StoreError:
            return both("database-error") {
                $0.pick("erreur de la base de données : ", "database error: ") + error.description
            }
        default:
            return both("internal-error") {
                $0.pick("erreur interne (\(type(of: error)))", "internal error (\(type(of: error)))")
            }
        }
    }
}
