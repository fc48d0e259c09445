import ParcoursModel
import ParcoursOutput
import ParcoursSolver

/// An unmet need's reason in one line: the constraint's name, the session, and the facts (an
/// eligibility failure in the engine's words, other reasons by their figures).
struct UnmetReasonText {
    let language: Language

    func line(_ reason: UnmetReason) -> String {
        let names = reason.constraintNames.joined(separator: ", ")
        let session = reason.sessionID.map { " [\($0)]" } ?? ""
        return "\(names)\(session) : \(facts(reason))"
    }

    private func facts(_ reason: UnmetReason) -> String {
        let text = PlanText(language)
        let hours = { (value: Double) in "\(language.decimal(value, fractionDigits: 1)) h" }
        switch reason {
        case .ineligible(_, let failures):
            return failures.map { $0.explanation(in: language) }.joined(separator: " ; ")
        case .unknownAgent:
            return language.pick("agent absent du registre", "agent not in the roster")
        case .communeNotParticipating(let code):
            return language.pick("la commune \(code) ne participe pas", "commune \(code) does not take part")
        case .noSession(let competence):
            return language.pick("aucune session n’enseigne \(competence)", "no session teaches \(competence)")
        case .remoteNotAllowed:
            return language.pick("sessions à distance exclues", "remote sessions excluded")
        case .minimumNotReached(_, let minimum, let eligible):
            return language.pick(
                "\(eligible) agents admissibles pour un minimum de \(minimum)",
                "\(eligible) eligible agents for a minimum of \(minimum)")
        case .sessionNotOpened(_, let fixedCost, let minimum, let eligible):
            return language.pick(
                "non ouverte : coût fixe \(text.euros(fixedCost)) au-delà de la valeur des besoins (\(eligible) agents admissibles, minimum \(minimum))",
                "not opened: fixed cost \(text.euros(fixedCost)) above the value of the needs (\(eligible) eligible agents, minimum \(minimum))"
            )
        case .capacity(_, let maximum, let position):
            return language.pick(
                "complète (\(maximum) places), liste d’attente n° \(position)",
                "full (\(maximum) seats), waitlist position \(position)")
        case .timeClash(let clash):
            let day = DateText(language: language).sessionDay(clash.firstDay)
            return language.pick(
                "en même temps que \(clash.secondSessionID) (\(day))",
                "at the same time as \(clash.secondSessionID) (\(day))")
        case .allowance(_, let sessionHours, let used, let allowance):
            return language.pick(
                "\(hours(sessionHours)) de plus pour \(hours(used)) déjà prévues sur \(hours(allowance)) permises",
                "\(hours(sessionHours)) more on \(hours(used)) already planned out of \(hours(allowance)) allowed")
        case .budget(_, let commune, let budget, let spent, let additional):
            return language.pick(
                "budget de la commune \(commune) : \(text.euros(spent)) dépensés sur \(text.euros(budget)), \(text.euros(additional)) de plus",
                "budget of commune \(commune): \(text.euros(spent)) spent out of \(text.euros(budget)), \(text.euros(additional)) more"
            )
        case .valueBelowCost(_, let value, let cost):
            return language.pick(
                "le besoin vaut \(text.euros(value)), la place et le trajet coûtent \(text.euros(cost))",
                "the need is worth \(text.euros(value)), the seat and trip cost \(text.euros(cost))")
        }
    }
}
