import Foundation
import ParcoursCSV
import ParcoursModel
import ParcoursSolver

/// The plan as CSV tables for spreadsheets, through the project's one writer (French Excel in French:
/// `;`, BOM, decimal comma, formulas neutralised; `,` and decimal point in English). The territory's
/// tables name agents by pseudonym; a commune's table names its own agents.
public enum PlanCSV {
    /// The territory's tables, by file name: `sessions.csv`, `assignments.csv`, `costs.csv`,
    /// `unmet-needs.csv`.
    public static func tables(_ context: PlanContext) -> [(name: String, data: Data)] {
        [
            ("sessions.csv", sessions(context)), ("assignments.csv", assignments(context, commune: nil)),
            ("costs.csv", costs(context)), ("unmet-needs.csv", unmetNeeds(context, commune: nil)),
        ]
    }

    /// A commune's own tables: its agents by name with their sessions, and its unmet needs.
    public static func communeTables(_ context: PlanContext, commune code: String) -> [(name: String, data: Data)] {
        [
            ("agents.csv", assignments(context, commune: code)),
            ("unmet-needs.csv", unmetNeeds(context, commune: code)),
        ]
    }

    static func sessions(_ context: PlanContext) -> Data {
        let t = context.t
        let writer = SpreadsheetCSV.writer(context.language)
        writer.write([
            t("Session", "Session"), t("Formation", "Course"), t("Organisme", "Provider"), t("Dates", "Dates"),
            t("Jours", "Days"), t("Lieu", "Venue"), t("Commune du lieu", "Venue commune"), t("À distance", "Remote"),
            t("Minimum", "Minimum"), t("Maximum", "Maximum"), t("Participants", "Participants"),
            t("Taux de remplissage", "Fill rate"), t("Coût fixe (€)", "Fixed cost (€)"),
            t("Coût des places (€)", "Seat costs (€)"), t("Coût total (€)", "Total cost (€)"),
            t("Communes représentées", "Communes represented"),
        ])
        let dates = DateText(language: context.language)
        for planned in context.plan.sessions {
            guard let session = context.session(planned.sessionID) else { continue }
            let course = context.course(ofSession: planned.sessionID)
            let fill = Double(planned.participants.count) / Double(max(1, session.maximumSeats))
            let venue: String = session.venue.map { "\($0.name), \($0.address)" } ?? t("à distance", "remote")
            let venueCommune: String = session.venue?.communeCode.map(context.communeName) ?? ""
            let communes: String = planned.communes.map { context.communeName($0.communeCode) }.joined(separator: ", ")
            let what: [CSVCell] = [
                .text(session.id), .text(course?.title ?? session.courseID),
                .text(course.map { context.providerName($0.providerID) } ?? ""),
                .text(dates.sessionDates(session.days)), .integer(Set(session.days.map(\.day)).count),
                .text(venue), .text(venueCommune), .text(session.isRemote ? t("oui", "yes") : t("non", "no")),
            ]
            let figures: [CSVCell] = [
                .integer(session.minimumSeats), .integer(session.maximumSeats), .integer(planned.participants.count),
                .decimal(fill, fractionDigits: 3), .decimal(planned.fixedCost, fractionDigits: 2),
                .decimal(planned.seatCosts, fractionDigits: 2), .decimal(planned.totalCost, fractionDigits: 2),
                .text(communes),
            ]
            writer.write(what + figures)
        }
        return writer.data
    }

