/// The columns of an agent roster, found by header in French or English (case, accents and
/// apostrophes do not matter); their order is free. See `Config/templates/README.md`.
enum RosterColumn: CaseIterable {
    case externalID, lastName, firstName, commune, jobFamily, status
    case workComputer, tablet, smartphone, homeInternet
    case workingTime, workingDays, car, maximumDistance, unavailable, languages

    /// The headers accepted for the column; the first is the French one the template uses, the
    /// second the English one.
    var headers: [String] {
        switch self {
        case .externalID: ["Matricule", "External ID", "Identifiant", "ID"]
        case .lastName: ["Nom", "Last name", "Surname"]
        case .firstName: ["Prénom", "First name", "Given name"]
        case .commune: ["Commune", "Municipality", "Code commune"]
        case .jobFamily: ["Famille de métiers", "Job family"]
        case .status: ["Statut", "Status", "Employment status"]
        case .workComputer: ["Ordinateur au travail", "Computer at work"]
        case .tablet: ["Tablette", "Tablet"]
        case .smartphone: ["Smartphone"]
        case .homeInternet: ["Internet à domicile", "Internet at home"]
        case .workingTime: ["Temps de travail", "Working time"]
        case .workingDays: ["Jours travaillés", "Working days"]
        case .car: ["Voiture", "Own car", "Car"]
        case .maximumDistance: ["Distance maximale (km)", "Maximum distance (km)"]
        case .unavailable: ["Indisponibilités", "Unavailable periods", "Unavailability"]
        case .languages: ["Langues", "Languages"]
        }
    }

    /// Columns a roster may leave out: names (then agents link to Pix rows by id only),
    /// unavailable periods (none) and languages (French).
    var isOptional: Bool { [.lastName, .firstName, .unavailable, .languages].contains(self) }
}
