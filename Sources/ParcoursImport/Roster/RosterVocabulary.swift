import ParcoursConfig
import ParcoursModel

/// What a roster's values are checked against: the communes (by code or name) with the
/// employment statuses of their territory, and the job families (by id or name).
///
/// Names are compared loosely (case, accents, apostrophes); a name that fits several communes is
/// refused as ambiguous rather than guessed.
public struct RosterVocabulary: Sendable {
    /// A commune a roster may name, with the statuses its territory knows.
    public struct Place: Hashable, Sendable {
        public let code: String
        public let name: String
        public let territoryName: String
        public let statuses: [EmploymentStatus]
    }

    public let places: [Place]
    public let jobFamilies: [JobFamily]

    public init(territories: [Territory], jobFamilies: [JobFamily]) {
        places = territories.flatMap { territory in
            territory.communes.map {
                Place(code: $0.code, name: $0.name, territoryName: territory.name, statuses: territory.statuses)
            }
        }
        self.jobFamilies = jobFamilies
    }

    /// The vocabulary of a loaded Config folder: its territories and job families.
    public init(configuration: Configuration) {
        self.init(territories: configuration.territories, jobFamilies: configuration.jobFamilies)
    }

    /// The communes a roster cell names: by code (NIS, INSEE) first, else by name, loosely.
    func places(matching text: String) -> [Place] {
        let trimmed = text.trimmingSpaces
        if let byCode = places.first(where: { $0.code.caseInsensitiveCompare(trimmed) == .orderedSame }) {
            return [byCode]
        }
        let key = TitleKey.make(trimmed)
        return places.filter { TitleKey.make($0.name) == key }
    }

    /// The job family a cell names: by id or French or English name, loosely.
    func jobFamily(matching text: String) -> JobFamily? {
        let key = TitleKey.make(text)
        return jobFamilies.first { [$0.id, $0.nameFR, $0.nameEN].contains { TitleKey.make($0) == key } }
    }

    /// The status a cell names among those of `place`'s territory: by id or label, loosely.
    func status(matching text: String, at place: Place) -> EmploymentStatus? {
        let key = TitleKey.make(text)
        return place.statuses.first { [$0.id, $0.labelFR, $0.labelEN].contains { TitleKey.make($0) == key } }
    }
}

extension String {
    /// The text without leading and trailing white space.
    var trimmingSpaces: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