    /// A row per covered need; `commune` nil for the territory (pseudonyms), else that commune's agents by name.
    static func assignments(_ context: PlanContext, commune: String?) -> Data {
        let t = context.t
        let writer = SpreadsheetCSV.writer(context.language)
        let who: [String] =
            commune == nil
            ? [t("Agent (pseudonyme)", "Agent (pseudonym)")]
            : [t("Matricule", "Id"), t("Nom", "Last name"), t("Prénom", "First name")]
        writer.write(
            who + [
                t("Commune", "Commune"), t("Compétence", "Competence"), t("Intitulé", "Title"),
                t("Niveau actuel", "Current level"), t("Niveau visé", "Target level"),
                t("Niveau après la formation", "Level after training"), t("Session", "Session"),
                t("Formation", "Course"), t("Dates", "Dates"), t("Lieu", "Venue"),
            ])
        let needs = context.needsByKey
        let dates = DateText(language: context.language)
        for assignment in context.plan.assignments {
            guard let planning = context.agent(assignment.agentID) else { continue }
            let agent = planning.agent
            if let commune, agent.communeCode != commune { continue }
            let need = needs[NeedKey(agentID: assignment.agentID, competence: assignment.competence)]
            let session = context.session(assignment.sessionID)
            let identity: [CSVCell] =
                commune == nil
                ? [.text(context.pseudonym(assignment.agentID))]
                : [.text(agent.externalID), .text(agent.lastName), .text(agent.firstName)]
            writer.write(
                identity + [
                    .text(context.communeName(agent.communeCode)), .text(assignment.competence.rawValue),
                    .text(context.competenceTitle(assignment.competence)),
                    need.map { .integer($0.currentLevel) } ?? .empty, need.map { .integer($0.targetLevel) } ?? .empty,
                    need.map { .integer(context.projectedLevel(of: $0, sessionID: assignment.sessionID)) } ?? .empty,
                    .text(assignment.sessionID), .text(context.course(ofSession: assignment.sessionID)?.title ?? ""),
                    .text(session.map { dates.sessionDates($0.days) } ?? ""),
                    .text(session?.venue.map(context.placeName) ?? t("à distance", "remote")),
                ])
        }
        return writer.data
    }

    static func costs(_ context: PlanContext) -> Data {
        let t = context.t
        let writer = SpreadsheetCSV.writer(context.language)
        writer.write([
            t("Code", "Code"), t("Commune", "Commune"), t("Part des sessions (€)", "Share of sessions (€)"),
            t("Déplacements (€)", "Travel (€)"), t("Total (€)", "Total (€)"), t("Budget (€)", "Budget (€)"),
            t("Poids des besoins", "Need weight"), t("Poids couvert", "Weight covered"),
            t("Part couverte", "Share covered"),
        ])
        for outcome in context.plan.communes {
            writer.write([
                .text(outcome.communeCode), .text(context.communeName(outcome.communeCode)),
                .decimal(outcome.sessionCosts, fractionDigits: 2), .decimal(outcome.travelCosts, fractionDigits: 2),
                .decimal(outcome.spent, fractionDigits: 2),
                outcome.budget.map { .decimal($0, fractionDigits: 2) } ?? .empty,
                .decimal(outcome.needWeight, fractionDigits: 2), .decimal(outcome.coveredWeight, fractionDigits: 2),
                outcome.needWeight > 0
                    ? .decimal(outcome.coveredWeight / outcome.needWeight, fractionDigits: 3) : .empty,
            ])
        }
        return writer.data
    }

    static func unmetNeeds(_ context: PlanContext, commune: String?) -> Data {
        let t = context.t
        let wording = PlanWording(context: context)
        let writer = SpreadsheetCSV.writer(context.language)
        let who: [String] =
            commune == nil
            ? [t("Agent (pseudonyme)", "Agent (pseudonym)")]
            : [t("Matricule", "Id"), t("Nom", "Last name"), t("Prénom", "First name")]
        writer.write(
            who + [
                t("Commune", "Commune"), t("Compétence", "Competence"), t("Intitulé", "Title"),
                t("Niveau actuel", "Current level"), t("Niveau visé", "Target level"), t("Poids", "Weight"),
                t("Motif principal", "Main reason"), t("Contraintes", "Constraints"), t("Explication", "Explanation"),
                t("Changement le plus proche", "Nearest change"),
            ])
        for unmet in context.plan.unmetNeeds {
            if let commune, unmet.communeCode != commune { continue }
            let agent = context.agent(unmet.need.agentID)?.agent
            let identity: [CSVCell] =
                commune == nil
                ? [.text(context.pseudonym(unmet.need.agentID))]
                : [.text(unmet.need.agentID), .text(agent?.lastName ?? ""), .text(agent?.firstName ?? "")]
            let headline = unmet.headline
            writer.write(
                identity + [
                    .text(unmet.communeCode.map(context.communeName) ?? ""), .text(unmet.need.competence.rawValue),
                    .text(context.competenceTitle(unmet.need.competence)), .integer(unmet.need.currentLevel),
                    .integer(unmet.need.targetLevel), .decimal(unmet.need.weight, fractionDigits: 2),
                    .text(headline.map(wording.labels) ?? ""),
                    .text(headline?.constraintNames.joined(separator: " ") ?? ""),
                    .text(headline.map(wording.reason) ?? ""),
                    .text(context.nearestChange(unmet).map(wording.nearestChange) ?? ""),
                ])
        }
        return writer.data
    }
}
