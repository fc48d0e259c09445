import Foundation

/// A durable queue of long jobs (a plan, a large import) shared by the instances of the service:
/// each job is claimed by one instance at a time, reports its progress with a heartbeat, and ends
/// done or failed with its reason. Jobs outlive the instance running them: when an instance stops
/// (crash, restart), ``recoverJobs(heartbeatBefore:ownedBy:maximumAttempts:)`` queues its jobs again
/// or fails them, saying why.
///
/// Parameters, progress and results are JSON documents whose schema belongs to the job's kind. They
/// hold identifiers and figures, never personal data: jobs are listed to coordinators.
public protocol JobQueue: Sendable {
    /// Stores a queued job; returns its id (ids increase in the order jobs are enqueued).
    func enqueue(_ job: NewJob) async throws -> Int64

    /// Claims for `owner` the oldest queued job (of one of `kinds`, any kind when nil): it becomes
    /// running, its attempts grow by one and its heartbeat is now. Nil when no job waits. Two
    /// instances never claim the same job.
    func claimJob(owner: String, kinds: Set<String>?) async throws -> Job?

    /// Renews the heartbeat of job `id`, and records its progress when given. False when the job no
    /// longer runs for `owner` (it was recovered meanwhile): the owner should stop working on it.
    func heartbeat(job id: Int64, owner: String, progress: Data?) async throws -> Bool

    /// Marks job `id` done with its result. False when it no longer runs for `owner`.
    func finishJob(_ id: Int64, owner: String, result: Data?) async throws -> Bool

    /// Marks job `id` failed with `reason` (words for people, no personal data). False when it no
    /// longer runs for `owner`.
    func failJob(_ id: Int64, owner: String, reason: JobReason) async throws -> Bool

    /// Queues job `id` again, with `reason`, when its run stopped without failing (the instance running
    /// it shuts down): the attempt does not count, and another instance or the next start runs it. False
    /// when it no longer runs for `owner`.
    func releaseJob(_ id: Int64, owner: String, reason: JobReason) async throws -> Bool

    /// Crash recovery, for an instance starting: every running job whose heartbeat is older than
    /// `heartbeatBefore`, or that `owner` ran before it restarted, is queued again if it has had
    /// fewer than `maximumAttempts` attempts, and failed otherwise; either way with the reason.
    func recoverJobs(heartbeatBefore: Date, ownedBy owner: String?, maximumAttempts: Int) async throws
        -> [RecoveredJob]

    /// The job with id `id`, or nil.
    func job(id: Int64) async throws -> Job?

    /// The jobs `selection` picks, newest first, at most its limit.
    func jobs(_ selection: JobSelection) async throws -> [Job]
}

/// A page of jobs of one kind: of a territory, or whose parameters name a value (a catalogue import's
/// provider), older than a job already seen.
public struct JobSelection: Hashable, Sendable {
    public let kind: String
    /// Only the jobs of this territory, when given.
    public let territoryID: String?
    /// Only the jobs whose parameters (a JSON object) hold this text value at this top-level key.
    public let parameterKey: String?
    public let parameterValue: String?
    /// Only the jobs with a smaller id (older), when given: the cursor of the next page.
    public let before: Int64?
    public let limit: Int

    public init(
        kind: String, territoryID: String? = nil, parameter: (key: String, value: String)? = nil,
        before: Int64? = nil, limit: Int
    ) {
        self.kind = kind
        self.territoryID = territoryID
        parameterKey = parameter?.key
        parameterValue = parameter?.value
        self.before = before
        self.limit = max(0, limit)
    }
}

/// A job to enqueue.
public struct NewJob: Hashable, Sendable {
    /// What the job does, e.g. `plan` or `import-pix`.
    public let kind: String
    public let territoryID: String?
    /// The job's parameters, a JSON document.
    public let parameters: Data

    public init(kind: String, territoryID: String?, parameters: Data) {
        self.kind = kind
        self.territoryID = territoryID
        self.parameters = parameters
    }
}

/// Where a job stands.
public enum JobState: String, Hashable, Codable, Sendable {
    case queued, running, done, failed
}

