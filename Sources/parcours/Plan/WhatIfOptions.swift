import ArgumentParser
import ParcoursWorkflow

/// The what-if options of `parcours plan`: each changes one rule of `Config/planning.yaml` for this run.
struct WhatIfOptions: ParsableArguments {
    @Option(name: .long, help: "Cap on every agent's travel limit, in road km.")
    var maximumTravelKm: Double?

    @Option(name: .long, help: "A session opens only with at least this many participants.")
    var minimumGroupSize: Int?

    @Flag(inversion: .prefixedNo, help: "Allow remote sessions or not (default: as planning.yaml says).")
    var remote: Bool?

    @Option(name: .long, help: "The communes taking part, by NIS or INSEE code, comma-separated (default: all).")
    var communes: String?

    @Option(name: .long, help: "The budget of every commune, in euros.")
    var budget: Double?

    @Option(name: .long, help: "The solver's time limit, in seconds (default: planning.yaml).")
    var timeLimit: Double?

    @Option(
        name: .long,
        help:
            "Stop once the plan is proven within this fraction of the best possible, e.g. 0.005 for 0.5 % (0: search until the time limit; default: planning.yaml)."
    )
    var gapTarget: Double?

    @Option(name: .long, help: "The seed of the solver's random choices (default: planning.yaml).")
    var seed: UInt64?

    var overrides: PlanningOverrides {
        PlanningOverrides(
            maximumTravelKilometres: maximumTravelKm, minimumGroupSize: minimumGroupSize, remoteAllowed: remote,
            participatingCommunes: communes.map {
                Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            }, budgetPerCommune: budget, timeLimitSeconds: timeLimit, gapTarget: gapTarget, seed: seed)
    }

    /// The options given, as a plan label: e.g. `minimum-group-size=8, no-remote`.
    var label: String { overrides.summary }
}
