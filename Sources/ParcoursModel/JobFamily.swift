/// One of the programme's 10 job families, with its target level and priority per competence.
public struct JobFamily: Hashable, Codable, Sendable {
    /// A stable slug, e.g. `administrative`, `field-technical`.
    public let id: String
    public let nameFR: String
    public let nameEN: String
    /// Target level per competence; a competence absent here has no target for the family.
    public let targets: [CompetenceCode: Int]
    /// Priority weight per competence (1 = ordinary; higher = named as a priority need).
    public let priorities: [CompetenceCode: Double]
    /// The programme's priority needs for the family, in its own (French) words.
    public let needsFR: [String]
    /// Why these targets and priorities: which need maps to which competence, why that level.
    public let reasoning: String

    public init(
        id: String, nameFR: String, nameEN: String, targets: [CompetenceCode: Int],
        priorities: [CompetenceCode: Double], needsFR: [String] = [], reasoning: String = ""
    ) {
        self.id = id
        self.nameFR = nameFR
        self.nameEN = nameEN
        self.targets = targets
        self.priorities = priorities
        self.needsFR = needsFR
        self.reasoning = reasoning
    }

    /// The target level for a competence; 0 when the family has none.
    public func target(for competence: CompetenceCode) -> Int { targets[competence] ?? 0 }

    /// The priority weight of a competence; 1 (ordinary) when the family gives none.
    public func priority(for competence: CompetenceCode) -> Double { priorities[competence] ?? 1 }
}
