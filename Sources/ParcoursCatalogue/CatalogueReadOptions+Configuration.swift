import Foundation
import ParcoursConfig
import ParcoursModel

extension CatalogueReadOptions {
    /// The options the product reads catalogues with: Config's schemas, gazetteer, tagging rules and
    /// competence framework.
    public init(configuration: Configuration, profile: CatalogueProfile = .auto, limits: XMLSafetyLimits = .standard) {
        self.init(
            schemaDirectory: configuration.directory.appending(path: "schemas"), profile: profile, limits: limits,
            communes: configuration.gazetteer, tagger: CompetenceTagger(rules: configuration.tagging),
            knownCompetences: Set(configuration.framework.codes))
    }
}
