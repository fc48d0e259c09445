import ParcoursModel
import ParcoursSolver
import ParcoursWorkflow

/// What a re-plan changed, for stdout: counts, then each moved, dropped and added assignment with its
/// cause. Agents are named by external id only.
struct ChangesText {
    let language: Language
    let changes: PlanChanges
    let previousID: Int64
    let record: PlanRecord

    var lines: [String] {
        var lines = [
            language.pick(
                "Par rapport au plan \(previousID) : \(changes.kept.count) affectations gardées, \(changes.moved.count) déplacées, \(changes.dropped.count) abandonnées, \(changes.added.count) ajoutées.",
                "Against plan \(previousID): \(changes.kept.count) assignments kept, \(changes.moved.count) moved, \(changes.dropped.count) dropped, \(changes.added.count) added."
            )
        ]
        let solverChoice = language.pick(
            "choix du solveur (meilleur regroupement)", "solver's choice (better grouping)")
        if !changes.moved.isEmpty {
            lines.append(language.pick("Déplacées :", "Moved:"))
            for moved in changes.moved {
                lines.append(
                    "  \(moved.previous.agentID) — \(moved.previous.competence) : \(moved.previous.sessionID) → \(moved.current.sessionID) (\(moved.cause?.explanation(in: language) ?? solverChoice))"
                )
            }
        }
        if !changes.dropped.isEmpty {
            lines.append(language.pick("Abandonnées :", "Dropped:"))
            let reasons = UnmetReasonText(language: language)
            for dropped in changes.dropped {
                let cause = dropped.cause?.explanation(in: language) ?? solverChoice
                lines.append(
                    "  \(dropped.previous.agentID) — \(dropped.previous.competence) : \(dropped.previous.sessionID) (\(cause))"
                )
                for reason in dropped.reasons.prefix(3) { lines.append("      \(reasons.line(reason))") }
                if dropped.reasons.count > 3 {
                    lines.append(
                        language.pick(
                            "      … et \(dropped.reasons.count - 3) autres",
                            "      … and \(dropped.reasons.count - 3) more"))
                }
            }
        }
        if !changes.added.isEmpty {
            lines.append(language.pick("Ajoutées :", "Added:"))
            for added in changes.added { lines.append("  \(added.agentID) — \(added.competence) : \(added.sessionID)") }
        }
        for pin in record.plan.releasedPins {
            let reason = pin.reason.map { UnmetReasonText(language: language).line($0) } ?? ""
            lines.append(
                language.pick(
                    "Affectation figée non tenue : \(pin.assignment.agentID) — \(pin.assignment.competence) : \(pin.assignment.sessionID) \(reason)",
                    "Pinned assignment not kept: \(pin.assignment.agentID) — \(pin.assignment.competence): \(pin.assignment.sessionID) \(reason)"
                ))
        }
        return lines
    }
}
