import Foundation

/// How long agents' personal data is kept without news of them (`Config/retention.yaml`): after that,
/// the agent is erased and only what aggregates need is kept.
public struct RetentionPolicy: Hashable, Sendable {
    /// Months without a roster import listing the agent or a Pix participation concerning them.
    public let months: Int

    public init(months: Int) {
        self.months = months
    }

    /// The instant before which news of an agent is too old at `now` (calendar months, UTC).
    public func cutoff(at now: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar.date(byAdding: .month, value: -months, to: now)!
    }
}
