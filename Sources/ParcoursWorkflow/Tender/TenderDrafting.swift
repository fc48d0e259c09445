import Foundation
import ParcoursConfig
import ParcoursModel
import ParcoursStore
import ParcoursTender
import ParcoursTenderDocuments

/// Tender packages drafted from Config and the comparable catalogue prices of the database: what
/// `parcours tender`, `parcours demo` and the service share, so that they give the same documents.
public struct TenderDrafting: Sendable {
    public let configuration: Configuration
    /// The database's current catalogue courses that have a price and a duration: each lot's estimate
    /// compares its reference amount with their median price per trainee-hour (`LotEstimator`).
    public let comparables: [ComparablePrice]

    /// Drafting with the comparable prices of `store` (none without a store).
    public init(configuration: Configuration, store: (any CatalogueStore)?) async throws {
        self.configuration = configuration
        if let store { comparables = try await Self.comparables(in: store) } else { comparables = [] }
    }

    /// The priced catalogue courses of `store`, as comparable prices.
    public static func comparables(in store: some CatalogueStore) async throws -> [ComparablePrice] {
        try await store.currentCourses().compactMap { course in
            guard let price = course.price, let hours = course.hours, hours > 0 else { return nil }
            return ComparablePrice(
                courseID: course.id, competences: Set(course.competences.map(\.code)), format: course.format,
                hours: hours, price: price)
        }
    }

    /// The packages of `demand`: one per territory, hence per country.
    public func packages(for demand: TenderDemand) throws(TenderError) -> [TenderPackage] {
        try TenderPlanner(
            rules: configuration.procurement, territories: configuration.territories, comparables: comparables
        ).packages(for: demand)
    }

    /// The writer of the packages' files; it validates the eForms notice against the XSDs of Config
    /// when they are there.
    public func writer() -> TenderPackageWriter {
        TenderPackageWriter(
            framework: configuration.framework, rules: configuration.procurement,
            schema: NoticeSchema(configDirectory: configuration.directory))
    }

    /// What the XSD validation of a package's eForms notice found, in a few words.
    public static func noticeValidity(_ problems: [String]?, in language: Language) -> String {
        switch problems {
        case .none:
            language.pick("schéma eForms absent, avis non validé", "eForms schema missing, notice not validated")
        case .some(let problems) where problems.isEmpty:
            language.pick(
                "avis valide (XSD ; Schematron TED non vérifié)", "notice valid (XSD; TED Schematron not checked)")
        case .some:
            language.pick("avis NON VALIDE", "notice INVALID")
        }
    }
}
