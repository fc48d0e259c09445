import HTTPTypes
import Hummingbird

/// A route the router serves: its method and path pattern (`/api/plans/{id}`), as the OpenAPI
/// document names it.
public struct RegisteredRoute: Hashable, Sendable, CustomStringConvertible {
    public let method: HTTPRequest.Method
    public let path: String

    public var description: String { "\(method.rawValue) \(path)" }
}

/// Registers routes on the router and remembers each one, so that a test can hold the router's routes
/// against the OpenAPI document.
struct RouteRegistry {
    let router: Router<ServiceRequestContext>
    private(set) var routes: [RegisteredRoute] = []

    init(router: Router<ServiceRequestContext>) {
        self.router = router
    }

    /// Serves `path` (with `{name}` parameters) for `method` with `handler`.
    mutating func on(
        _ method: HTTPRequest.Method, _ path: String,
        _ handler: @escaping @Sendable (Request, ServiceRequestContext) async throws -> Response
    ) {
        router.on(RouterPath(path), method: method, use: handler)
        routes.append(RegisteredRoute(method: method, path: RouterPath(path).description))
    }
}
