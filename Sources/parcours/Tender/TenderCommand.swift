import ArgumentParser
import Foundation
import ParcoursModel
import ParcoursStore
import ParcoursTender
import ParcoursWorkflow

/// `parcours tender (--plan PLAN [--territory T] | --demand FILE | both) --out DIR`: drafts the tender
/// packages (one per country) of a stored plan's unmet needs that no catalogue session can take, or of a
/// demand file, or of both (the file then holds the coordinator's changes), from Config and the
/// comparable catalogue prices of the database.
struct TenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tender",
        abstract: "Draft tender packages (lots, estimates, procedure, documents, eForms notice) from uncovered needs.",
        discussion: """
            With --plan, the needs are the stored plan's unmet needs that no catalogue session can take; needs a \
            session could take but the plan turned down (budget, cost, training hours) are counted, not tendered. \
            'latest' takes the latest plan of each territory (or of --territory): one package per country. The \
            demand file is JSON (see README: launch_date, needs, additions, removals); with --plan it adds the \
            coordinator's changes.
            """)

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: "The stored plan: its id, or 'latest' (the latest plan of each territory).")
    var plan: PlanReference?

    @Option(name: .long, help: "With --plan latest: this territory's latest plan only.")
    var territory: String?

    @Option(
        name: .long,
        help: "The demand file (JSON): the needs to tender, or with --plan the coordinator's changes.")
    var demand: String?

    @Option(
        name: .long,
        help: "The day the procedure is launched, YYYY-MM-DD (default: the demand file's, else today).")
    var launchDate: String?

    @Option(name: .long, help: "The folder to write the packages to (created if missing).")
    var out: String

    func validate() throws {
        guard plan != nil || demand != nil else { throw ValidationError("give --plan, --demand or both") }
        if territory != nil, plan == nil { throw ValidationError("--territory goes with --plan") }
    }

    func run() async throws {
        let configuration = try options.loadConfiguration()
        let language = options.language
        let changes = try demand.map { try readDemand(at: $0, maximumLevel: configuration.framework.maximumLevel) }
        var launch = changes?.launchDate
        if let launchDate {
            guard let day = CalendarDay(iso: launchDate) else {
                throw CommandFailure(lines: [
                    language.pick(
                        "--launch-date : date invalide (AAAA-MM-JJ) : \(launchDate)",
                        "--launch-date: invalid date (YYYY-MM-DD): \(launchDate)")
                ])
            }
            launch = day
        }
        let request: TenderDemand
        let origin: String
        var store: (any ParcoursDatabase)?
        if let plan {
            let opened = try await options.openStore()
            store = opened
            let plans = try await storedPlans(plan, from: opened, territories: configuration.territories.map(\.id))
            guard let territory = configuration.territory(id: plans[0].record.territoryID) else {
                throw CommandFailure(lines: [
                    language.pick(
                        "territoire inconnu : \(plans[0].record.territoryID)",
                        "unknown territory: \(plans[0].record.territoryID)")
                ])
            }
            let fromPlans = PlanTenderDemand(
                plans: plans, launchDate: launch ?? PlanMaking.today(in: territory), changes: changes)
            let drafter = TenderDrafter(options: options, configuration: configuration, store: store)
            print(drafter.summary(of: fromPlans.sources).joined(separator: "\n"))
            request = fromPlans.demand
            origin = "plan " + plans.map { "\($0.id)" }.joined(separator: ", ")
        } else {
            // A demand file alone; the database, when it exists, gives the comparable prices.
            guard let changes, let demand else { return }
            if options.databaseExists { store = try await options.openStore() }
            request =
                launch.map {
                    TenderDemand(
                        launchDate: $0, window: changes.window, needs: changes.needs, additions: changes.additions,
                        removals: changes.removals, contextFR: changes.contextFR, setAside: changes.setAside)
                } ?? changes
            origin = demand
        }
        _ = try await TenderDrafter(options: options, configuration: configuration, store: store)
            .draft(request, origin: origin, out: URL(fileURLWithPath: out))
    }

    private func readDemand(at path: String, maximumLevel: Int) throws -> TenderDemand {
        let language = options.language
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CommandFailure(lines: ["\(path): " + language.pick("fichier illisible", "cannot read the file")])
        }
        do {
            return try TenderDemandFile.read(data, maximumLevel: maximumLevel)
        } catch {
            throw CommandFailure(lines: ["\(path): \(error.message(in: language))"])
        }
    }

    /// The plans `reference` names: one plan by id, or the latest plan of `--territory`, or of each
    /// territory that has one (in the order of `territories`).
    private func storedPlans(_ reference: PlanReference, from store: some PlanStore, territories: [String]) async throws
        -> [(
            id: Int64, record: PlanRecord
        )]
    {
        let language = options.language
        if case .latest = reference, territory == nil {
            let stored = Set(
                try await options.reportingFailures { try await store.plans(territoryID: nil) }.map(\.territoryID))
            let planned = territories.filter(stored.contains)
            if !planned.isEmpty {
                var plans: [(id: Int64, record: PlanRecord)] = []
                for id in planned {
                    let (plan, record) = try await options.loadPlan(.latest, from: store, territoryID: id)
                    plans.append((plan.id, record))
                }
                return plans
            }
        }
        let (plan, record) = try await options.loadPlan(reference, from: store, territoryID: territory)
        if let territory, record.territoryID != territory {
            throw CommandFailure(lines: [
                language.pick(
                    "le plan \(plan.id) est celui du territoire \(record.territoryID), pas de \(territory)",
                    "plan \(plan.id) belongs to territory \(record.territoryID), not \(territory)")
            ])
        }
        return [(plan.id, record)]
    }
}
