import Foundation
import HTTPTypes
import Hummingbird
import ParcoursStore

/// Finds the user of each request: from an `Authorization: Bearer` token (programs), else from the
/// session cookie set at sign-in (browsers). A request with neither, or with an unknown or expired
/// one, goes on anonymous: each route then answers as its access rule says.
struct Authentication: RouterMiddleware {
    typealias Context = ServiceRequestContext

    /// The cookie that carries a browser session's token.
    static let sessionCookie = "parcours_session"

    let store: any AccessStore

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let token = Self.bearerToken(request) ?? request.cookies[Self.sessionCookie]?.value, !token.isEmpty {
            context.user = try await store.user(tokenHash: AccessToken.hash(token), at: Date())
        }
        return try await next(request, context)
    }

    static func bearerToken(_ request: Request) -> String? {
        guard let value = request.headers[.authorization] else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }
}
