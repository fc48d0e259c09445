import ParcoursModel
import ParcoursSolver

/// The one wording of a plan's explanations, in French or English, for the documents and for
/// `parcours explain`: the engine gives facts (reasons, nearest changes, causes of a re-plan's changes)
/// and this words them, sessions named by course, dates and place, communes by name.
public struct PlanWording: Sendable {
    public let context: PlanContext

    public init(context: PlanContext) {
        self.context = context
    }

    private var language: Language { context.language }
    private func t(_ french: String, _ english: String) -> String { context.t(french, english) }
    private var numbers: NumberText { NumberText(language: language) }
    private func money(_ value: Double) -> String { numbers.money(value) }
    private func kilometres(_ value: Double) -> String { numbers.decimal(value, fractionDigits: 1) + "\u{A0}km" }
    private func hours(_ value: Double) -> String { numbers.decimal(value, fractionDigits: 1) + "\u{A0}h" }

    /// A session's name and a colon, before what happened there.
    private func at(_ id: String) -> String { context.sessionLabel(id) + t(" : ", ": ") }

    /// The label of a stable constraint name (``EligibilityConstraint`` and ``PlanConstraint`` raw values).
    public func label(_ name: String) -> String {
        switch name {
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

    /// The labels of a reason's constraints, comma-separated.
    public func labels(_ reason: UnmetReason) -> String {
        reason.constraintNames.map(label).joined(separator: ", ")
    }

    /// A reason's facts in one line, its session named in front.
    public func reason(_ reason: UnmetReason) -> String {
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
            return at(id) + failures.map(failure).joined(separator: t(" ; ", "; "))
        case .remoteNotAllowed(let id):
            return at(id) + t("à distance, exclu par la politique du plan", "remote, excluded by the plan's policy")
        case .minimumNotReached(let id, let minimum, let eligible):
            return at(id)
                + t(
                    "\(eligible) agent(s) pouvaient y aller, il en faut \(minimum) pour l’ouvrir",
                    "\(eligible) agent(s) could attend, it needs \(minimum) to open")
        case .sessionNotOpened(let id, let fixedCost, let minimum, let eligible):
            return at(id)
                + t(
                    "non ouverte : \(eligible) agent(s) possibles pour un minimum de \(minimum), leurs besoins ne justifient pas son coût fixe de \(money(fixedCost))",
                    "not opened: \(eligible) possible agent(s) for a minimum of \(minimum), their needs do not justify its fixed cost of \(money(fixedCost))"
                )
        case .capacity(let id, let maximum, let position):
            let waitlist =
                position > 0
                ? t(", liste d’attente n° \(position)", ", waiting list no. \(position)") : ""
            return at(id) + t("complète (\(maximum) places)", "full (\(maximum) seats)") + waitlist
        case .timeClash(let clash):
            return at(clash.firstSessionID) + self.clash(clash)
        case .allowance(let id, let sessionHours, let used, let allowance):
            return at(id)
                + t(
                    "\(hours(sessionHours)) de plus, or \(hours(used)) sur \(hours(allowance)) permises sont déjà prévues",
                    "\(hours(sessionHours)) more, but \(hours(used)) of \(hours(allowance)) allowed are already planned"
                )
        case .budget(let id, let code, let budget, let spent, let additional):
            return at(id)
                + t(
                    "\(context.communeName(code)) a engagé \(money(spent)) sur \(money(budget)), il faudrait \(money(additional)) de plus",
                    "\(context.communeName(code)) committed \(money(spent)) of \(money(budget)), it would take \(money(additional)) more"
                )
        case .valueBelowCost(let id, let value, let cost):
            return at(id)
                + t(
                    "place et trajet coûteraient \(money(cost)) pour un besoin évalué à \(money(value))",
                    "seat and trip would cost \(money(cost)) for a need valued at \(money(value))")
        }
    }

    /// A failed eligibility constraint in one line.
    public func failure(_ failure: EligibilityFailure) -> String {
        let dates = DateText(language: language)
        switch failure {
        case .levelFit(let competence, let current, let target, let entry?, let exit?):
            return t(
                "le cours mène « \(context.competenceTitle(competence)) » du niveau \(entry) au niveau \(exit), l’agent est au niveau \(current) et vise \(target)",
                "the course takes “\(context.competenceTitle(competence))” from level \(entry) to level \(exit), the agent is at level \(current) aiming for \(target)"
            )
        case .levelFit(let competence, _, _, _, _):
            return t(
                "le cours n’enseigne pas « \(context.competenceTitle(competence)) »",
                "the course does not teach “\(context.competenceTitle(competence))”")
        case .travel(let straight, let factor, let road, let agentLimit, let noCarLimit, let limit):
            let distance = t(
                "\(kilometres(road)) par la route (\(kilometres(straight)) à vol d’oiseau × \(numbers.decimal(factor)))",
                "\(kilometres(road)) by road (\(kilometres(straight)) straight line × \(numbers.decimal(factor)))")
            if let noCarLimit, noCarLimit < agentLimit {
                return distance
                    + t(
                        ", au-delà de la limite de \(kilometres(limit)) des agents sans voiture",
                        ", beyond the \(kilometres(limit)) limit for agents without a car")
            }
            return distance
                + t(
                    ", au-delà de la limite de \(kilometres(limit)) de l’agent",
                    ", beyond the agent’s \(kilometres(limit)) limit")
        case .remoteAccess(let hasDevice, let hasConnection):
            switch (hasDevice, hasConnection) {
            case (false, false):
                return t(
                    "session à distance : ni ordinateur ou tablette, ni connexion",
                    "remote session: neither a computer or tablet nor a connection")
            case (false, true):
                return t("session à distance : ni ordinateur ni tablette", "remote session: no computer or tablet")
            default:
                return t(
                    "session à distance : pas de connexion Internet à domicile ni d’ordinateur au travail",
                    "remote session: no home internet and no computer at work")
            }
        case .status(let statusID, let eligible):
            return t(
                "statut \(statusID) non admis (admis : \(eligible.joined(separator: ", ")))",
                "status \(statusID) not eligible (eligible: \(eligible.joined(separator: ", ")))")
        case .equipment(let missing):
            let names = missing.map { $0.label(in: language) }.joined(separator: ", ")
            return t("équipement requis manquant : \(names)", "required equipment missing: \(names)")
        case .language(let courseLanguage, let agentLanguages):
            return t(
                "cours en \(courseLanguage), l’agent parle \(agentLanguages.joined(separator: ", "))",
                "course in \(courseLanguage), the agent speaks \(agentLanguages.joined(separator: ", "))")
        case .schedule(let days):
            let list = days.map(dates.day).joined(separator: ", ")
            return t("jour(s) non travaillé(s) par l’agent : \(list)", "day(s) the agent does not work: \(list)")
        case .unavailability(let days):
            let list = days.map(dates.day).joined(separator: ", ")
            return t("agent indisponible : \(list)", "agent unavailable: \(list)")
        case .publicHoliday(let holidays):
            let list = holidays.map { "\(dates.day($0.day)) (\(language.pick($0.nameFR, $0.nameEN)))" }
                .joined(separator: ", ")
            return t("jour férié : \(list)", "public holiday: \(list)")
        case .registration(let closedOn, let planningDate):
            return t(
                "inscriptions closes le \(dates.day(closedOn)), avant le \(dates.day(planningDate))",
                "registration closed on \(dates.day(closedOn)), before \(dates.day(planningDate))")
        }
    }

    /// Two sessions at the same time, the first named by the caller.
    public func clash(_ clash: TimeClash) -> String {
        let day = DateText(language: language).sessionDay(clash.firstDay)
        return t(
            "en même temps que \(context.sessionLabel(clash.secondSessionID)) (\(day))",
            "at the same time as \(context.sessionLabel(clash.secondSessionID)) (\(day))")
    }

    /// The nearest change that would cover a need, e.g. `serait couvert avec une limite de trajet de 42 km
    /// au lieu de 35 km (session …)`.
    public func nearestChange(_ change: NearestChange) -> String {
        let session = context.sessionLabel(change.sessionID)
        let whole = { (value: Double) in numbers.decimal(value.rounded(.up), fractionDigits: 0) }
        switch change {
        case .travelLimit(_, let road, let current):
            return t(
                "serait couvert avec une limite de trajet de \(whole(road))\u{A0}km au lieu de \(whole(current))\u{A0}km (session \(session))",
                "would be met with a travel limit of \(whole(road))\u{A0}km instead of \(whole(current))\u{A0}km (session \(session))"
            )
        case .moreSeats(_, let seats, let maximum):
            return t(
                "serait couvert avec \(seats) place(s) de plus à la session \(session) (\(maximum) aujourd’hui)",
                "would be met with \(seats) more seat(s) at session \(session) (\(maximum) today)")
        case .allowance(_, let wanted, let current):
            return t(
                "serait couvert avec \(hours(wanted)) de formation permises au lieu de \(hours(current)) (session \(session))",
                "would be met with a training allowance of \(hours(wanted)) instead of \(hours(current)) (session \(session))"
            )
        case .budget(_, let code, let amount, let current):
            return t(
                "serait couvert avec un budget de \(money(amount.rounded(.up))) pour \(context.communeName(code)) au lieu de \(money(current)) (session \(session))",
                "would be met with a budget of \(money(amount.rounded(.up))) for \(context.communeName(code)) instead of \(money(current)) (session \(session))"
            )
        case .valuePerWeight(_, let amount, let current):
            return t(
                "serait couvert si un point de besoin valait \(money(amount.rounded(.up))) au lieu de \(money(current)) (session \(session))",
                "would be met if a unit of need weight were worth \(money(amount.rounded(.up))) instead of \(money(current)) (session \(session))"
            )
        }
    }

    /// Nearest changes put together for a document that names nobody: one line per kind of change and
    /// today's setting (per session for seats, per commune for a budget), with the range of settings
    /// wanted and the number of needs each would cover, most needs first.
    public func nearestChanges(_ changes: [NearestChange]) -> [(change: String, needs: Int)] {
        struct Group {
            var low = Double.infinity
            var high = -Double.infinity
            var needs = 0
            let sample: NearestChange
        }
        var groups: [String: Group] = [:]
        for change in changes {
            let (key, value): (String, Double) =
                switch change {
                case .travelLimit(_, let road, let current): ("travel|\(current)", road.rounded(.up))
                case .moreSeats(let id, let seats, _): ("seats|\(id)", Double(seats))
                case .allowance(_, let wanted, let current): ("allowance|\(current)", wanted)
                case .budget(_, let code, let amount, _): ("budget|\(code)", amount.rounded(.up))
                case .valuePerWeight(_, let amount, let current): ("value|\(current)", amount.rounded(.up))
                }
            var group = groups[key] ?? Group(sample: change)
            group.low = min(group.low, value)
            group.high = max(group.high, value)
            group.needs += 1
            groups[key] = group
        }
        func range(_ group: Group, _ format: (Double) -> String) -> String {
            group.low == group.high
                ? format(group.high)
                : t("\(format(group.low)) à \(format(group.high))", "\(format(group.low)) to \(format(group.high))")
        }
        let whole = { (value: Double) in numbers.decimal(value, fractionDigits: 0) + "\u{A0}km" }
        return groups.values.map { group -> (String, Int) in
            let text: String
            switch group.sample {
            case .travelLimit(_, _, let current):
                text = t(
                    "une limite de trajet de \(range(group, whole)) au lieu de \(whole(current.rounded(.up)))",
                    "a travel limit of \(range(group, whole)) instead of \(whole(current.rounded(.up)))")
            case .moreSeats(let id, _, let maximum):
                text = t(
                    "jusqu’à \(numbers.decimal(group.high, fractionDigits: 0)) place(s) de plus à la session \(context.sessionLabel(id)) (\(maximum) aujourd’hui)",
                    "up to \(numbers.decimal(group.high, fractionDigits: 0)) more seat(s) at session \(context.sessionLabel(id)) (\(maximum) today)"
                )
            case .allowance(_, _, let current):
                text = t(
                    "\(range(group, hours)) de formation permises au lieu de \(hours(current))",
                    "a training allowance of \(range(group, hours)) instead of \(hours(current))")
            case .budget(_, let code, _, let current):
                text = t(
                    "un budget de \(range(group, money)) pour \(context.communeName(code)) au lieu de \(money(current))",
                    "a budget of \(range(group, money)) for \(context.communeName(code)) instead of \(money(current))")
            case .valuePerWeight(_, _, let current):
                text = t(
                    "un point de besoin valant \(range(group, money)) au lieu de \(money(current))",
                    "a unit of need weight worth \(range(group, money)) instead of \(money(current))")
            }
            return (text, group.needs)
        }
        .sorted { ($0.1, $1.0) > ($1.1, $0.0) }
        .map { (change: $0.0, needs: $0.1) }
    }

    /// What an unmet need's reasons come down to, in one sentence.
    public func summary(_ explanation: UnmetNeedExplanation) -> String {
        let title = context.competenceTitle(explanation.need.competence)
        let competence = t("« \(title) »", "“\(title)”")
        let level = explanation.need.currentLevel
        switch explanation.summary {
        case .planWide(let reason):
            return self.reason(reason)
        case .closest(let reason, let others):
            let note =
                others == 0
                ? ""
                : t(
                    " (et \(others) autre(s) session(s) écartée(s) aussi)",
                    " (and \(others) other session(s) ruled out too)")
            return self.reason(reason) + note
        case .commonFailure(let atLevel, let sharing, let id, let failure):
            return t(
                "\(atLevel) session(s) à son niveau, \(sharing) écartée(s) pour la même raison ; la plus proche, \(context.sessionLabel(id)) : \(self.failure(failure))",
                "\(atLevel) session(s) at the agent’s level, \(sharing) ruled out for the same reason; the nearest, \(context.sessionLabel(id)): \(self.failure(failure))"
            )
        case .noCourseAbove(let highest):
            return t(
                "aucun cours n’enseigne \(competence) au-delà du niveau \(highest) (l’agent est au niveau \(level))",
                "no course teaches \(competence) above level \(highest) (the agent is at level \(level))")
        case .coursesStartAt(let lowest):
            return t(
                "aucun cours n’enseigne \(competence) à partir du niveau \(level) : ils commencent au niveau \(lowest)",
                "no course teaches \(competence) from level \(level): they start at level \(lowest)")
        case .noCourseUpwards:
            return t(
                "aucun cours n’enseigne \(competence) du niveau \(level) vers un niveau supérieur",
                "no course teaches \(competence) from level \(level) upwards")
        }
    }

    /// Why the assignment's session: its distance, then one line per other possible session.
    public func assignment(_ explanation: AssignmentExplanation) -> [String] {
        let distance =
            explanation.oneWayKilometres.map { t("\(kilometres($0)) par la route", "\(kilometres($0)) by road") }
            ?? t("à distance", "remote")
        guard !explanation.alternatives.isEmpty else {
            return [
                t(
                    "\(distance) ; la seule session possible pour ce besoin",
                    "\(distance); the only possible session for this need")
            ]
        }
        return [
            t(
                "\(distance) ; \(explanation.alternatives.count) autre(s) session(s) possible(s) :",
                "\(distance); \(explanation.alternatives.count) other possible session(s):")
        ]
            + explanation.alternatives.map { at($0.sessionID) + verdict($0.verdict) }
    }

    /// Why not that other session.
    public func verdict(_ verdict: AlternativeVerdict) -> String {
        switch verdict {
        case .tooFewEligible(let eligible, let minimum):
            t(
                "non ouverte : \(eligible) agent(s) admissibles pour un minimum de \(minimum)",
                "not opened: \(eligible) eligible agent(s) for a minimum of \(minimum)")
        case .fixedCostNotWorthIt(let fixedCost):
            t(
                "non ouverte : regrouper les agents ailleurs coûte moins que son coût fixe de \(money(fixedCost))",
                "not opened: grouping the agents elsewhere costs less than its fixed cost of \(money(fixedCost))")
        case .full(let maximum): t("complète (\(maximum) places)", "full (\(maximum) seats)")
        case .clash(let clash): self.clash(clash)
        case .further(let road, let chosen):
            t(
                "plus loin : \(kilometres(road)) contre \(kilometres(chosen))",
                "further: \(kilometres(road)) against \(kilometres(chosen))")
        case .costlier(let cost, let chosen):
            t(
                "plus coûteuse : \(money(cost)) (place et trajet) contre \(money(chosen))",
                "costlier: \(money(cost)) (seat and trip) against \(money(chosen))")
        case .alsoPossible:
            t(
                "possible aussi ; ce choix remplit mieux les sessions ouvertes (objectif du plan)",
                "also possible; this choice fills the open sessions better (the plan's objective)")
        }
    }

    /// What made a re-plan move or drop an assignment; the solve's own choice when nil.
    public func cause(_ cause: ChangeCause?) -> String {
        guard let cause else {
            return t("choix du plan (meilleur regroupement)", "the plan's choice (better grouping)")
        }
        switch cause {
        case .sessionCancelled(let id): return t("session annulée : ", "session cancelled: ") + context.sessionLabel(id)
        case .sessionWithdrawn(let id):
            return t("session retirée du catalogue : ", "session withdrawn from the catalogue: ")
                + context.sessionLabel(id)
        case .sessionChanged(let id):
            return t("session modifiée dans le catalogue : ", "session changed in the catalogue: ")
                + context.sessionLabel(id)
        case .agentRemoved: return t("agent retiré du plan", "agent removed from the plan")
        case .agentNotInRoster: return t("agent absent du registre actuel", "agent not in the current roster")
        case .needGone: return t("besoin disparu (nouveaux résultats Pix)", "need gone (newer Pix results)")
        }
    }
}
