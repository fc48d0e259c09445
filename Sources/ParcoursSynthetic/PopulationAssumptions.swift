import ParcoursModel

/// The figures a synthetic population is drawn from. They are assumptions, stated here in one place so
/// that anyone can see (and change) what the generated data reflects.
///
/// - Size: about 1.5 agents per 100 inhabitants, communes and social services (CPAS, CCAS) together,
///   which gives about 7 500 agents for the province of Namur; executive elected officials come on top
///   (mayor, aldermen or deputy mayors, CPAS chair).
/// - Job-family mix: field technical staff are the largest group (roads, parks, waste, buildings), then
///   administrative staff, social services, reception, education/sport/culture; specialists (study,
///   communication, digital referents) are rare and mostly in larger communes. Each commune's mix varies
///   around this by ±25 %.
/// - Levels: each agent has a latent digital ease (normal, standard deviation ``abilitySpread``, plus a
///   commune effect) and each competence a level around the family's target, shifted by
///   ``levelShift`` with per-competence noise ``competenceNoise``; levels are clamped to 0–7 (Pix's
///   production cap). The figures were calibrated so that about two thirds of agents are below target on
///   at least one of their family's priority competences (the Pix / Les Interconnectés / Syntec
///   Numérique survey of 2020: 2/3 of territorial agents lack the digital background their work needs)
///   and about a quarter are "fragile" in the sense of `Config/policy.yaml` (26 % on the whole province of
///   Namur, seed 1; field staff most often).
/// - Equipment: most office staff have a computer at work; field staff mostly do not (some have a
///   tablet, as in Bastia's waste-collection trucks).
struct PopulationAssumptions {
    var agentsPer100Inhabitants = 1.5

    /// Job-family weights of a commune's staff (elected officials apart).
    let familyMix: [(String, Double)] = [
        ("field-technical", 0.34), ("administrative", 0.24), ("medico-social", 0.12), ("reception", 0.08),
        ("education-sport-culture", 0.09), ("managers", 0.06), ("study-development", 0.02),
        ("digital-referents", 0.015), ("communication", 0.015),
    ]
    /// Families rarer in communes of fewer staff than ``smallCommuneStaff`` (weights × 0.3).
    let specialistFamilies: Set<String> = ["study-development", "communication", "digital-referents"]
    let smallCommuneStaff = 60
    let electedFamily = "elected"

    let abilitySpread = 0.7
    let communeEffectSpread = 0.25
    let levelShift = 0.2
    let competenceNoise = 1.0
    let maximumLevel = 7

    /// Status weights per country for staff; the elected get the country's elected status.
    func statusWeights(for country: Country, family: String) -> [(String, Double)] {
        switch country {
        case .belgium:
            let socialOrField = family == "medico-social" || family == "field-technical"
            return [
                ("statutaire", 0.30), ("contractuel", 0.38), ("ape", 0.22), ("stagiaire", 0.03),
                ("article-60", socialOrField ? 0.07 : 0),
            ]
        case .france:
            return [
                ("titulaire", 0.66), ("contractuel", 0.22), ("stagiaire", 0.04), ("contrat-aide", 0.04),
                ("apprenti", family == "field-technical" || family == "digital-referents" ? 0.05 : 0.01),
            ]
        }
    }

    func electedStatus(for country: Country) -> String { country == .belgium ? "mandataire" : "elu" }

    /// Executive elected officials of a commune: mayor, aldermen or deputies, social-services chair.
    func electedCount(population: Int, country: Country) -> Int {
        switch country {
        case .belgium: 2 + min(8, 2 + population / 15_000)
        case .france: 2 + min(14, 3 + population / 4_000)
        }
    }

    /// Probability of each piece of equipment by family.
    func equipmentRates(family: String) -> [Equipment: Double] {
        switch family {
        case "field-technical": [.workComputer: 0.20, .tablet: 0.30, .smartphone: 0.75, .homeInternet: 0.78]
        case "education-sport-culture": [.workComputer: 0.60, .tablet: 0.15, .smartphone: 0.88, .homeInternet: 0.90]
        case "medico-social": [.workComputer: 0.85, .tablet: 0.10, .smartphone: 0.85, .homeInternet: 0.88]
        case "elected": [.workComputer: 0.50, .tablet: 0.60, .smartphone: 0.95, .homeInternet: 0.95]
        default: [.workComputer: 0.97, .tablet: 0.08, .smartphone: 0.88, .homeInternet: 0.92]
        }
    }

    /// Share of part-time staff by country (higher in Belgian local administrations).
    func partTimeRate(country: Country, family: String) -> Double {
        let office = ["administrative", "reception", "medico-social"].contains(family)
        return country == .belgium ? (office ? 0.35 : 0.20) : (office ? 0.20 : 0.10)
    }

    let partTimeFractions: [(Double, Double)] = [(0.5, 0.3), (0.8, 0.5), (0.9, 0.2)]

    func carRate(country: Country) -> Double { country == .belgium ? 0.88 : 0.80 }

    func travelLimits(country: Country, hasCar: Bool) -> [(Double, Double)] {
        switch (country, hasCar) {
        case (.belgium, true): [(15, 0.2), (20, 0.3), (25, 0.2), (30, 0.2), (40, 0.1)]
        case (.belgium, false): [(5, 0.4), (8, 0.3), (10, 0.3)]
        case (.france, true): [(10, 0.3), (15, 0.3), (20, 0.25), (25, 0.15)]
        case (.france, false): [(3, 0.4), (5, 0.4), (8, 0.2)]
        }
    }

    /// Languages beyond French, with their rates.
    func otherLanguages(country: Country) -> [(String, Double)] {
        switch country {
        case .belgium: [("nl", 0.12), ("en", 0.20), ("de", 0.02)]
        case .france: [("co", 0.25), ("it", 0.08), ("en", 0.12)]
        }
    }

    /// Share of agents with a planned leave (1–3 weeks) and with a long absence (3–6 months) in the period.
    let leaveRate = 0.12
    let longAbsenceRate = 0.02

    /// Pix participation: who took the profiles collection, who shared it; who took the assessment.
    let profilesParticipation = 0.82
    let electedProfilesParticipation = 0.5
    let profilesSharing = 0.92
    let assessmentParticipation = 0.15
    let assessmentSharing = 0.85
}
