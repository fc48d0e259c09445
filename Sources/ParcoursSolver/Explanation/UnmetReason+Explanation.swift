import ParcoursModel

extension UnmetReason {
    /// The reason in plain French or English, without the session's name (the caller puts it in front);
    /// `communeName` names a commune from its code.
    public func explanation(in language: Language, communeName: (String) -> String) -> String {
        switch self {
        case .unknownAgent:
            return language.pick("agent absent des listes du personnel", "agent not in the staff rosters")
        case .communeNotParticipating(let code):
            return language.pick(
                "la commune \(communeName(code)) ne participe pas au plan",
                "the commune \(communeName(code)) does not take part in the plan")
        case .noSession(let competence):
            return language.pick(
                "aucune session des catalogues n’enseigne \(competence)",
                "no session of the catalogues teaches \(competence)")
        case .ineligible(_, let failures):
            return failures.map { $0.explanation(in: language) }.joined(separator: " ; ")
        case .remoteNotAllowed:
            return language.pick(
                "session à distance, et le plan n’en autorise pas", "remote session, and the plan allows none")
        case .minimumNotReached(_, let minimum, let eligible):
            return language.pick(
                "il faut \(minimum) participants pour l’ouvrir, seuls \(eligible) agents y sont admissibles",
                "needs \(minimum) participants to open, only \(eligible) agents are eligible")
        case .sessionNotOpened(_, let fixedCost, let minimum, let eligible):
            return language.pick(
                "non ouverte : \(eligible) agents admissibles pour un minimum de \(minimum), mais leurs besoins "
                    + "ne justifient pas son coût fixe de \(Self.euros(fixedCost, language))",
                "not opened: \(eligible) eligible agents for a minimum of \(minimum), but their needs do not "
                    + "justify its fixed cost of \(Self.euros(fixedCost, language))")
        case .capacity(_, let maximum, let position):
            let place =
                position > 0
                ? language.pick(
                    " ; \(position)\(position == 1 ? "er" : "e") sur la liste d’attente",
                    "; number \(position) on the waitlist")
                : ""
            return language.pick("complète (\(maximum) places)", "full (\(maximum) seats)") + place
        case .timeClash(let clash):
            return clash.explanation(in: language)
        case .allowance(_, let hours, let used, let allowance):
            return language.pick(
                "la session dure \(language.decimal(hours, fractionDigits: 1)) h ; l’agent a déjà "
                    + "\(language.decimal(used, fractionDigits: 1)) h de formation sur "
                    + "\(language.decimal(allowance, fractionDigits: 1)) h autorisées",
                "the session lasts \(language.decimal(hours, fractionDigits: 1)) h; the agent already has "
                    + "\(language.decimal(used, fractionDigits: 1)) h of training out of "
                    + "\(language.decimal(allowance, fractionDigits: 1)) h allowed")
        case .budget(_, let commune, let budget, let spent, let additional):
            return language.pick(
                "budget de \(communeName(commune)) épuisé : \(Self.euros(spent, language)) engagés sur "
                    + "\(Self.euros(budget, language)), il faudrait \(Self.euros(additional, language)) de plus",
                "budget of \(communeName(commune)) exhausted: \(Self.euros(spent, language)) committed out of "
                    + "\(Self.euros(budget, language)), \(Self.euros(additional, language)) more would be needed")
        case .valueBelowCost(_, let value, let cost):
            return language.pick(
                "le besoin vaut \(Self.euros(value, language)), la place et le trajet coûteraient "
                    + "\(Self.euros(cost, language))",
                "the need is worth \(Self.euros(value, language)), the seat and trip would cost "
                    + "\(Self.euros(cost, language))")
        }
    }

    /// Whether the agent could attend the session (the reason is about the plan, not eligibility).
    var isAboutThePlan: Bool {
        switch self {
        case .minimumNotReached, .sessionNotOpened, .capacity, .timeClash, .allowance, .budget, .valueBelowCost:
            true
        case .unknownAgent, .communeNotParticipating, .noSession, .ineligible, .remoteNotAllowed: false
        }
    }

    /// How close the reason is to being lifted: the headline of an unmet need is its closest reason.
    var closeness: Int {
        switch self {
        case .capacity: 0
        case .valueBelowCost: 1
        case .budget: 2
        case .allowance: 3
        case .timeClash: 4
        case .minimumNotReached: 5
        case .sessionNotOpened: 6
        case .remoteNotAllowed: 7
        case .ineligible: 8
        case .noSession, .communeNotParticipating, .unknownAgent: 9
        }
    }

    static func euros(_ amount: Double, _ language: Language) -> String {
        language.decimal(amount, fractionDigits: amount.rounded() == amount ? 0 : 2) + " €"
    }
}
