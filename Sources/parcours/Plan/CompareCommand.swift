import ArgumentParser
import Foundation
import ParcoursModel
import ParcoursStore
import ParcoursWorkflow

/// `parcours compare PLAN_A PLAN_B`: two stored plans side by side, for what-if decisions.
struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two stored plans: coverage, costs, sessions, travel, fairness.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The first plan: its id or 'latest'.")
    var first: PlanReference

    @Argument(help: "The second plan: its id or 'latest'.")
    var second: PlanReference

    @Option(name: .long, help: "Count agents whose furthest session is more than this many road km away.")
    var far: Double = 30

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    func run() async throws {
        let store = try await options.openStore()
        var figures: [PlanFigures] = []
        for reference in [first, second] {
            let (stored, record) = try await options.loadPlan(reference, from: store)
            figures.append(
                PlanFigures(planID: stored.id, label: stored.summary.label, record: record, farKilometres: far))
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            // A plan cut short before its first bound has an infinite bound and gap.
            encoder.nonConformingFloatEncodingStrategy = .convertToString(
                positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            print(String(decoding: try encoder.encode(figures), as: UTF8.self))
        } else {
            print(ComparisonTable(language: options.language, first: figures[0], second: figures[1]).text)
        }
    }
}

/// Two plans' figures as an aligned text table: one row per figure, a column per plan, and the difference.
struct ComparisonTable {
    let language: Language
    let first: PlanFigures
    let second: PlanFigures

    var text: String {
        let text = PlanText(language)
        var rows: [[String]] = [
            [
                "", language.pick("plan \(first.planID)", "plan \(first.planID)"),
                language.pick("plan \(second.planID)", "plan \(second.planID)"), language.pick("écart", "difference"),
            ],
            ["", first.label, second.label, ""],
        ]
        func add(
            _ name: String, _ value: (PlanFigures) -> Double, _ format: (Double) -> String,
            difference differenceFormat: ((Double) -> String)? = nil
        ) {
            let (a, b) = (value(first), value(second))
            let difference = b - a
            let shown = differenceFormat.map { $0(difference) } ?? format(difference)
            rows.append([
                name, format(a), format(b), abs(difference) < 1e-9 ? "=" : (difference > 0 ? "+" : "") + shown,
            ])
        }
        func count(_ value: Double) -> String { language.decimal(value, fractionDigits: 0) }
        func share(_ coverage: PlanFigures.Coverage?) -> Double { coverage?.share ?? 0 }
        add(language.pick("besoins couverts", "needs covered"), { Double($0.total.coveredNeeds) }, count)
        add(language.pick("poids couvert", "weight covered"), { $0.total.share }, text.percent, difference: text.points)
        add(language.pick("sessions ouvertes", "sessions opened"), { Double($0.sessionsOpened) }, count)
        add(language.pick("agents formés", "agents trained"), { Double($0.agentsTrained) }, count)
        add(language.pick("coût total", "total cost"), \.totalCost, text.euros)
        add(language.pick("  coûts fixes", "  fixed costs"), \.fixedCosts, text.euros)
        add(language.pick("  places", "  seats"), \.seatCosts, text.euros)
        add(language.pick("  déplacements", "  travel"), \.travelCosts, text.euros)
        add(
            language.pick(
                "agents à plus de \(count(first.farKilometres)) km", "agents beyond \(count(first.farKilometres)) km"),
            { Double($0.agentsTravellingFar) }, count)
        add(
            language.pick("équité : commune la moins couverte", "fairness: least covered commune"), \.fairnessMinimum,
            text.percent, difference: text.points)
        add(
            language.pick("équité : moyenne des communes", "fairness: mean of communes"), \.fairnessMean, text.percent,
            difference: text.points)
        add(language.pick("écart à la borne", "gap to bound"), \.gap, text.percent, difference: text.points)
        func section(
            _ title: String, _ keys: (PlanFigures) -> [String: PlanFigures.Coverage]
        ) {
            rows.append([title, "", "", ""])
            for key in Set(keys(first).keys).union(keys(second).keys).sorted() {
                add("  \(key)", { share(keys($0)[key]) }, text.percent, difference: text.points)
            }
        }
        section(language.pick("poids couvert par compétence", "weight covered by competence"), \.byCompetence)
        section(language.pick("par famille de métiers", "by job family"), \.byJobFamily)
        section(language.pick("par commune", "by commune"), \.byCommune)
        rows.append([language.pick("coût par commune", "cost by commune"), "", "", ""])
        for code in Set(first.costByCommune.keys).union(second.costByCommune.keys).sorted() {
            add("  \(code)", { $0.costByCommune[code] ?? 0 }, text.euros)
        }
        let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
