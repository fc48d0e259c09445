import ParcoursModel

/// A failed eligibility constraint with the facts that explain it.
public enum EligibilityFailure: Hashable, Codable, Sendable {
    /// The course does not teach the competence (`entryLevel` and `exitLevel` nil), or not from the
    /// agent's current level to a level above it.
    case levelFit(
        competence: CompetenceCode, currentLevel: Int, targetLevel: Int, entryLevel: Int?, exitLevel: Int?)
    /// The venue is further by road than the agent may travel. `roadKilometres` = `straightLineKilometres`
    /// × `circuityFactor`; `limitKilometres` is the agent's limit, or the policy's tighter no-car limit.
    case travel(
        straightLineKilometres: Double, circuityFactor: Double, roadKilometres: Double,
        agentLimitKilometres: Double, noCarLimitKilometres: Double?, limitKilometres: Double)
    /// A remote session, and the agent lacks a device, a connection, or both.
    case remoteAccess(hasDevice: Bool, hasConnection: Bool)
    /// The agent's status is not among the session's eligible ones (sorted).
    case status(statusID: String, eligibleStatuses: [String])
    /// Required equipment neither the agent's nor provided (in declaration order).
    case equipment(missing: [Equipment])
    /// The course's language is none of the agent's.
    case language(courseLanguage: String, agentLanguages: [String])
    /// Session days that are not working days of the agent.
    case schedule(nonWorkingDays: [CalendarDay])
    /// Session days within one of the agent's unavailable periods.
    case unavailability(days: [CalendarDay])
    /// Session days that are public holidays.
    case publicHoliday(holidays: [PublicHoliday])
    /// Registration closed on `closedOn`, before the planning date.
    case registration(closedOn: CalendarDay, planningDate: CalendarDay)

    /// The constraint that failed.
    public var constraint: EligibilityConstraint {
        switch self {
        case .levelFit: .levelFit
        case .travel: .travel
        case .remoteAccess: .remoteAccess
        case .status: .status
        case .equipment: .equipment
        case .language: .language
        case .schedule: .schedule
        case .unavailability: .unavailability
        case .publicHoliday: .publicHoliday
        case .registration: .registration
        }
    }

    /// The failure in one line of plain French or English.
    public func explanation(in language: Language) -> String {
        switch self {
        case .levelFit(let competence, let current, let target, let entry?, let exit?):
            language.pick(
                "le cours enseigne \(competence) du niveau \(entry) au niveau \(exit), l’agent est au niveau "
                    + "\(current) et vise \(target)",
                "the course teaches \(competence) from level \(entry) to level \(exit), the agent is at level "
                    + "\(current) aiming for \(target)")
        case .levelFit(let competence, _, _, _, _):
            language.pick("le cours n’enseigne pas \(competence)", "the course does not teach \(competence)")
        case .travel(let straight, let factor, let road, let agentLimit, let noCarLimit, let limit):
            travelExplanation(
                straight: straight, factor: factor, road: road, agentLimit: agentLimit, noCarLimit: noCarLimit,
                limit: limit, language: language)
        case .remoteAccess(let hasDevice, let hasConnection):
            remoteExplanation(hasDevice: hasDevice, hasConnection: hasConnection, language: language)
        case .status(let statusID, let eligible):
            language.pick(
                "statut \(statusID) non admis (admis : \(eligible.joined(separator: ", ")))",
                "status \(statusID) not eligible (eligible: \(eligible.joined(separator: ", ")))")
        case .equipment(let missing):
            language.pick(
                "équipement requis manquant : \(missing.map(\.rawValue).joined(separator: ", "))",
                "required equipment missing: \(missing.map(\.rawValue).joined(separator: ", "))")
        case .language(let courseLanguage, let agentLanguages):
            language.pick(
                "cours en \(courseLanguage), l’agent parle \(agentLanguages.joined(separator: ", "))",
                "course in \(courseLanguage), the agent speaks \(agentLanguages.joined(separator: ", "))")
        case .schedule(let days):
            language.pick(
                "jours non travaillés par l’agent : \(Self.list(days))",
                "days the agent does not work: \(Self.list(days))")
        case .unavailability(let days):
            language.pick("agent indisponible le \(Self.list(days))", "agent unavailable on \(Self.list(days))")
        case .publicHoliday(let holidays):
            language.pick(
                "jour férié : \(holidays.map { "\($0.day) (\($0.nameFR))" }.joined(separator: ", "))",
                "public holiday: \(holidays.map { "\($0.day) (\($0.nameEN))" }.joined(separator: ", "))")
        case .registration(let closedOn, let planningDate):
            language.pick(
                "inscriptions closes le \(closedOn), avant le \(planningDate)",
                "registration closed on \(closedOn), before \(planningDate)")
        }
    }

    private static func list(_ days: [CalendarDay]) -> String { days.map(\.description).joined(separator: ", ") }

    private func travelExplanation(
        straight: Double, factor: Double, road: Double, agentLimit: Double, noCarLimit: Double?, limit: Double,
        language: Language
    ) -> String {
        let distance = language.pick(
            "\(language.decimal(road, fractionDigits: 1)) km par la route "
                + "(\(language.decimal(straight, fractionDigits: 1)) km à vol d’oiseau × \(language.decimal(factor)))",
            "\(language.decimal(road, fractionDigits: 1)) km by road "
                + "(\(language.decimal(straight, fractionDigits: 1)) km straight line × \(language.decimal(factor)))")
        let limitText = language.decimal(limit, fractionDigits: 1)
        if let noCarLimit, noCarLimit < agentLimit {
            return language.pick(
                "\(distance), au-delà de la limite de \(limitText) km des agents sans voiture",
                "\(distance), beyond the \(limitText) km limit for agents without a car")
        }
        return language.pick(
            "\(distance), au-delà de la limite de \(limitText) km de l’agent",
            "\(distance), beyond the agent’s \(limitText) km limit")
    }

    private func remoteExplanation(hasDevice: Bool, hasConnection: Bool, language: Language) -> String {
        switch (hasDevice, hasConnection) {
        case (false, false):
            language.pick(
                "session à distance : ni ordinateur ou tablette, ni connexion",
                "remote session: neither a computer or tablet nor a connection")
        case (false, true):
            language.pick(
                "session à distance : ni ordinateur ni tablette", "remote session: no computer or tablet")
        default:
            language.pick(
                "session à distance : pas de connexion Internet à domicile ni d’ordinateur au travail",
                "remote session: no home internet and no computer at work")
        }
    }
}
