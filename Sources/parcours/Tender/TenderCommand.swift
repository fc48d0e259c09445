import ArgumentParser
import Foundation
import ParcoursModel
import ParcoursStore
import ParcoursTender
import ParcoursTenderDocuments

/// `parcours tender --demand FILE --out DIR`: drafts the tender packages (one per country) of a demand
/// file, from Config and, when the database exists, the comparable catalogue prices it holds.
struct TenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tender",
        abstract: "Draft tender packages (lots, estimates, procedure, documents, eForms notice) from uncovered needs.",
        discussion: "The demand file is JSON (see README: launch_date, needs, additions, removals).")

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: "The demand file (JSON): uncovered needs and the coordinator's changes.")
    var demand: String

    @Option(name: .long, help: "The folder to write the packages to (created if missing).")
    var out: String

    func run() async throws {
        let configuration = try options.loadConfiguration()
        let language = options.language
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: demand))
        } catch {
            throw CommandFailure(lines: ["\(demand): " + language.pick("fichier illisible", "cannot read the file")])
        }
        let request: TenderDemand
        do {
            request = try TenderDemandFile.read(data, maximumLevel: configuration.framework.maximumLevel)
        } catch {
            throw CommandFailure(lines: ["\(demand): \(error.message(in: language))"])
        }
        let planner = TenderPlanner(
            rules: configuration.procurement, territories: configuration.territories,
            comparables: try await comparables())
        let packages: [TenderPackage]
        do {
            packages = try planner.packages(for: request)
        } catch {
            throw CommandFailure(lines: ["\(demand): \(error.message(in: language))"])
        }
        let writer = TenderPackageWriter(
            framework: configuration.framework, rules: configuration.procurement,
            schema: NoticeSchema(configDirectory: configuration.directory))
        let written = try options.reportingFailures {
            try writer.write(packages, to: URL(fileURLWithPath: out), issueDate: request.launchDate)
        }
        var invalid: [String] = []
        for item in written {
            let package = item.package
            let validity: String
            switch item.noticeProblems {
            case .none:
                validity = language.pick(
                    "schéma eForms absent, avis non validé", "eForms schema missing, notice not validated")
            case .some(let problems) where problems.isEmpty:
                validity = language.pick(
                    "avis valide (XSD ; Schematron TED non vérifié)", "notice valid (XSD; TED Schematron not checked)")
            case .some(let problems):
                validity = language.pick("avis NON VALIDE", "notice INVALID")
                invalid += problems.map { "\(item.folder.lastPathComponent)/avis-eforms.xml: \($0)" }
            }
            print(
                language.pick(
                    "\(item.folder.path) : \(package.lots.count) lots, maximum \(package.maximumTotal.formatted(in: .french)) HT — \(package.recommendation.tier.titleFR) — eForms \(package.recommendation.eFormsSubtype) — \(validity)",
                    "\(item.folder.path): \(package.lots.count) lots, maximum \(package.maximumTotal.formatted(in: .english)) excl. VAT — \(package.recommendation.tier.titleEN) — eForms \(package.recommendation.eFormsSubtype) — \(validity)"
                ))
        }
        if !invalid.isEmpty { throw CommandFailure(lines: invalid) }
    }

    /// Priced catalogue courses of the database, when it exists (the command creates none).
    private func comparables() async throws -> [ComparablePrice] {
        guard FileManager.default.fileExists(atPath: options.database) else { return [] }
        let courses = try await options.reportingFailures { try await options.openStore().currentCourses() }
        return courses.compactMap { course in
            guard let price = course.price, let hours = course.hours, hours > 0 else { return nil }
            return ComparablePrice(
                courseID: course.id, competences: Set(course.competences.map(\.code)), format: course.format,
                hours: hours,
                price: price)
        }
    }
}
