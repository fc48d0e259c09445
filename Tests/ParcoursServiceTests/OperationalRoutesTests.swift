import Foundation
import Hummingbird
import HummingbirdTesting
import ParcoursService
import Testing

/// Liveness, readiness, metrics and the OpenAPI document.
struct OperationalRoutesTests {
    @Test func healthAndReadinessAnswerJSON() async throws {
        try await ServiceFixtures.withClient(try ServiceFixtures.environment()) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == #"{"status":"ok"}"#)
            }
            try await client.execute(uri: "/ready", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(String(buffer: response.body) == #"{"status":"ready"}"#)
            }
        }
    }

    @Test func metricsCountRequestsByRouteAndStatus() async throws {
        try await ServiceFixtures.withClient(try ServiceFixtures.environment()) { client in
            for _ in 0..<3 { try await client.execute(uri: "/health", method: .get) { _ in } }
            try await client.execute(uri: "/no/such/page", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
                let lines = String(buffer: response.body).split(separator: "\n").map(String.init)
                #expect(lines.contains(#"parcours_http_requests_total{method="GET",route="/health",status="200"} 3"#))
                #expect(lines.contains(#"parcours_http_requests_total{method="GET",route="NotFound",status="404"} 1"#))
                #expect(
                    lines.contains(
                        #"parcours_http_request_duration_seconds_count{method="GET",route="/health"} 3"#))
                #expect(
                    lines.contains(
                        #"parcours_http_request_duration_seconds_bucket{method="GET",route="/health",le="+Inf"} 3"#))
                // Every bucket holds at most the requests of the next one (cumulative histogram).
                let buckets = lines.filter {
                    $0.hasPrefix(#"parcours_http_request_duration_seconds_bucket{method="GET",route="/health""#)
                }
                .compactMap { Int($0.split(separator: " ").last!) }
                #expect(buckets.count == 12)
                #expect(zip(buckets, buckets.dropFirst()).allSatisfy { $0 <= $1 })
            }
        }
    }

    @Test func theOpenAPIDocumentListsExactlyTheRegisteredRoutes() async throws {
        let environment = try ServiceFixtures.environment()
        let registered = Set(ServiceApplication.router(environment).routes.map(\.description))
        try await ServiceFixtures.withClient(environment) { client in
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                let document = try #require(
                    try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                #expect(document["openapi"] as? String == "3.1.0")
                let paths = try #require(document["paths"] as? [String: [String: Any]])
                let methods = ["get", "put", "post", "delete", "patch", "head", "options"]
                let documented = Set(
                    paths.flatMap { path, operations in
                        operations.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" }
                    })
                #expect(documented.subtracting(registered).isEmpty, "documented but not served")
                #expect(registered.subtracting(documented).isEmpty, "served but not documented")
                #expect(registered.count >= 4)
            }
        }
    }
}