/// A stored job. JSON documents come back equal in content, not byte for byte (PostgreSQL's jsonb
/// orders keys and spaces them its own way).
public struct Job: Hashable, Sendable {
    public let id: Int64
    public let kind: String
    public let territoryID: String?
    public let parameters: Data
    public let state: JobState
    /// The last progress reported, a JSON document.
    public let progress: Data?
    /// What a done job made, a JSON document (e.g. the id of the plan it stored).
    public let result: Data?
    public let attempts: Int
    /// The instance running the job (or that ran it last).
    public let owner: String?
    public let heartbeatAt: Date?
    /// Why the job failed, or why its last attempt stopped, as stored (``reason`` reads it).
    public let error: String?
    public let createdAt: Date
    public let startedAt: Date?
    public let finishedAt: Date?

    package init(
        id: Int64, kind: String, territoryID: String?, parameters: Data, state: JobState, progress: Data?,
        result: Data?, attempts: Int, owner: String?, heartbeatAt: Date?, error: String?, createdAt: Date,
        startedAt: Date?, finishedAt: Date?
    ) {
        self.id = id
        self.kind = kind
        self.territoryID = territoryID
        self.parameters = parameters
        self.state = state
        self.progress = progress
        self.result = result
        self.attempts = attempts
        self.owner = owner
        self.heartbeatAt = heartbeatAt
        self.error = error
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }
}

/// A job ``JobQueue/recoverJobs(heartbeatBefore:ownedBy:maximumAttempts:)`` found orphaned.
public struct RecoveredJob: Hashable, Sendable {
    public let id: Int64
    /// ``JobState/queued`` (to run again) or ``JobState/failed``.
    public let state: JobState
    public let reason: JobReason
}

extension RecoveredJob {
    /// Queued again: `instance-stopped`; failed: `attempts-exhausted`.
    package init(id: Int64, attempts: Int, owner: String?, heartbeatAt: Date?, maximumAttempts: Int) {
        self.id = id
        let instance = owner ?? "?"
        let beat = heartbeatAt.map { StoredDate.text($0) + " UTC" }
        let stopped = (
            french: "l’instance \(instance) a cessé de l’exécuter (dernier signal : \(beat ?? "aucun"))",
            english: "instance \(instance) stopped running it (last heartbeat \(beat ?? "none"))"
        )
        if attempts < maximumAttempts {
            state = .queued
            reason = JobReason(
                code: "instance-stopped",
                french: "\(stopped.french) ; remis en file (tentative \(attempts + 1) sur \(maximumAttempts))",
                english: "\(stopped.english); queued again (attempt \(attempts + 1) of \(maximumAttempts))")
        } else {
            state = .failed
            reason = JobReason(
                code: "attempts-exhausted", french: "\(stopped.french) ; abandonné après \(attempts) tentatives",
                english: "\(stopped.english); failed after \(attempts) attempts")
        }
    }
}

/// The columns of the `job` table both stores read.
package enum JobColumns {
    package static func job(_ row: some StoredRow) throws -> Job {
        Job(
            id: try row.identifier("id"), kind: try row.text("kind"), territoryID: try row.optionalText("territoryID"),
            parameters: Data(try row.text("parameters").utf8),
            state: JobState(rawValue: try row.text("state")) ?? .failed,
            progress: try row.optionalText("progress").map { Data($0.utf8) },
            result: try row.optionalText("result").map { Data($0.utf8) }, attempts: try row.integer("attempts"),
            owner: try row.optionalText("owner"), heartbeatAt: try row.optionalDate("heartbeatAt"),
            error: try row.optionalText("error"), createdAt: try row.date("createdAt"),
            startedAt: try row.optionalDate("startedAt"), finishedAt: try row.optionalDate("finishedAt"))
    }

    /// `document` as JSON text, or a ``StoreError`` when it is no JSON.
    package static func json(_ document: Data, location: String) throws -> String {
        guard (try? JSONSerialization.jsonObject(with: document, options: .fragmentsAllowed)) != nil else {
            throw StoreError(location: location, message: "a job's document is not JSON")
        }
        return String(decoding: document, as: UTF8.self)
    }
}

/// Everything Parcours keeps in its database: imports, catalogues, plans, the job queue, and the
/// service's users, tokens and audit log (``AccessStore``), the identities linked to users
/// (``IdentityLinkStore``), the revision of what pages show (``RevisionStore``) and the uploads waiting
/// for their import job (``StagedUploadStore``); what ``SQLiteStore`` and the PostgreSQL store both are.
public typealias ParcoursDatabase =
    PlanStore & JobQueue & AccessStore & ErasureStore & IdentityLinkStore & RevisionStore & StagedUploadStore
