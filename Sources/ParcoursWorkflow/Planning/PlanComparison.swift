import ParcoursModel

/// Two plans' figures side by side, row by row, written in a language: each figure of the first plan,
/// of the second, and the difference. What `parcours compare` prints as a table and the service's
/// compare page shows.
public struct PlanComparison: Sendable {
    /// A figure of both plans, or the title of a section of figures (its values empty).
    public struct Row: Hashable, Sendable {
        public let name: String
        public let first: String
        public let second: String
        /// The second plan's value minus the first's, signed; `=` when equal.
        public let difference: String
        /// A title of the rows that follow it.
        public let isSection: Bool
        /// A part of the row above it (the parts of the cost) or of its section.
        public let isPart: Bool
    }

    public let first: PlanFigures
    public let second: PlanFigures
    public let rows: [Row]

    /// The comparison in `language`. `names` gives the name shown for a key of the rows by competence,
    /// job family and commune (a commune's code → its name); a key without one is shown as it is.
    public init(language: Language, first: PlanFigures, second: PlanFigures, names: [String: String] = [:]) {
        self.first = first
        self.second = second
        let text = PlanText(language)
        var rows: [Row] = []
        func add(
            _ name: String, part: Bool = false, _ value: (PlanFigures) -> Double, _ format: (Double) -> String,
            difference differenceFormat: ((Double) -> String)? = nil
        ) {
            let (a, b) = (value(first), value(second))
            let difference = b - a
            let shown = differenceFormat.map { $0(difference) } ?? format(difference)
            rows.append(
                Row(
                    name: name, first: format(a), second: format(b),
                    difference: abs(difference) < 1e-9 ? "=" : (difference > 0 ? "+" : "") + shown, isSection: false,
                    isPart: part))
        }
        func count(_ value: Double) -> String { language.decimal(value, fractionDigits: 0) }
        func share(_ coverage: PlanFigures.Coverage?) -> Double { coverage?.share ?? 0 }
        func section(_ title: String) {
            rows.append(Row(name: title, first: "", second: "", difference: "", isSection: true, isPart: false))
        }
        add(language.pick("besoins couverts", "needs covered"), { Double($0.total.coveredNeeds) }, count)
        add(language.pick("poids couvert", "weight covered"), { $0.total.share }, text.percent, difference: text.points)
        add(language.pick("sessions ouvertes", "sessions opened"), { Double($0.sessionsOpened) }, count)
        add(language.pick("agents formés", "agents trained"), { Double($0.agentsTrained) }, count)
        add(language.pick("coût total", "total cost"), \.totalCost, text.euros)
        add(language.pick("coûts fixes", "fixed costs"), part: true, \.fixedCosts, text.euros)
        add(language.pick("places", "seats"), part: true, \.seatCosts, text.euros)
        add(language.pick("déplacements", "travel"), part: true, \.travelCosts, text.euros)
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
        func coverage(_ title: String, _ keys: (PlanFigures) -> [String: PlanFigures.Coverage]) {
            section(title)
            for key in Set(keys(first).keys).union(keys(second).keys).sorted() {
                add(names[key] ?? key, part: true, { share(keys($0)[key]) }, text.percent, difference: text.points)
            }
        }
        coverage(language.pick("poids couvert par compétence", "weight covered by competence"), \.byCompetence)
        coverage(language.pick("par famille de métiers", "by job family"), \.byJobFamily)
        coverage(language.pick("par commune", "by commune"), \.byCommune)
        section(language.pick("coût par commune", "cost by commune"))
        for code in Set(first.costByCommune.keys).union(second.costByCommune.keys).sorted() {
            add(names[code] ?? code, part: true, { $0.costByCommune[code] ?? 0 }, text.euros)
        }
        self.rows = rows
    }
}
