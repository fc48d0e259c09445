import ParcoursModel

/// What-if changes to the policy of `Config/planning.yaml`, from the command line; nil leaves a value
/// as the file sets it.
public struct PlanningOverrides: Hashable, Codable, Sendable {
    /// Cap on every agent's travel limit, in road km.
    public var maximumTravelKilometres: Double?
    public var minimumGroupSize: Int?
    public var remoteAllowed: Bool?
    /// The communes taking part (NIS or INSEE codes of the territory).
    public var participatingCommunes: Set<String>?
    /// The budget of every commune, replacing the file's default and per-commune amounts.
    public var budgetPerCommune: Double?
    public var timeLimitSeconds: Double?
    /// Stop once the plan is proven within this fraction of the best possible (0.005 = 0.5 %; 0 searches
    /// until the time limit, a stall or a proven optimum).
    public var gapTarget: Double?
    public var seed: UInt64?

    public init(
        maximumTravelKilometres: Double? = nil, minimumGroupSize: Int? = nil, remoteAllowed: Bool? = nil,
        participatingCommunes: Set<String>? = nil, budgetPerCommune: Double? = nil, timeLimitSeconds: Double? = nil,
        gapTarget: Double? = nil, seed: UInt64? = nil
    ) {
        self.maximumTravelKilometres = maximumTravelKilometres
        self.minimumGroupSize = minimumGroupSize
        self.remoteAllowed = remoteAllowed
        self.participatingCommunes = participatingCommunes
        self.budgetPerCommune = budgetPerCommune
        self.timeLimitSeconds = timeLimitSeconds
        self.gapTarget = gapTarget
        self.seed = seed
    }

    /// The changes, as a plan's label: e.g. `minimum-group-size=8, no-remote` (the time limit and the gap
    /// target are left out: they change how long the planner searches, not the plan asked for).
    public var summary: String {
        var parts: [String] = []
        if let maximumTravelKilometres { parts.append("maximum-travel-km=\(maximumTravelKilometres)") }
        if let minimumGroupSize { parts.append("minimum-group-size=\(minimumGroupSize)") }
        if let remoteAllowed { parts.append(remoteAllowed ? "remote" : "no-remote") }
        if let participatingCommunes {
            parts.append("communes=\(participatingCommunes.sorted().joined(separator: ","))")
        }
        if let budgetPerCommune { parts.append("budget=\(budgetPerCommune)") }
        if let seed { parts.append("seed=\(seed)") }
        return parts.joined(separator: ", ")
    }

    /// `policy` with these changes, for a plan of `territory`; throws when a value is out of range or
    /// names a commune outside the territory.
    public func applied(to policy: PlanningPolicy, territory: Territory) throws(PlanningInputError) -> PlanningPolicy {
        var policy = policy
        if let maximumTravelKilometres {
            guard maximumTravelKilometres >= 0, maximumTravelKilometres.isFinite else {
                throw .outOfRange(option: "maximum-travel-km", value: "\(maximumTravelKilometres)")
            }
            policy.maximumTravelKilometres = maximumTravelKilometres
        }
        if let minimumGroupSize {
            guard minimumGroupSize >= 1 else {
                throw .outOfRange(option: "minimum-group-size", value: "\(minimumGroupSize)")
            }
            policy.minimumGroupSize = minimumGroupSize
        }
        if let remoteAllowed { policy.remoteAllowed = remoteAllowed }
        if let participatingCommunes {
            let unknown = participatingCommunes.filter { territory.commune(code: $0) == nil }.sorted()
            guard unknown.isEmpty else { throw .communesOutsideTerritory(unknown, territory: territory.id) }
            policy.participatingCommunes = participatingCommunes
        }
        if let budgetPerCommune {
            guard budgetPerCommune >= 0, budgetPerCommune.isFinite else {
                throw .outOfRange(option: "budget", value: "\(budgetPerCommune)")
            }
            policy.budgets = CommuneBudgets(defaultAmount: budgetPerCommune)
        }
        if let timeLimitSeconds {
            guard timeLimitSeconds > 0, timeLimitSeconds.isFinite else {
                throw .outOfRange(option: "time-limit", value: "\(timeLimitSeconds)")
            }
            policy.timeLimitSeconds = timeLimitSeconds
        }
        if let gapTarget {
            guard (0..<1).contains(gapTarget) else { throw .outOfRange(option: "gap-target", value: "\(gapTarget)") }
            policy.gapTarget = gapTarget
        }
        if let seed { policy.seed = seed }
        return policy
    }
}

/// A problem with what a plan is asked to be made from.
public enum PlanningInputError: Error, Hashable, Sendable {
    /// A what-if value outside its range (a negative distance or budget, a group of 0…).
    case outOfRange(option: String, value: String)
    /// Communes named for the plan that are not communes of its territory.
    case communesOutsideTerritory([String], territory: String)

    /// The problem in one line of plain French or English.
    public func message(in language: Language) -> String {
        switch self {
        case .outOfRange(let option, let value):
            language.pick("--\(option) : valeur hors limites (\(value))", "--\(option): value out of range (\(value))")
        case .communesOutsideTerritory(let codes, let territory):
            language.pick(
                "communes hors du territoire \(territory) : \(codes.joined(separator: ", "))",
                "communes outside territory \(territory): \(codes.joined(separator: ", "))")
        }
    }
}
