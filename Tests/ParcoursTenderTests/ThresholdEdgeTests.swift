import ParcoursModel
import ParcoursTender
import Testing

/// The shipped thresholds at their edges: "under X" is value < X, "from X" is value ≥ X, on the day a
/// threshold changes and the day before.
@Suite struct ThresholdEdgeTests {
    struct Edge: Sendable, CustomTestStringConvertible {
        let country: Country
        let cpv: String
        let day: CalendarDay
        let cents: Int
        let tier: String
        let subtype: String
        var testDescription: String { "\(country.rawValue) \(cpv) \(day) \(EuroAmount(cents: cents)) → \(tier)" }
    }

    static func day(_ month: Int, _ day: Int) -> CalendarDay { CalendarDay(year: 2026, month: month, day: day) }

    static let computer = "80533100-0"  // kept out of the light regime until Annex XIV is checked
    static let training = "80500000-9"  // light regime

    static let edges: [Edge] = [
        // France: 40 000 € until 31 March 2026, 60 000 € from 1 April 2026.
        Edge(
            country: .france, cpv: computer, day: day(3, 31), cents: 3_999_999, tier: "fr-sans-publicite-40k",
            subtype: "E3"),
        Edge(
            country: .france, cpv: computer, day: day(3, 31), cents: 4_000_000, tier: "fr-mapa-publicite-adaptee-40k",
            subtype: "E3"),
        Edge(
            country: .france, cpv: computer, day: day(4, 1), cents: 4_000_000, tier: "fr-sans-publicite-60k",
            subtype: "E3"),
        Edge(
            country: .france, cpv: computer, day: day(4, 1), cents: 5_999_999, tier: "fr-sans-publicite-60k",
            subtype: "E3"),
        Edge(
            country: .france, cpv: computer, day: day(4, 1), cents: 6_000_000, tier: "fr-mapa-publicite-adaptee-60k",
            subtype: "E3"),
        Edge(
            country: .france, cpv: computer, day: day(6, 1), cents: 8_999_999, tier: "fr-mapa-publicite-adaptee-60k",
            subtype: "E3"),
        Edge(country: .france, cpv: computer, day: day(6, 1), cents: 9_000_000, tier: "fr-mapa-boamp", subtype: "E3"),
        Edge(country: .france, cpv: computer, day: day(6, 1), cents: 21_599_999, tier: "fr-mapa-boamp", subtype: "E3"),
        Edge(
            country: .france, cpv: computer, day: day(6, 1), cents: 21_600_000, tier: "fr-appel-offres", subtype: "16"),
        Edge(
            country: .france, cpv: training, day: day(6, 1), cents: 21_600_000, tier: "fr-mapa-boamp-services-sociaux",
            subtype: "E3"),
        Edge(
            country: .france, cpv: training, day: day(6, 1), cents: 74_999_999, tier: "fr-mapa-boamp-services-sociaux",
            subtype: "E3"),
        Edge(
            country: .france, cpv: training, day: day(6, 1), cents: 75_000_000, tier: "fr-mapa-joue-services-sociaux",
            subtype: "20"),
        // Belgium: 30 000 €; 143 000 € until 11 January 2026, 140 000 € from 12 January 2026; 216 000 €; 750 000 €.
        Edge(
            country: .belgium, cpv: computer, day: day(6, 1), cents: 2_999_999, tier: "be-faible-montant", subtype: "E3"
        ),
        Edge(
            country: .belgium, cpv: computer, day: day(6, 1), cents: 3_000_000,
            tier: "be-negociee-sans-publication-140k", subtype: "E3"),
        Edge(
            country: .belgium, cpv: computer, day: day(1, 11), cents: 14_299_999,
            tier: "be-negociee-sans-publication-143k", subtype: "E3"),
        Edge(
            country: .belgium, cpv: computer, day: day(1, 11), cents: 14_300_000,
            tier: "be-negociee-avec-publication-143k", subtype: "E3"),
        Edge(
            country: .belgium, cpv: computer, day: day(1, 12), cents: 13_999_999,
            tier: "be-negociee-sans-publication-140k", subtype: "E3"),
        Edge(
            country: .belgium, cpv: computer, day: day(1, 12), cents: 14_000_000,
            tier: "be-negociee-avec-publication-140k", subtype: "E3"),
        Edge(
            country: .belgium, cpv: computer, day: day(1, 12), cents: 14_299_999,
            tier: "be-negociee-avec-publication-140k", subtype: "E3"),
        Edge(
            country: .belgium, cpv: computer, day: day(6, 1), cents: 21_599_999,
            tier: "be-negociee-avec-publication-140k", subtype: "E3"),
        Edge(country: .belgium, cpv: computer, day: day(6, 1), cents: 21_600_000, tier: "be-ouverte", subtype: "16"),
        Edge(
            country: .belgium, cpv: training, day: day(6, 1), cents: 21_600_000,
            tier: "be-services-sociaux-publication-140k", subtype: "E3"),
        Edge(
            country: .belgium, cpv: training, day: day(6, 1), cents: 74_999_999,
            tier: "be-services-sociaux-publication-140k", subtype: "E3"),
        Edge(
            country: .belgium, cpv: training, day: day(6, 1), cents: 75_000_000, tier: "be-services-sociaux-europe",
            subtype: "20"),
    ]

    @Test(arguments: edges) func appliesTheTierOfTheLaw(_ edge: Edge) throws {
        let advisor = ProcedureAdvisor(rules: try shippedConfiguration.get().procurement)
        let value = EuroAmount(cents: edge.cents)
        let recommendation = try advisor.recommend(
            cpvCodes: [try #require(CPVCode(edge.cpv))], estimatedTotal: value, comparedValue: value,
            country: edge.country, launchDate: edge.day)
        #expect(recommendation.tier.id == edge.tier)
        #expect(recommendation.eFormsSubtype == edge.subtype)
        #expect(!recommendation.tier.source.isEmpty)
    }

    @Test func oneStandardCodeTakesTheWholePackageOutOfTheLightRegime() throws {
        let advisor = ProcedureAdvisor(rules: try shippedConfiguration.get().procurement)
        let (regime, reason, _) = advisor.regime(of: [CPVCode("80500000-9")!, CPVCode("80533100-0")!])
        #expect(regime == .standard)
        #expect(reason.contains("80533100-0"))
        #expect(advisor.regime(of: [CPVCode("80500000-9")!, CPVCode("80511000-9")!]).0 == .light)
    }

    @Test func refusesADayBeforeTheThresholdsOfConfig() throws {
        let advisor = ProcedureAdvisor(rules: try shippedConfiguration.get().procurement)
        let day = CalendarDay(year: 2025, month: 12, day: 31)
        #expect(throws: TenderError.noThresholdInForce(country: .france, day: day)) {
            try advisor.recommend(
                cpvCodes: [CPVCode("80533100-0")!], estimatedTotal: .zero, comparedValue: .zero, country: .france,
                launchDate: day)
        }
    }
}
