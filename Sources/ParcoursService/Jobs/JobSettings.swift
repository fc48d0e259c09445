import Crypto
import Foundation

/// How an instance of the service runs background jobs.
public struct JobSettings: Sendable {
    /// This instance's name in the queue (the owner of the jobs it runs). Unique among the instances
    /// sharing a database, and the same after a restart, so that the jobs it was running are queued
    /// again at once when it starts.
    public var instance: String
    /// How many jobs the instance runs at once.
    public var workers: Int
    /// How often a running job renews its heartbeat (with its progress).
    public var heartbeatInterval: Duration
    /// A running job whose heartbeat is older than this is taken as orphaned: its instance stopped.
    public var staleAfter: Duration
    /// How often an idle worker looks for a queued job.
    public var pollInterval: Duration
    /// A job orphaned after this many attempts fails instead of being queued again.
    public var maximumAttempts: Int
    /// Catalogue files larger than this are imported in the background (the upload waits in the
    /// database: ``StagedUploadStore``).
    public var backgroundImportBytes: Int
    /// Where jobs write their temporary files, job by job (a catalogue's copy while it is imported).
    /// One folder per database: job ids restart at 1 in every database, so instances of different
    /// databases on one host must not share it, while an instance restarted on the same database must
    /// find what a killed attempt left there (``temporaryFolder(forDatabase:)``).
    public var temporaryFolder: URL

    public init(
        instance: String, workers: Int = 1, heartbeatInterval: Duration = .seconds(5),
        staleAfter: Duration = .seconds(60), pollInterval: Duration = .seconds(1), maximumAttempts: Int = 3,
        backgroundImportBytes: Int = 4 * 1024 * 1024, temporaryFolder: URL? = nil
    ) {
        self.instance = instance
        self.workers = workers
        self.heartbeatInterval = heartbeatInterval
        self.staleAfter = staleAfter
        self.pollInterval = pollInterval
        self.maximumAttempts = maximumAttempts
        self.backgroundImportBytes = backgroundImportBytes
        self.temporaryFolder = temporaryFolder ?? Self.temporaryFolder(forDatabase: "instance \(instance)")
    }

    /// The temporary folder of the jobs of a database, named after a digest of its location (a file's
    /// absolute path, or a PostgreSQL URL), so that it is the same after a restart and differs between
    /// databases without showing where they are.
    public static func temporaryFolder(forDatabase location: String) -> URL {
        let digest = SHA256.hash(data: Data(location.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
        return FileManager.default.temporaryDirectory.appending(path: "parcours-jobs-\(digest)")
    }
}
