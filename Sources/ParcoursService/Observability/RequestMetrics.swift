import Foundation
import Synchronization

/// Counts of the requests answered, by method, route pattern and status, and their durations, written
/// out in the Prometheus text format (version 0.0.4).
public final class RequestMetrics: Sendable {
    /// Upper bounds, in seconds, of the duration histogram's buckets.
    static let bucketBounds: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private struct Key: Hashable, Comparable {
        let method: String
        let route: String

        static func < (left: Key, right: Key) -> Bool { (left.route, left.method) < (right.route, right.method) }
    }

    private struct Durations {
        var buckets = [Int](repeating: 0, count: RequestMetrics.bucketBounds.count)
        var count = 0
        var sum = 0.0
    }

    private struct State {
        var requests: [Key: [Int: Int]] = [:]
        var durations: [Key: Durations] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    /// Counts one request answered with `status` after `seconds`.
    public func record(method: String, route: String, status: Int, seconds: Double) {
        let key = Key(method: method, route: route)
        state.withLock { state in
            state.requests[key, default: [:]][status, default: 0] += 1
            var durations = state.durations[key] ?? Durations()
            for (index, bound) in Self.bucketBounds.enumerated() where seconds <= bound {
                durations.buckets[index] += 1
            }
            durations.count += 1
            durations.sum += seconds
            state.durations[key] = durations
        }
    }

    /// The metrics in the Prometheus text format, series sorted by route then method.
    public var prometheusText: String {
        let state = state.withLock { $0 }
        var lines = [
            "# HELP parcours_http_requests_total HTTP requests answered, by method, route and status.",
            "# TYPE parcours_http_requests_total counter",
        ]
        for key in state.requests.keys.sorted() {
            for (status, count) in state.requests[key, default: [:]].sorted(by: { $0.key < $1.key }) {
                lines.append("parcours_http_requests_total{\(labels(key)),status=\"\(status)\"} \(count)")
            }
        }
        lines += [
            "# HELP parcours_http_request_duration_seconds Time to answer HTTP requests, by method and route.",
            "# TYPE parcours_http_request_duration_seconds histogram",
        ]
        for key in state.durations.keys.sorted() {
            let durations = state.durations[key]!
            for (index, bound) in Self.bucketBounds.enumerated() {
                lines.append(
                    "parcours_http_request_duration_seconds_bucket{\(labels(key)),le=\"\(bound)\"} \(durations.buckets[index])"
                )
            }
            lines += [
                "parcours_http_request_duration_seconds_bucket{\(labels(key)),le=\"+Inf\"} \(durations.count)",
                "parcours_http_request_duration_seconds_sum{\(labels(key))} \(durations.sum)",
                "parcours_http_request_duration_seconds_count{\(labels(key))} \(durations.count)",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func labels(_ key: Key) -> String {
        "method=\"\(escape(key.method))\",route=\"\(escape(key.route))\""
    }

    /// A label value as the text format wants it: backslash, quote and newline escaped.
    private func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
