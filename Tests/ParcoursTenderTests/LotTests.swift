import ParcoursModel
import ParcoursTender
import Testing

/// The hand-computed case (policy: on-site groups of 2–3, remote 2–4, sessions of 3.5 h, days of 7 h):
///
/// - alpha (1.1, 1.2; 6 h per level), on-site in BE351: a1 (0→3: its two needs merged), a2 (1→2), a3 (2→3),
///   a4 (0→1), all in band 0–2 → ⌈4 ÷ 3⌉ = 2 groups of 2, filled commune by commune (Anhée: a1, a2;
///   Beauraing: a3, a4); each runs 0→3: 18 h → 6 sessions = 21 h, 3 days; one laptop each (a1, a4) →
///   6 device-days. 42 group-hours × 100 € + 6 × 10 € = 4 260 € → 4 300 €; maximum × 1.5 = 6 450 → 6 500 €.
/// - alpha on-site in BE352: a5 (3→4) alone in band 3–5: 6 h → 2 sessions = 7 h, below the minimum of 2;
///   700 € → 700 €, maximum 1 050 → 1 100 €.
/// - alpha remote (whole territory): a6 (1→2, reason distance, can follow remotely): 7 h × 80 € = 560 → 600 €,
///   maximum 900 €.
/// - beta (4.1; 5 h per level, no remote), on-site in BE351: a7 (0→2): 10 h → 3 sessions = 10.5 h →
///   1 050 → 1 100 €, maximum 1 650 → 1 700 €.
/// - a8's need (1.3) falls under no theme.
@Suite struct LotTests {
    @Test func cutsLotsAndGroupsAsComputedByHand() throws {
        let demand = TenderDemand(launchDate: SmallWorld.launch, needs: SmallWorld.belgianNeeds)
        let packages = try SmallWorld.planner().packages(for: demand)
        #expect(packages.count == 1)
        let package = try #require(packages.first)
        #expect(
            package.lots.map(\.titleFR) == [
                "Lot 1 — Alpha — Arrondissement de Dinant — présentiel",
                "Lot 2 — Alpha — Arrondissement de Namur — présentiel",
                "Lot 3 — Alpha — Territoire belge — à distance",
                "Lot 4 — Bêta — Arrondissement de Dinant — présentiel",
            ])
        let first = package.lots[0]
        #expect(first.area.nuts3 == ["BE351"])
        #expect(first.groups.map(\.participants) == [2, 2])
        #expect(first.groups.map(\.site) == ["1", "2"])
        #expect(first.groups.map(\.hours) == [21, 21])
        #expect(first.groups.map(\.sessions) == [6, 6])
        #expect(first.groups.allSatisfy { $0.fromLevel == 0 && $0.toLevel == 3 })
        #expect(first.devices == [.workComputer: 2])
        #expect(first.deviceDays == 6)
        #expect(first.needs == 5)
        #expect(first.communes.map { "\($0.name) \($0.trainees)/\($0.needs)" } == ["Anhée 2/3", "Beauraing 2/2"])
        #expect(first.sites.map { "\($0.name) \($0.groups)×\($0.sessions)" } == ["Anhée 1×6", "Beauraing 1×6"])
        #expect(first.estimate.referenceAmount == EuroAmount(euros: 4_200))
        #expect(first.estimate.equipmentAmount == EuroAmount(euros: 60))
        #expect(first.estimate.estimatedValue == EuroAmount(euros: 4_300))
        #expect(first.estimate.frameworkMaximum == EuroAmount(euros: 6_500))

        let second = package.lots[1]
        #expect(second.groups.map(\.participants) == [1])
        #expect(second.groups[0].belowMinimum)
        #expect(second.groups[0].band.lowest == 3)
        #expect(second.groupHours == 7)
        #expect(second.estimate.estimatedValue == EuroAmount(euros: 700))
        #expect(second.estimate.frameworkMaximum == EuroAmount(euros: 1_100))

        let remote = package.lots[2]
        #expect(remote.format == .remote)
        #expect(remote.area.nuts3 == ["BE351", "BE352"])
        #expect(remote.sites.isEmpty)
        #expect(remote.devices.isEmpty)
        #expect(remote.estimate.referenceAmount == EuroAmount(euros: 560))
        #expect(remote.estimate.frameworkMaximum == EuroAmount(euros: 900))

        let beta = package.lots[3]
        #expect(beta.groupHours == 10.5)
        #expect(beta.estimate.frameworkMaximum == EuroAmount(euros: 1_700))

