import Hummingbird

/// The routes that run the service rather than serve its users: liveness, readiness, metrics and the
/// OpenAPI document. Open to anyone: they show no data.
struct OperationalRoutes {
    let environment: ServiceEnvironment

    func register(in registry: inout RouteRegistry) {
        registry.on(.get, "/health") { _, _ in try ResponseBody.json(["status": "ok"]) }
        registry.on(.get, "/ready") { _, context in
            do {
                try await environment.store.checkReachable()
                return try ResponseBody.json(["status": "ready"])
            } catch {
                context.logger.error("database unreachable", metadata: ["error": "\(type(of: error))"])
                return try ResponseBody.json(["status": "database unreachable"], status: .serviceUnavailable)
            }
        }
        registry.on(.get, "/metrics") { _, _ in
            ResponseBody.text(
                environment.metrics.prometheusText, contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        registry.on(.get, "/openapi.json") { _, _ in
            ResponseBody.text(OpenAPIDocument.json, contentType: "application/json; charset=utf-8")
        }
    }
}
