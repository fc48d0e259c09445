import ParcoursModel
import ParcoursOutput
import ParcoursSolver

/// What a re-plan changed, for stdout: counts, then each moved, dropped and added assignment with its
/// cause. Agents are named by external id only.
struct ChangesText {
    let wording: PlanWording
    let changes: PlanChanges
    let previousID: Int64

    private var plan: TrainingPlan { wording.context.plan }
    private func t(_ french: String, _ english: String) -> String { wording.context.language.pick(french, english) }
    private var colon: String { t(" : ", ": ") }

    var lines: [String] {
        var lines = [
            t(
                "Par rapport au plan \(previousID) : \(changes.kept.count) affectations gardées, \(changes.moved.count) déplacées, \(changes.dropped.count) abandonnées, \(changes.added.count) ajoutées.",
                "Against plan \(previousID): \(changes.kept.count) assignments kept, \(changes.moved.count) moved, \(changes.dropped.count) dropped, \(changes.added.count) added."
            )
        ]
        if !changes.moved.isEmpty {
            lines.append(t("Déplacées :", "Moved:"))
            for moved in changes.moved {
                lines.append(
                    "  \(moved.previous.agentID) — \(moved.previous.competence)\(colon)\(moved.previous.sessionID) → \(moved.current.sessionID) (\(wording.cause(moved.cause)))"
                )
            }
        }
        if !changes.dropped.isEmpty {
            lines.append(t("Abandonnées :", "Dropped:"))
            for dropped in changes.dropped {
                lines.append(
                    "  \(dropped.previous.agentID) — \(dropped.previous.competence)\(colon)\(dropped.previous.sessionID) (\(wording.cause(dropped.cause)))"
                )
                // What the new plan's reasons come down to, and what would cover the need again.
                if let explanation = wording.context.unmetExplanation(
                    agentID: dropped.previous.agentID, competence: dropped.previous.competence)
                {
                    lines.append("      " + wording.summary(explanation))
                    if let change = explanation.nearestChange {
                        lines.append("      " + wording.nearestChange(change))
                    }
                }
            }
        }
        if !changes.added.isEmpty {
            lines.append(t("Ajoutées :", "Added:"))
            for added in changes.added {
                lines.append("  \(added.agentID) — \(added.competence)\(colon)\(added.sessionID)")
            }
        }
        for pin in plan.releasedPins {
            let reason = pin.reason.map { " — " + wording.reason($0) } ?? ""
            lines.append(
                t(
                    "Affectation figée non tenue : \(pin.assignment.agentID) — \(pin.assignment.competence) : \(pin.assignment.sessionID)\(reason)",
                    "Pinned assignment not kept: \(pin.assignment.agentID) — \(pin.assignment.competence): \(pin.assignment.sessionID)\(reason)"
                ))
        }
        return lines
    }
}
