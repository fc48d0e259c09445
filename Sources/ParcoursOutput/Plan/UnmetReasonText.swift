import ParcoursModel
import ParcoursSolver

/// Unmet needs in plain words: the label of each constraint name, a reason's facts in one line, and
/// the reason a need is listed under — the one closest to being met, so that a coordinator sees what
/// would cover it (a seat more, a budget) before what never could (no course, distance).
struct UnmetReasonText {
    let context: PlanContext

    /// Labels of the stable constraint names (``EligibilityConstraint`` and ``PlanConstraint`` raw values).
    func label(_ name: String) -> String {
        let t = context.t
        return switch name {
        case "unknown-agent": t("agent absent du registre", "agent not on the roster")
        case "commune-not-participating": t("commune hors du plan", "commune not in the plan")
        case "no-session": t("aucune session n’enseigne la compétence", "no session teaches the competence")
        case "remote-not-allowed": t("sessions à distance exclues", "remote sessions excluded")
        case "minimum-not-reached": t("minimum de participants non atteint", "minimum group size not reached")
        case "session-not-opened": t("session trop chère pour le groupe", "session too costly for the group")
        case "capacity": t("session complète", "session full")
        case "time-clash": t("conflit d’horaire", "time clash")
        case "allowance": t("heures de formation épuisées", "training hours used up")
        case "budget": t("budget de la commune atteint", "commune budget reached")
        case "value-below-cost": t("coût supérieur au bénéfice", "cost above benefit")
        case "level-fit": t("niveau du cours inadapté", "course level does not fit")
        case "travel": t("trop loin", "too far")
        case "remote-access": t("pas d’équipement pour le distanciel", "no equipment for remote training")
        case "status": t("statut non admis", "status not eligible")
        case "equipment": t("équipement manquant", "equipment missing")
        case "language": t("langue du cours", "course language")
        case "schedule": t("jour non travaillé", "non-working day")
        case "unavailability": t("agent indisponible", "agent unavailable")
        case "public-holiday": t("jour férié", "public holiday")
        case "registration": t("inscriptions closes", "registration closed")
        default: name
        }
    }

    /// The reason a need is listed under (see the type's comment); nil when the plan gives none.
    func headline(_ need: UnmetNeed) -> UnmetReason? {
        need.reasons.min { rank($0) < rank($1) }
    }

    /// Smaller is closer to being met; ineligibility ranks by its number of failed constraints.
    private func rank(_ reason: UnmetReason) -> Int {
        switch reason {
        case .capacity: 0
        case .budget: 1
        case .valueBelowCost: 2
        case .sessionNotOpened: 3
        case .minimumNotReached: 4
        case .timeClash: 5
        case .allowance: 6
        case .remoteNotAllowed: 7
        case .ineligible(_, let failures): 10 + failures.count
        case .noSession: 100
        case .communeNotParticipating: 101
        case .unknownAgent: 102
        }
    }

    /// A session's name and a colon, before what happened there.
    private func at(_ id: String) -> String { context.sessionLabel(id) + context.t(" : ", ": ") }

    /// The reason's facts in one line, sessions named by course, dates and place.
    func explanation(_ reason: UnmetReason) -> String {
        let t = context.t
        let l = context.language
        func money(_ value: Double) -> String { NumberText(language: l).money(value) }
        switch reason {
        case .unknownAgent:
            return t("l’agent n’est pas au registre du personnel", "the agent is not on the staff roster")
        case .communeNotParticipating(let code):
            return t(
                "\(context.communeName(code)) ne participe pas au plan",
                "\(context.communeName(code)) is not in the plan")
        case .noSession(let competence):
            return t(
                "aucune session des catalogues n’enseigne « \(context.competenceTitle(competence)) »",
                "no catalogue session teaches “\(context.competenceTitle(competence))”")
        case .ineligible(let id, let failures):
            return at(id) + failures.map { $0.explanation(in: l) }.joined(separator: " ; ")
        case .remoteNotAllowed(let id):
            return at(id) + t("à distance, exclu par la politique", "remote, excluded by the policy")
        case .minimumNotReached(let id, let minimum, let eligible):
            return at(id)
                + t(
                    "\(eligible) agent(s) pouvaient y aller, il en faut \(minimum)",
                    "\(eligible) agent(s) could attend, it needs \(minimum)")
        case .sessionNotOpened(let id, let fixedCost, _, let eligible):
            return at(id)
                + t(
                    "non ouverte, \(money(fixedCost)) de coût fixe pour \(eligible) agent(s) possibles",
                    "not opened, \(money(fixedCost)) fixed cost for \(eligible) possible agent(s)")
        case .capacity(let id, let maximum, let position):
            return at(id)
                + t(
                    "complète (\(maximum) places), liste d’attente n° \(position)",
                    "full (\(maximum) seats), waiting list no. \(position)")
        case .timeClash(let clash):
            return t(
                "\(context.sessionLabel(clash.firstSessionID)) : même horaire que \(context.sessionLabel(clash.secondSessionID))",
                "\(context.sessionLabel(clash.firstSessionID)): same time as \(context.sessionLabel(clash.secondSessionID))"
            )
        case .allowance(let id, let hours, let used, let allowance):
            let n = NumberText(language: l)
            return at(id)
                + t(
                    "\(n.decimal(hours, fractionDigits: 1)) h, or \(n.decimal(used, fractionDigits: 1)) h sur \(n.decimal(allowance, fractionDigits: 1)) h déjà prises",
                    "\(n.decimal(hours, fractionDigits: 1)) h, but \(n.decimal(used, fractionDigits: 1)) h of \(n.decimal(allowance, fractionDigits: 1)) h already used"
                )
        case .budget(let id, let code, let budget, let spent, let additional):
            return at(id)
                + t(
                    "\(context.communeName(code)) a dépensé \(money(spent)) sur \(money(budget)), il faudrait \(money(additional)) de plus",
                    "\(context.communeName(code)) spent \(money(spent)) of \(money(budget)), it would take \(money(additional)) more"
                )
        case .valueBelowCost(let id, let value, let cost):
            return at(id)
                + t(
                    "place et trajet coûteraient \(money(cost)) pour un besoin évalué à \(money(value))",
                    "seat and trip would cost \(money(cost)) for a need valued at \(money(value))")
        }
    }
}
