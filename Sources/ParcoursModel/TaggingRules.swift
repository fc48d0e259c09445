/// The transparent rule table that proposes Pix competences for a course that declares none
/// (Config/tagging.yaml, edited by coordinators).
public struct TaggingRules: Hashable, Sendable {
    /// Terms (French or English) that point to a competence.
    public struct TermRule: Hashable, Sendable {
        public let competence: CompetenceCode
        /// Compared loosely (case, accents, apostrophes), on word boundaries.
        public let terms: [String]

        public init(competence: CompetenceCode, terms: [String]) {
            self.competence = competence
            self.terms = terms
        }
    }

    /// A Formacode code that points to competences.
    public struct FormacodeRule: Hashable, Sendable {
        public let code: String
        public let competences: [CompetenceCode]

        public init(code: String, competences: [CompetenceCode]) {
            self.code = code
            self.competences = competences
        }
    }

    /// Terms that set the levels of every proposal for the course (initiation → 0–2…).
    public struct LevelRule: Hashable, Sendable {
        public let terms: [String]
        public let entryLevel: Int
        public let exitLevel: Int

        public init(terms: [String], entryLevel: Int, exitLevel: Int) {
            self.terms = terms
            self.entryLevel = entryLevel
            self.exitLevel = exitLevel
        }
    }

    public let competences: [TermRule]
    public let formacodes: [FormacodeRule]
    public let levels: [LevelRule]
    /// Levels when no level rule matches.
    public let defaultEntryLevel: Int
    public let defaultExitLevel: Int
    /// Confidence brought by a term found in the title, in the other texts, by a Formacode.
    public let titleWeight: Double
    public let textWeight: Double
    public let formacodeWeight: Double
    /// Lowest confidence at which a competence is proposed.
    public let threshold: Double

    public init(
        competences: [TermRule], formacodes: [FormacodeRule], levels: [LevelRule], defaultEntryLevel: Int,
        defaultExitLevel: Int, titleWeight: Double, textWeight: Double, formacodeWeight: Double, threshold: Double
    ) {
        self.competences = competences
        self.formacodes = formacodes
        self.levels = levels
        self.defaultEntryLevel = defaultEntryLevel
        self.defaultExitLevel = defaultExitLevel
        self.titleWeight = titleWeight
        self.textWeight = textWeight
        self.formacodeWeight = formacodeWeight
        self.threshold = threshold
    }
}
