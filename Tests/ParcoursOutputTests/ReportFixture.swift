import Foundation
import ParcoursDiagnose
import ParcoursModel
import ParcoursOutput

/// A small diagnosed territory: commune 92003 with 3 assessed agents (shown), communes 92006 with
/// one and 91030 with two (each hidden under the minimum cell size of 3; together they concern 3
/// agents, so Andenne's figures need no complementary suppression).
enum ReportFixture {
    static let c11 = CompetenceCode("1.1")
    static let c21 = CompetenceCode("2.1")

    static let framework = CompetenceFramework(
        areas: [
            CompetenceArea(
                code: "1", titleFR: "Informations et données", titleEN: "Information and data",
                competences: [
                    Competence(code: c11, titleFR: "Mener une recherche", titleEN: "Search for information")
                ]),
            CompetenceArea(
                code: "2", titleFR: "Communication", titleEN: "Communication",
                competences: [Competence(code: c21, titleFR: "Interagir", titleEN: "Interact")]),
        ],
        levels: (1...8).map { LevelDescription(level: $0, descriptionFR: "", descriptionEN: "") })

    static let families = [
        JobFamily(
            id: "administrative", nameFR: "Gestionnaires administratifs", nameEN: "Administrative managers",
            targets: [c11: 2, c21: 3], priorities: [c11: 1, c21: 3])
    ]

    static let policy = DiagnosisPolicy(
        gapExponent: 1, fragility: FragilityRule(baseCompetences: [c11, c21], belowLevel: 2, minimumCount: 1),
        minimumCellSize: 3)

    static let territory = Territory(
        id: "namur", name: "Province de Namur", country: .belgium, circuityFactor: 1.3,
        communes: [
            Commune(
                code: "92003", name: "Andenne", postalCodes: ["5300"],
                coordinate: Coordinate(latitude: 50.49, longitude: 5.09), population: 27_000, nuts3: "BE352",
                arrondissement: "Namur"),
            Commune(
                code: "92006", name: "Assesse", postalCodes: ["5330"],
                coordinate: Coordinate(latitude: 50.37, longitude: 5.02), population: 7_000, nuts3: "BE352",
                arrondissement: "Namur"),
            Commune(
                code: "91030", name: "Ciney", postalCodes: ["5590"],
                coordinate: Coordinate(latitude: 50.27, longitude: 5.11), population: 16_706, nuts3: "BE351",
                arrondissement: "Dinant"),
        ], statuses: [], nameEN: "Province of Namur")

    static func agent(_ id: String, _ lastName: String, _ commune: String, _ levels: [CompetenceCode: CurrentLevel])
        -> AssessedAgent
    {
        AssessedAgent(
            agent: Agent(
                externalID: id, lastName: lastName, firstName: "Camille", communeCode: commune,
                jobFamilyID: "administrative", statusID: "statutaire", equipment: [.workComputer], workingTime: 1,
                workingDays: [], hasCar: true, maximumTravelKilometres: 30, unavailable: [], languages: ["fr"]),
            levels: levels)
    }

    static let agents = [
        // Andenne: gaps on 2.1 of 2, 0, 1 → 2 of 3 below target, mean gap 1; 1.1: 1 of 3, mean 1/3.
        agent(
            "001", "Dubois", "92003",
            [c11: .init(level: 1, source: .measured), c21: .init(level: 1, source: .measured)]),
        agent(
            "002", "Lambert", "92003",
            [c11: .init(level: 3, source: .measured), c21: .init(level: 3, source: .measured)]),
        agent(
            "003", "Peeters", "92003",
            [c11: .init(level: 2, source: .estimated), c21: .init(level: 2, source: .estimated)]),
        agent(
            "004", "Zeller", "92006",
            [c11: .init(level: 0, source: .measured), c21: .init(level: 0, source: .measured)]),
        // Ciney: both at their targets.
        agent(
            "005", "Renard", "91030",
            [c11: .init(level: 2, source: .measured), c21: .init(level: 3, source: .measured)]),
        agent(
            "006", "Collin", "91030",
            [c11: .init(level: 4, source: .measured), c21: .init(level: 3, source: .measured)]),
    ]

    static func report(_ audience: DiagnosisReport.Audience, language: Language = .french) -> DiagnosisReport {
        DiagnosisReport(
            territories: [
                TerritoryDiagnosis(
                    territory: territory, agents: agents, families: families, framework: framework, policy: policy)
            ], framework: framework, families: families, policy: policy, audience: audience, language: language,
            pseudonymizer: pseudonymizer, generatedAt: Date(timeIntervalSince1970: 1_780_000_000))
    }

    static let pseudonymizer = Pseudonymizer(secret: Array("test secret".utf8), prefix: "P-", length: 10)
}
