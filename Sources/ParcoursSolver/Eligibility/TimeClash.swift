import ParcoursModel

/// Two sessions one agent cannot both attend: a day of one overlaps a day of the other.
public struct TimeClash: Hashable, Codable, Sendable {
    public let firstSessionID: String
    public let firstDay: SessionDay
    public let secondSessionID: String
    public let secondDay: SessionDay

    /// The earliest overlapping pair of days of two sessions, or nil when they never overlap.
    public init?(_ first: TrainingSession, _ second: TrainingSession) {
        let pairs = first.days.flatMap { a in second.days.filter { a.overlaps($0) }.map { (a, $0) } }
        guard let (a, b) = pairs.min(by: { ($0.0.day, $0.0.startMinute) < ($1.0.day, $1.0.startMinute) }) else {
            return nil
        }
        firstSessionID = first.id
        firstDay = a
        secondSessionID = second.id
        secondDay = b
    }
}
