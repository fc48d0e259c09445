import Hummingbird
import Logging

/// Observes each request: one log line (method, route pattern, status, duration; never the path, the
/// query or a header, which may carry ids or tokens) and the request metrics.
struct RequestObservation: RouterMiddleware {
    typealias Context = ServiceRequestContext

    let metrics: RequestMetrics

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            observe(request, context: context, status: response.status.code, since: start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            observe(request, context: context, status: status, since: start)
            throw error
        }
    }

    private func observe(_ request: Request, context: Context, status: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let route = context.endpointPath ?? "NotFound"
        metrics.record(method: request.method.rawValue, route: route, status: status, seconds: seconds)
        context.logger.info(
            "request",
            metadata: [
                "method": "\(request.method.rawValue)", "route": "\(route)", "status": "\(status)",
                "ms": "\(Int((seconds * 1000).rounded()))",
            ])
    }
}
