import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ParcoursService

/// `parcours serve [--host 127.0.0.1] [--port 8080] [--database PATH] [--workers 1]`: the HTTP service (JSON
/// API and web pages) on the database, created and migrated if needed, with its background jobs (plans,
/// large imports). Logs go to stderr, one line per request without personal data; SIGINT or SIGTERM stop
/// it after the requests and jobs in progress.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the JSON API and the web pages (stops cleanly on SIGINT or SIGTERM).")

    @OptionGroup var options: GlobalOptions

    @OptionGroup var openID: OpenIDOptions

    @Option(name: .long, help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on.")
    var port: Int = 8080

    @Option(name: .long, help: "How many background jobs (plans, large imports) this instance runs at once; 0: none.")
    var workers: Int = 1

    @Option(
        name: .long,
        help: "This instance's name in the job queue: unique among instances sharing a database (default: HOST:PORT).")
    var instance: String?

    @Option(name: .long, help: "Catalogue files larger than this many MiB are imported in the background.")
    var backgroundImportMb: Double = 4

    func run() async throws {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        var logger = Logger(label: "parcours")
        logger.logLevel = .info
        let configuration = try options.loadConfiguration()
        let store = try await options.openStore()
        logger.info("database ready", metadata: ["database": "\(options.databaseName)"])
        guard workers >= 0, backgroundImportMb > 0 else {
            throw ValidationError("--workers must be 0 or more and --background-import-mb more than 0")
        }
        let jobs = JobSettings(
            instance: instance ?? "\(ProcessInfo.processInfo.hostName):\(port)", workers: workers,
            backgroundImportBytes: Int(backgroundImportMb * 1024 * 1024),
            temporaryFolder: JobSettings.temporaryFolder(forDatabase: options.databaseIdentity))
        logger.info("jobs", metadata: ["instance": "\(jobs.instance)", "workers": "\(workers)"])
        let environment = ServiceEnvironment(
            store: store, configuration: configuration, jobs: jobs, openID: try openID.settings())
        let application = ServiceApplication.make(environment, host: host, port: port, logger: logger)
        try await application.runService()
        logger.info("stopped")
    }
}
