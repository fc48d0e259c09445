import Foundation
import ParcoursConfig
import ParcoursModel
import ParcoursTender
import ParcoursTenderDocuments

/// The repository's Config folder, found from this source file.
let repositoryConfig = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appending(path: "Config")

let shippedConfiguration = Result { try Configuration(directory: repositoryConfig) }

/// Packages drawn on the shipped Config: every commune of every territory has `agentsPerCommune` agents
/// with needs on 3.1 (levels 1 → 3) and 4.1 (0 → 2), a laptop lacking for every third agent.
enum PackageFixtures {
    static let launch = CalendarDay(year: 2026, month: 6, day: 1)

    static func demand(agentsPerCommune: Int) throws -> TenderDemand {
        let configuration = try shippedConfiguration.get()
        var needs: [UncoveredNeed] = []
        for territory in configuration.territories {
            for commune in territory.communes {
                for index in 0..<agentsPerCommune {
                    let key = "k-\(commune.code)-\(index)"
                    let lacking: Set<Equipment> = index % 3 == 0 ? [.workComputer] : []
                    needs.append(
                        UncoveredNeed(
                            agent: key, commune: commune.code, competence: CompetenceCode("3.1"), currentLevel: 1,
                            targetLevel: 3, weight: 2, remotePossible: false, equipmentLacking: lacking,
                            reason: "no-course"))
                    needs.append(
                        UncoveredNeed(
                            agent: key, commune: commune.code, competence: CompetenceCode("4.1"), currentLevel: 0,
                            targetLevel: 2, weight: 3, remotePossible: true, equipmentLacking: lacking,
                            reason: "distance"))
                }
            }
        }
        return TenderDemand(launchDate: launch, needs: needs)
    }

    /// The shipped rules with every training price multiplied (to cross the EU thresholds) and, when
    /// `lightCPV` is given, every theme's CPV code replaced by it.
    static func rules(priceFactor: Double = 1, lightCPV: String? = nil) throws -> ProcurementRules {
        let shipped = try shippedConfiguration.get().procurement
        return ProcurementRules(
            thresholds: shipped.thresholds, lightRegime: shipped.lightRegime, buyers: shipped.buyers,
            referencePrices: shipped.referencePrices.map { price in
                ReferencePrice(
                    id: price.id, country: price.country, format: price.format, unit: price.unit,
                    amount: price.amount.multiplied(by: priceFactor), vat: price.vat, source: price.source,
                    date: price.date,
                    isChosenDefault: price.isChosenDefault, noteFR: price.noteFR)
            }, vatRules: shipped.vatRules,
            themes: shipped.themes.map { theme in
                TenderTheme(
                    id: theme.id, titleFR: theme.titleFR, titleEN: theme.titleEN, competences: theme.competences,
                    cpv: lightCPV.flatMap(CPVCode.init) ?? theme.cpv, remoteAllowed: theme.remoteAllowed,
                    hoursPerLevel: theme.hoursPerLevel, objectivesFR: theme.objectivesFR)
            }, groups: shipped.groups)
    }

    static func packages(agentsPerCommune: Int = 3, rules: ProcurementRules? = nil) throws -> [TenderPackage] {
        let configuration = try shippedConfiguration.get()
        return try TenderPlanner(rules: rules ?? configuration.procurement, territories: configuration.territories)
            .packages(for: demand(agentsPerCommune: agentsPerCommune))
    }

    static func writer(rules: ProcurementRules? = nil) throws -> TenderPackageWriter {
        let configuration = try shippedConfiguration.get()
        return TenderPackageWriter(
            framework: configuration.framework, rules: rules ?? configuration.procurement,
            schema: NoticeSchema(configDirectory: repositoryConfig))
    }

    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appending(path: "parcours-tender-\(UUID().uuidString)")
    }
}
