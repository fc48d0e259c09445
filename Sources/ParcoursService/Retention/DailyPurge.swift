import Foundation
import Logging
import ParcoursWorkflow
import ServiceLifecycle

/// The retention period applied by the service, as a service of the application's service group beside
/// the HTTP server: at start, then once a day, agents with no news for longer than
/// `Config/retention.yaml` says are erased, keeping the aggregates (``RetentionPurge``). Logs counts only;
/// stops on graceful shutdown.
public struct DailyPurge: Service {
    let environment: ServiceEnvironment
    let logger: Logger
    static let interval: Duration = .seconds(86_400)

    public init(environment: ServiceEnvironment, logger: Logger) {
        self.environment = environment
        self.logger = logger
    }

    public func run() async throws {
        let purge = RetentionPurge(store: environment.store, configuration: environment.configuration)
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            do {
                if let outcome = try await purge.run(at: Date(), route: "parcours serve: daily purge") {
                    logger.info(
                        "retention purge",
                        metadata: [
                            "agents": "\(outcome.agents)", "participations": "\(outcome.participations)",
                            "plans": "\(outcome.plans.count)",
                        ])
                }
            } catch {
                logger.error("retention purge failed", metadata: ["error": "\(type(of: error))"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: Self.interval) }
        }
    }
}
