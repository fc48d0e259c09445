import Foundation
import ParcoursModel

/// The files of `Config/procurement/`, loaded together into ``ProcurementRules``.
enum ProcurementFiles {
    static func load(from directory: URL, framework: CompetenceFramework, territories: [Territory]) throws
        -> ProcurementRules
    {
        let (tiers, light) = try ThresholdsFile.load(from: directory.appending(path: ThresholdsFile.name))
        let buyers = try BuyersFile.load(from: directory.appending(path: BuyersFile.name), territories: territories)
        let countries = Set(buyers.compactMap { buyer in territories.first { $0.id == buyer.territoryID }?.country })
        let (prices, vat) = try PricesFile.load(from: directory.appending(path: PricesFile.name), countries: countries)
        let (themes, groups) = try ThemesFile.load(
            from: directory.appending(path: ThemesFile.name), framework: framework)
        return ProcurementRules(
            thresholds: tiers, lightRegime: light, buyers: buyers, referencePrices: prices, vatRules: vat,
            themes: themes, groups: groups)
    }
}
