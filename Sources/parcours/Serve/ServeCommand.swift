import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ParcoursService

/// `parcours serve [--host 127.0.0.1] [--port 8080] [--database PATH]`: the HTTP service (JSON API and
/// web pages) on the database, created and migrated if needed. Logs go to stderr, one line per request
/// without personal data; SIGINT or SIGTERM stop it after the requests in progress.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the JSON API and the web pages (stops cleanly on SIGINT or SIGTERM).")

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on.")
    var port: Int = 8080

    func run() async throws {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        var logger = Logger(label: "parcours")
        logger.logLevel = .info
        let configuration = try options.loadConfiguration()
        let store = try await options.openStore()
        logger.info("database ready", metadata: ["database": "\(options.databaseName)"])
        let environment = ServiceEnvironment(store: store, configuration: configuration)
        let application = ServiceApplication.make(environment, host: host, port: port, logger: logger)
        try await application.runService()
        logger.info("stopped")
    }
}
