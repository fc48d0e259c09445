import Foundation
import ParcoursModel
import ParcoursSolver

/// The figures of `parcours bench national`, as text (French or English) or one JSON object.
struct NationalReport {
    let plan: DecomposedPlan
    let departements: Int
    /// Départements of more inhabitants were planned in areas of at most this many (0: whole).
    let partInhabitants: Int
    /// Communes of the list left out (no centroid or no population).
    let skipped: Int
    let inhabitants: Int
    /// Agents per 100 inhabitants.
    let density: Double
    let jobs: Int
    /// Seconds to read the commune list.
    let readSeconds: Double
    /// Wall seconds of the whole run, reading included.
    let seconds: Double
    /// Process CPU seconds (user + system): steadier than wall time on a busy machine.
    let cpuSeconds: Double
    let peakMiB: Double
    let loadAverages: [Double]

    private var buildSeconds: Double { plan.parts.reduce(0) { $0 + $1.buildSeconds } }
    private var solveSeconds: Double { plan.parts.reduce(0) { $0 + $1.solveSeconds } }
    private var slowest: PartOutcome? {
        plan.parts.max { $0.buildSeconds + $0.solveSeconds < $1.buildSeconds + $1.solveSeconds }
    }
    private var reachShare: Double { plan.agents == 0 ? 0 : Double(plan.crossPartReach) / Double(plan.agents) }

    func text(in language: Language) -> String {
        let load = loadAverages.map { String(format: "%.2f", $0) }.joined(separator: " ")
        let worst = plan.worstPart
        let slowest = slowest
        func number(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }
        return [
            language.pick(
                "France, \(departements) départements en \(plan.parts.count) parties (aires de \(partInhabitants) habitants au plus ; "
                    + "\(skipped) communes sans centroïde ou population écartées), "
                    + "\(inhabitants) habitants, \(number(density, 3)) agents pour 100 habitants : "
                    + "\(plan.agents) agents, \(plan.needs) besoins, \(plan.sessions) sessions",
                "France, \(departements) départements in \(plan.parts.count) parts (areas of at most \(partInhabitants) inhabitants; "
                    + "\(skipped) communes without centroid or population left out), "
                    + "\(inhabitants) inhabitants, \(number(density, 3)) agents per 100 inhabitants: "
                    + "\(plan.agents) agents, \(plan.needs) needs, \(plan.sessions) sessions"),
            language.pick(
                "plan : \(plan.openSessions) sessions ouvertes, \(plan.coveredNeeds) besoins couverts",
                "plan: \(plan.openSessions) sessions open, \(plan.coveredNeeds) needs covered"),
            language.pick(
                "durée \(number(seconds)) s, CPU \(number(cpuSeconds)) s (\(jobs) en parallèle, charge \(load)) : lecture \(number(readSeconds)) s, "
                    + "génération \(number(buildSeconds)) s et résolution \(number(solveSeconds)) s cumulées sur les "
                    + "parties ; la plus longue \(slowest?.id ?? "-") "
                    + "(\(number((slowest?.buildSeconds ?? 0) + (slowest?.solveSeconds ?? 0))) s)",
                "time \(number(seconds)) s, CPU \(number(cpuSeconds)) s (\(jobs) at once, load \(load)): reading \(number(readSeconds)) s, "
                    + "generation \(number(buildSeconds)) s and solve \(number(solveSeconds)) s summed over the "
                    + "parts; the longest \(slowest?.id ?? "-") "
                    + "(\(number((slowest?.buildSeconds ?? 0) + (slowest?.solveSeconds ?? 0))) s)"),
            language.pick(
                "mémoire maximale \(number(peakMiB, 0)) Mio", "peak memory \(number(peakMiB, 0)) MiB"),
            language.pick(
                "objectif \(number(plan.objective)), borne (somme des bornes des parties) \(number(plan.bound)), "
                    + "écart \(number(plan.gap * 100, 3)) % ; le plus grand écart \(worst?.id ?? "-") "
                    + "\(number((worst?.gap ?? 0) * 100, 3)) %",
                "objective \(number(plan.objective)), bound (sum of the parts' bounds) \(number(plan.bound)), "
                    + "gap \(number(plan.gap * 100, 3)) %; the largest gap \(worst?.id ?? "-") "
                    + "\(number((worst?.gap ?? 0) * 100, 3)) %"),
            language.pick(
                "La borne majore le meilleur plan où chaque agent ne suit que des sessions de sa partie ; "
                    + "le problème national entier permet aussi les sessions d'une autre partie (à distance, ou "
                    + "sur place dans la limite de trajet de l'agent : \(plan.crossPartReach) agents, "
                    + "\(number(reachShare * 100, 1)) %, en ont une à portée), qu'elle ne borne pas.",
                "The bound holds for the best plan in which agents only attend their own part's sessions; "
                    + "the undivided national problem also allows other parts' sessions (remote ones, or "
                    + "on-site within the agent's travel limit: \(plan.crossPartReach) agents, "
                    + "\(number(reachShare * 100, 1)) %, have one within reach), which it does not bound."),
        ].joined(separator: "\n")
    }

    var json: String {
        let parts = plan.parts.map { part in
            """
            {"part":"\(part.id)","agents":\(part.agents),"needs":\(part.needs),"sessions":\(part.sessions),\
            "openSessions":\(part.openSessions),"coveredNeeds":\(part.coveredNeeds),"objective":\(part.objective),\
            "bound":\(part.bound),"gap":\(part.gap),"buildSeconds":\(part.buildSeconds),\
            "solveSeconds":\(part.solveSeconds)}
            """
        }
        return """
            {"departements":\(departements),"parts":\(plan.parts.count),"partInhabitants":\(partInhabitants),"skippedCommunes":\(skipped),"inhabitants":\(inhabitants),\
            "agentsPer100Inhabitants":\(density),"agents":\(plan.agents),"needs":\(plan.needs),\
            "sessions":\(plan.sessions),"openSessions":\(plan.openSessions),"coveredNeeds":\(plan.coveredNeeds),\
            "jobs":\(jobs),"seconds":\(seconds),"cpuSeconds":\(cpuSeconds),"readSeconds":\(readSeconds),"buildSeconds":\(buildSeconds),\
            "solveSeconds":\(solveSeconds),"peakMiB":\(peakMiB),"loadAverages":[\(loadAverages.map { "\($0)" }.joined(separator: ","))],\
            "objective":\(plan.objective),"bound":\(plan.bound),"gap":\(plan.gap),\
            "worstGapPart":"\(plan.worstPart?.id ?? "")","worstGap":\(plan.worstPart?.gap ?? 0),\
            "crossPartReach":\(plan.crossPartReach),"partFigures":[\(parts.joined(separator: ","))]}
            """
    }
}
