import ArgumentParser
import Foundation
import ParcoursCatalogue
import ParcoursConfig
import ParcoursModel

extension CatalogueProfile: ExpressibleByArgument {}

/// Options shared by `validate catalogue`, `inspect catalogue` and `import catalogue`.
struct CatalogueOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "Schema tolerance: auto (from each course's provider country), fr, or be (Belgian details are warnings).")
    var profile: CatalogueProfile = .auto

    @Option(name: .long, help: "Largest file accepted, in MiB.")
    var maxSize: Int = XMLSafetyLimits.standard.maximumFileBytes >> 20

    /// A reader set up from the configuration: shipped schemas, gazetteer, tagging rules.
    func reader(configuration: Configuration) -> CatalogueReader {
        var limits = XMLSafetyLimits.standard
        limits.maximumFileBytes = maxSize << 20
        return CatalogueReader(
            options: CatalogueReadOptions(configuration: configuration, profile: profile, limits: limits))
    }
}

/// How a catalogue's outcome is told to people.
enum CatalogueReportText {
    /// The summary line, the notes, then one line per problem.
    static func lines(_ summary: CatalogueSummary, language: Language) -> [String] {
        let rejected = summary.rejectedCourses.count
        var lines = [
            language.pick(
                "\(summary.file) : format \(summary.format.rawValue), \(summary.providers.count) organisme(s), "
                    + "\(summary.acceptedCourses) formation(s) acceptée(s) (\(summary.acceptedSessions) session(s)), "
                    + "\(rejected) formation(s) en erreur, \(summary.errorCount) erreur(s), "
                    + "\(summary.warningCount) avertissement(s)",
                "\(summary.file): format \(summary.format.rawValue), \(summary.providers.count) provider(s), "
                    + "\(summary.acceptedCourses) course(s) accepted (\(summary.acceptedSessions) session(s)), "
                    + "\(rejected) course(s) in error, \(summary.errorCount) error(s), "
                    + "\(summary.warningCount) warning(s)")
        ]
        lines += summary.notes.map { language.pick("note : ", "note: ") + $0.text(in: language) }
        lines += summary.diagnostics.map { $0.formatted(file: summary.file, language: language) }
        if summary.diagnostics.count < summary.errorCount + summary.warningCount {
            lines.append(
                language.pick(
                    "(seuls les \(summary.diagnostics.count) premiers problèmes sont listés)",
                    "(only the first \(summary.diagnostics.count) problems are listed)"))
        }
        return lines
    }

    /// The machine-readable report of `validate catalogue --json`.
    struct JSONReport: Encodable {
        struct Problem: Encodable {
            let severity: String
            let line: Int?
            let column: Int?
            let path: String?
            let course: String?
            let message: String
        }
        let file: String
        let format: String
        let notes: [String]
        let providers: [String]
        let acceptedCourses: Int
        let acceptedSessions: Int
        let rejectedCourses: [String]
        let errors: Int
        let warnings: Int
        let problems: [Problem]
        let exitStatus: Int32

        init(_ summary: CatalogueSummary, language: Language) {
            file = summary.file
            format = summary.format.rawValue
            notes = summary.notes.map { $0.text(in: language) }
            providers = summary.providers.map(\.id)
            acceptedCourses = summary.acceptedCourses
            acceptedSessions = summary.acceptedSessions
            rejectedCourses = summary.rejectedCourses
            errors = summary.errorCount
            warnings = summary.warningCount
            problems = summary.diagnostics.map {
                Problem(
                    severity: $0.severity.rawValue, line: $0.line, column: $0.column, path: $0.path,
                    course: $0.courseID, message: $0.message(in: language))
            }
            exitStatus = summary.exitStatus
        }
    }

    /// What `--json` prints for a refused file.
    struct RefusalJSON: Encodable {
        let file: String
        let refused = true
        let line: Int?
        let column: Int?
        let message: String
        let exitStatus: Int32 = 2

        init(_ refusal: CatalogueRefusal, language: Language) {
            file = refusal.file
            line = refusal.line
            column = refusal.column
            message = language.pick(refusal.messageFR, refusal.messageEN)
        }
    }

    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }

    /// A refused file: exit status 2, its reason on stderr.
    static func failure(_ refusal: CatalogueRefusal, language: Language) -> CommandFailure {
        CommandFailure(lines: [refusal.formatted(language: language)], code: 2)
    }
}