        #expect(package.estimatedTotal == EuroAmount(euros: 6_700))
        #expect(package.maximumTotal == EuroAmount(euros: 10_200))
        #expect(package.leftOut.withoutTheme == 1)
        #expect(package.agents == 7)
        #expect(
            package.window
                == DayRange(
                    first: CalendarDay(year: 2026, month: 9, day: 1), last: CalendarDay(year: 2027, month: 8, day: 31)))
        // 10 200 € under 30 000 € HTVA: low value; beta's CPV (computer training) keeps the standard regime.
        #expect(package.recommendation.tier.id == "be-faible-montant")
        #expect(package.recommendation.regime == .standard)
        #expect(package.recommendation.eFormsSubtype == "E3")
    }

    @Test func appliesTheCoordinatorsAdditionsAndRemovals() throws {
        let demand = TenderDemand(
            launchDate: SmallWorld.launch, needs: SmallWorld.belgianNeeds,
            additions: [
                ThemeAddition(theme: "beta", commune: "3", agents: 2, fromLevel: 0, toLevel: 1, format: .onSite)
            ],
            removals: [NeedRemoval(agent: "a2"), NeedRemoval(competence: CompetenceCode("1.1"), theme: "alpha")])
        let package = try #require(try SmallWorld.planner().packages(for: demand).first)
        // The six 1.1 needs (a2's only need among them) are removed: alpha keeps a1's 1.2 need alone;
        // beta gains a lot in BE352.
        #expect(package.leftOut.removed == 6)
        #expect(
            package.lots.map(\.titleFR) == [
                "Lot 1 — Alpha — Arrondissement de Dinant — présentiel",
                "Lot 2 — Bêta — Arrondissement de Dinant — présentiel",
                "Lot 3 — Bêta — Arrondissement de Namur — présentiel",
            ])
        #expect(package.lots[0].groups.map(\.participants) == [1])
        #expect(package.lots[0].groups[0].fromLevel == 1)
        let added = package.lots[2]
        #expect(added.groups.map(\.participants) == [2])
        #expect(added.groups[0].hours == 7)
        #expect(added.needs == 0)
        #expect(package.addedTrainees == 2)
    }

    @Test func givesOnePackagePerCountryAndPricesPerTraineeDay() throws {
        let demand = TenderDemand(
            launchDate: SmallWorld.launch,
            needs: SmallWorld.belgianNeeds + [
                SmallWorld.need("f1", "2B033", "1.1", 1, 2, remote: true, reason: "distance")
            ])
        let packages = try SmallWorld.planner().packages(for: demand)
        #expect(packages.map(\.country) == [.belgium, .france])
        let french = try #require(packages.last)
        #expect(french.lots.count == 1)
        // 7 trainee-hours = 1 trainee-day × 90 € → 100 €; maximum 150 → 200 €.
        #expect(french.lots[0].estimate.referenceAmount == EuroAmount(euros: 90))
        #expect(french.lots[0].estimate.estimatedValue == EuroAmount(euros: 100))
        #expect(french.lots[0].estimate.frameworkMaximum == EuroAmount(euros: 200))
        #expect(french.recommendation.tier.id == "fr-sans-publicite-60k")
    }

    @Test func comparesWithTheMedianCatalogueUnitPriceNetOfVAT() throws {
        let oneOne: Set<CompetenceCode> = [CompetenceCode("1.1")]
        let comparables = [
            ComparablePrice(
                courseID: "c1", competences: oneOne, format: .onSite, hours: 7,
                price: Price(amount: 140, vat: .exclusive)),
            ComparablePrice(
                courseID: "c2", competences: [CompetenceCode("1.2")], format: .hybrid, hours: 14,
                price: Price(amount: 1_400, vat: .exempt)),
            ComparablePrice(
                courseID: "c3", competences: oneOne, format: .onSite, hours: 7,
                price: Price(amount: 7_000, vat: .inclusive)),
            ComparablePrice(
                courseID: "c4", competences: oneOne, format: .remote, hours: 7,
                price: Price(amount: 7_000, vat: .exclusive)),
            ComparablePrice(
                courseID: "c5", competences: [CompetenceCode("4.1")], format: .onSite, hours: 7,
                price: Price(amount: 7_000, vat: .exclusive)),
        ]
        let demand = TenderDemand(launchDate: SmallWorld.launch, needs: SmallWorld.belgianNeeds)
        let package = try #require(try SmallWorld.planner(comparables: comparables).packages(for: demand).first)
        let estimate = package.lots[0].estimate
        // c1 20 €/h and c2 100 €/h (hybrid counts as on-site); c3 includes VAT; c4 is remote; c5 another theme.
        #expect(estimate.comparableCount == 2)
        #expect(estimate.excludedForVAT == 1)
        #expect(estimate.catalogueMedianPerTraineeHour == EuroAmount(euros: 60))
        // 84 trainee-hours × 60 € = 5 040 € > 4 200 €: the higher is kept, + 60 € of laptops → 5 100 €.
        #expect(estimate.catalogueAmount == EuroAmount(euros: 5_040))
        #expect(estimate.estimatedValue == EuroAmount(euros: 5_100))
        #expect(estimate.frameworkMaximum == EuroAmount(euros: 7_700))
    }

    @Test func refusesACommuneOutsideEveryTerritory() throws {
        let demand = TenderDemand(launchDate: SmallWorld.launch, needs: [SmallWorld.need("x", "99999", "1.1", 0, 1)])
        #expect(throws: TenderError.unknownCommune("99999")) { try SmallWorld.planner().packages(for: demand) }
    }
}
