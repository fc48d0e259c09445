import Foundation
import ParcoursConfig
import ParcoursModel
import ParcoursTender

/// The repository's Config folder, found from this source file.
let repositoryConfig = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appending(path: "Config")

/// The shipped configuration, loaded once.
let shippedConfiguration = Result { try Configuration(directory: repositoryConfig) }

/// A small hand-made world whose lots and estimates are computed by hand in the tests: two themes,
/// small groups, round prices, and the shipped thresholds.
enum SmallWorld {
    static func commune(_ code: String, _ name: String, nuts3: String, arrondissement: String?) -> Commune {
        Commune(
            code: code, name: name, postalCodes: [], coordinate: Coordinate(latitude: 50, longitude: 5),
            population: nil,
            nuts3: nuts3, arrondissement: arrondissement)
    }

    static let belgium = Territory(
        id: "t-be", name: "Territoire belge", country: .belgium, circuityFactor: 1.3,
        communes: [
            commune("1", "Anhée", nuts3: "BE351", arrondissement: "Dinant"),
            commune("2", "Beauraing", nuts3: "BE351", arrondissement: "Dinant"),
            commune("3", "Namur", nuts3: "BE352", arrondissement: "Namur"),
        ], statuses: [], nuts3Regions: ["BE351", "BE352"])

    static let france = Territory(
        id: "t-fr", name: "Territoire français", country: .france, circuityFactor: 1.4,
        communes: [commune("2B033", "Bastia", nuts3: "FRM02", arrondissement: nil)], statuses: [],
        nuts3Regions: ["FRM02"])

    static func buyer(_ territory: Territory, area: LotAreaRule) -> TenderBuyer {
        TenderBuyer(
            territoryID: territory.id, name: "Acheteur \(territory.id)", legalType: "la", identifier: nil, street: "",
            postalCode: "0000", city: "Ville", nuts3: territory.nuts3Regions[0], email: nil, website: nil,
            isCentralPurchasingBody: true, actsFor: nil, communeLegalType: "la", lotArea: area,
            awardCriteria: [
                AwardCriterion(kind: "price", weight: 40, nameFR: "Prix", nameEN: "Price", scoringFR: "prix"),
                AwardCriterion(kind: "quality", weight: 60, nameFR: "Qualité", nameEN: "Quality", scoringFR: "qualité"),
            ], frameworkMonths: 48, frameworkMaximumFactor: 1.5)
    }

    static func price(_ id: String, _ country: Country, _ format: TeachingFormat?, _ unit: PriceUnit, _ euros: Int)
        -> ReferencePrice
    {
        ReferencePrice(
            id: id, country: country, format: format, unit: unit, amount: EuroAmount(euros: euros), vat: .exclusive,
            source: "test", date: CalendarDay(year: 2026, month: 1, day: 1), isChosenDefault: true, noteFR: "")
    }

    static func rules() throws -> ProcurementRules {
        let shipped = try shippedConfiguration.get().procurement
        return ProcurementRules(
            thresholds: shipped.thresholds, lightRegime: shipped.lightRegime,
            buyers: [buyer(belgium, area: .nuts3), buyer(france, area: .territory)],
            referencePrices: [
                price("be-site", .belgium, .onSite, .groupHour, 100),
                price("be-remote", .belgium, .remote, .groupHour, 80),
                price("be-device", .belgium, nil, .deviceDay, 10), price("fr-site", .france, .onSite, .groupHour, 120),
                price("fr-remote", .france, .remote, .traineeDay, 90), price("fr-device", .france, nil, .deviceDay, 15),
            ], vatRules: shipped.vatRules,
            themes: [
                TenderTheme(
                    id: "alpha", titleFR: "Alpha", titleEN: "Alpha",
                    competences: ["1.1", "1.2"].map(CompetenceCode.init),
                    cpv: CPVCode("80500000-9")!, remoteAllowed: true, hoursPerLevel: 6, objectivesFR: "Objectifs alpha."
                ),
                TenderTheme(
                    id: "beta", titleFR: "Bêta", titleEN: "Beta", competences: [CompetenceCode("4.1")],
                    cpv: CPVCode("80533100-0")!, remoteAllowed: false, hoursPerLevel: 5, objectivesFR: "Objectifs bêta."
                ),
            ],
            groups: GroupSizePolicy(
                onSite: 2...3, remote: 2...4,
                levelBands: [
                    LevelBand(lowest: 0, highest: 2, labelFR: "découverte", labelEN: "discovery"),
                    LevelBand(lowest: 3, highest: 5, labelFR: "consolidation", labelEN: "consolidation"),
                    LevelBand(lowest: 6, highest: 8, labelFR: "perfectionnement", labelEN: "advanced"),
                ], sessionHours: 3.5, hoursPerDay: 7, moduleHours: 3.5...21, remoteForReasons: ["distance"],
                leadMonths: 4, spanMonths: 12))
    }

    static func need(
        _ agent: String, _ commune: String, _ competence: String, _ from: Int, _ to: Int, remote: Bool = false,
        lacking: Set<Equipment> = [], reason: String = "no-course"
    ) -> UncoveredNeed {
        UncoveredNeed(
            agent: agent, commune: commune, competence: CompetenceCode(competence), currentLevel: from, targetLevel: to,
            weight: 1, remotePossible: remote, equipmentLacking: lacking, reason: reason)
    }

    /// The Belgian needs of the hand-computed case (see `LotTests`).
    static let belgianNeeds = [
        need("a1", "1", "1.1", 0, 2, lacking: [.workComputer, .homeInternet]),
        need("a1", "1", "1.2", 1, 3, lacking: [.workComputer]),
        need("a2", "1", "1.1", 1, 2),
        need("a3", "2", "1.1", 2, 3),
        need("a4", "2", "1.1", 0, 1, lacking: [.workComputer]),
        need("a5", "3", "1.1", 3, 4),
        need("a6", "3", "1.1", 1, 2, remote: true, reason: "distance"),
        need("a7", "1", "4.1", 0, 2),
        need("a8", "3", "1.3", 0, 2),
    ]

    static let launch = CalendarDay(year: 2026, month: 5, day: 4)

    static func planner(comparables: [ComparablePrice] = []) throws -> TenderPlanner {
        TenderPlanner(rules: try rules(), territories: [belgium, france], comparables: comparables)
    }
}
