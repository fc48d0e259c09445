import Foundation
import HTTPTypes
import Hummingbird

/// An error of the JSON API, answered as `{"error": {"status": 404, "message": "…"}}`.
struct APIError: HTTPResponseError {
    let status: HTTPResponse.Status
    let message: String

    static let unauthorized = APIError(status: .unauthorized, message: "authentication required: send a bearer token")
    static let forbidden = APIError(status: .forbidden, message: "this user's role or scope does not allow it")

    static func notFound(_ what: String) -> APIError { APIError(status: .notFound, message: "\(what) not found") }

    static func badRequest(_ message: String) -> APIError { APIError(status: .badRequest, message: message) }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = try encoder.encode(["error": Body(status: status.code, message: message)])
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(data: body)))
    }

    private struct Body: Encodable {
        let status: Int
        let message: String
    }
}
