import ParcoursModel

/// Why a catalogue session cannot be planned. Parcours never completes what a catalogue leaves out
/// (dates, capacity, cost): such a session is listed with its reasons instead.
public enum SessionExclusion: Hashable, Sendable {
    /// The start or end date is unknown (`00000000`, `99999999`, or not given).
    case unknownDates
    /// A date is given to the month only (`AAAAMM00`): the days are not known. ISO text of each end.
    case monthOnly(start: String?, end: String?)
    case endsBeforeStart(start: CalendarDay, end: CalendarDay)
    /// The period holds more working days than the course's hours fill at the session's daily hours:
    /// the catalogue does not say which of them the session runs on.
    case daysNotGiven(workingDays: Int, courseHours: Double, dailyHours: Double)
    /// The session starts before the day the plan is made.
    case startsBeforePlanningDate(start: CalendarDay, planningDate: CalendarDay)
    /// An on-site session whose venue has no coordinate (e.g. a postal code shared by several communes).
    case venueWithoutCoordinate(address: String?)
    /// The catalogue gives no maximum number of seats.
    case capacityUnknown
    case minimumAboveMaximum(minimum: Int, maximum: Int)
    /// Neither a course price nor a session cost.
    case costUnknown
    /// The course teaches no Pix competence, declared or inferred.
    case noCompetence

    /// A stable name, for machine-readable outputs and tests.
    public var code: String {
        switch self {
        case .unknownDates: "unknown-dates"
        case .monthOnly: "month-only"
        case .endsBeforeStart: "ends-before-start"
        case .daysNotGiven: "days-not-given"
        case .startsBeforePlanningDate: "starts-before-planning-date"
        case .venueWithoutCoordinate: "venue-without-coordinate"
        case .capacityUnknown: "capacity-unknown"
        case .minimumAboveMaximum: "minimum-above-maximum"
        case .costUnknown: "cost-unknown"
        case .noCompetence: "no-competence"
        }
    }

    /// The reason in one line of plain French or English.
    public func explanation(in language: Language) -> String {
        switch self {
        case .unknownDates:
            language.pick("dates inconnues dans le catalogue", "dates unknown in the catalogue")
        case .monthOnly(let start, let end):
            language.pick(
                "dates connues au mois seulement (\(start ?? "?") – \(end ?? "?")) : jours non précisés",
                "dates known to the month only (\(start ?? "?") – \(end ?? "?")): days not given")
        case .endsBeforeStart(let start, let end):
            language.pick(
                "finit le \(end), avant de commencer le \(start)", "ends on \(end), before it starts on \(start)")
        case .daysNotGiven(let days, let hours, let daily):
            language.pick(
                "\(days) jours ouvrables dans la période pour \(language.decimal(hours)) h de formation à "
                    + "\(language.decimal(daily)) h par jour : jours de session non précisés",
                "\(days) working days in the period for \(language.decimal(hours)) h of training at "
                    + "\(language.decimal(daily)) h a day: session days not given")
        case .startsBeforePlanningDate(let start, let planningDate):
            language.pick(
                "commence le \(start), avant la date du plan (\(planningDate))",
                "starts on \(start), before the planning date (\(planningDate))")
        case .venueWithoutCoordinate(let address):
            language.pick(
                "lieu sans coordonnées\(address.map { " (\($0))" } ?? "")",
                "venue without coordinates\(address.map { " (\($0))" } ?? "")")
        case .capacityUnknown:
            language.pick("nombre maximal de places non indiqué", "maximum number of seats not given")
        case .minimumAboveMaximum(let minimum, let maximum):
            language.pick(
                "minimum de \(minimum) participants au-dessus du maximum de \(maximum) places",
                "minimum of \(minimum) participants above the maximum of \(maximum) seats")
        case .costUnknown:
            language.pick("ni prix ni coût de session indiqué", "neither a price nor a session cost given")
        case .noCompetence:
            language.pick(
                "la formation n’enseigne aucune compétence Pix reconnue",
                "the course teaches no recognised Pix competence")
        }
    }
}

/// Something a plannable session's figures rest on that the catalogue did not say outright.
public enum SessionNote: Hashable, Sendable {
    /// No daily hours in the catalogue: the default schedule of `Config/planning.yaml` is used.
    case defaultSchedule
    /// The price was VAT-inclusive: counted net at the provider country's standard rate.
    case vatRemoved(rate: Double)
    /// The price was VAT-inclusive but the provider's country, hence the rate, is unknown: kept as given.
    case vatRateUnknown
    /// The catalogue does not say whether the price includes VAT: kept as given.
    case vatStatusUnknown

    /// A stable name, for machine-readable outputs and tests.
    public var code: String {
        switch self {
        case .defaultSchedule: "default-schedule"
        case .vatRemoved: "vat-removed"
        case .vatRateUnknown: "vat-rate-unknown"
        case .vatStatusUnknown: "vat-status-unknown"
        }
    }

    /// The note in one line of plain French or English.
    public func explanation(in language: Language) -> String {
        switch self {
        case .defaultSchedule:
            language.pick(
                "horaires non indiqués : horaire par défaut de Config/planning.yaml",
                "hours of the day not given: default schedule of Config/planning.yaml")
        case .vatRemoved(let rate):
            language.pick(
                "prix TTC ramené hors TVA au taux de \(language.decimal(rate * 100)) %",
                "VAT-inclusive price counted net at \(language.decimal(rate * 100)) %")
        case .vatRateUnknown:
            language.pick(
                "prix TTC, pays de l’organisme inconnu : montant gardé tel quel",
                "VAT-inclusive price, provider's country unknown: amount kept as given")
        case .vatStatusUnknown:
            language.pick(
                "le catalogue ne dit pas si le prix comprend la TVA : montant gardé tel quel",
                "the catalogue does not say whether the price includes VAT: amount kept as given")
        }
    }
}
