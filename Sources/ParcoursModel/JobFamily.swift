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

    public init(
        id: String, nameFR: String, nameEN: String, targets: [CompetenceCode: Int],
        priorities: [CompetenceCode: Double]
    ) {
        self.id = id
        self.nameFR = nameFR
        self.nameEN = nameEN
        self.targets = targets
        self.priorities = priorities
    }
}
