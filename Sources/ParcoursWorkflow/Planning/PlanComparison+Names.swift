import ParcoursConfig
import ParcoursModel

extension PlanComparison {
    /// The names people know a comparison's keys by, in `language`: a competence's code with its title
    /// (`2.1 Interagir`), a job family's name, a commune's name (those of `territoryIDs`). What the
    /// service's compare page and `parcours compare` both show.
    public static func names(
        configuration: Configuration, territoryIDs: Set<String>, language: Language
    ) -> [String: String] {
        var names: [String: String] = [:]
        for competence in configuration.framework.areas.flatMap(\.competences) {
            names[competence.code.rawValue] = competence.codeAndTitle(in: language)
        }
        for family in configuration.jobFamilies { names[family.id] = language.pick(family.nameFR, family.nameEN) }
        for territoryID in territoryIDs.sorted() {
            for commune in configuration.territory(id: territoryID)?.communes ?? [] {
                names[commune.code] = commune.name
            }
        }
        return names
    }
}
