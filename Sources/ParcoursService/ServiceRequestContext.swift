import Hummingbird
import ParcoursStore

/// What the service knows about a request beyond Hummingbird's own: the signed-in user, once
/// authentication has found one.
public struct ServiceRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The user the request's token or session belongs to; nil for an anonymous request.
    public var user: UserAccount?

    public init(source: Source) {
        coreContext = .init(source: source)
        user = nil
    }
}
