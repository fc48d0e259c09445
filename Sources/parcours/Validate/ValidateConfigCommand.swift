import ArgumentParser
import ParcoursConfig
import ParcoursModel

/// `parcours validate config`: checks every file of the Config folder.
struct ValidateConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Check the Config folder and report its problems.")

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let configuration = try options.loadConfiguration()
        let language = options.language
        let communes = configuration.territories.map(\.communes.count).reduce(0, +)
        let places = configuration.gazetteer.communes.values.map(\.count).reduce(0, +)
        print(
            language.pick(
                "Configuration valide : \(configuration.directory.path)",
                "Configuration is valid: \(configuration.directory.path)"))
        print(
            language.pick(
                "  \(configuration.framework.competences.count) compétences, \(configuration.jobFamilies.count) familles de métiers",
                "  \(configuration.framework.competences.count) competences, \(configuration.jobFamilies.count) job families"
            ))
        print(
            language.pick(
                "  \(configuration.territories.count) territoires (\(communes) communes), \(places) communes au répertoire",
                "  \(configuration.territories.count) territories (\(communes) communes), \(places) communes in the gazetteer"
            ))
        let holidays = configuration.publicHolidays.values.map(\.count).reduce(0, +)
        let toVerify = configuration.schoolCalendars.flatMap(\.schoolYears).flatMap(\.periods).filter(\.toVerify).count
        print(
            language.pick(
                "  \(holidays) jours fériés, \(configuration.schoolCalendars.count) calendriers scolaires (\(toVerify) périodes à vérifier)",
                "  \(holidays) public holidays, \(configuration.schoolCalendars.count) school calendars (\(toVerify) periods to verify)"
            ))
        let procurement = configuration.procurement
        let tiersToVerify = procurement.thresholds.filter { $0.toVerify != nil }.count
        let defaults = procurement.referencePrices.filter(\.isChosenDefault).count
        print(
            language.pick(
                "  marchés : \(procurement.thresholds.count) paliers de seuils (\(tiersToVerify) à vérifier), \(procurement.buyers.count) acheteurs, \(procurement.themes.count) thèmes, \(procurement.referencePrices.count) prix de référence (\(defaults) valeurs par défaut)",
                "  procurement: \(procurement.thresholds.count) threshold tiers (\(tiersToVerify) to verify), \(procurement.buyers.count) buyers, \(procurement.themes.count) themes, \(procurement.referencePrices.count) reference prices (\(defaults) chosen defaults)"
            ))
        let planning = configuration.planning
        let travel = Country.allCases.map { country in
            let cost = planning.rules(of: country).travelCostPerKilometre
            let check = cost.toVerify ? language.pick(", à vérifier", ", to verify") : ""
            return "\(language.decimal(cost.amount, fractionDigits: 4)) €/km (\(country.rawValue)\(check))"
        }
        print(
            language.pick(
                "  planification : \(language.decimal(planning.valuePerWeight)) € par unité de poids de besoin, trajets \(travel.joined(separator: ", "))",
                "  planning: \(language.decimal(planning.valuePerWeight)) € per unit of need weight, travel \(travel.joined(separator: ", "))"
            ))
    }
}
