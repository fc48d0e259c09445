import Foundation
import ParcoursConfig
import ParcoursModel
import ParcoursStore
import ParcoursTender
import ParcoursTenderDocuments
import ParcoursWorkflow

/// The drafting step of `parcours tender` and `parcours demo`: demand → packages (one per country) →
/// documents and eForms notice in `out/`, one line per package on stdout; a notice the XSD refuses
/// fails the command.
struct TenderDrafter {
    let options: GlobalOptions
    let configuration: Configuration
    /// The database whose priced catalogue courses are the comparable prices; nil for none.
    let store: (any CatalogueStore)?

    var language: Language { options.language }

    /// Drafts and writes the packages of `demand` into `out`; `origin` names the demand in messages.
    func draft(_ demand: TenderDemand, origin: String, out: URL) async throws -> [WrittenPackage] {
        let drafting = try await options.reportingFailures {
            try await TenderDrafting(configuration: configuration, store: store)
        }
        let packages: [TenderPackage]
        do {
            packages = try drafting.packages(for: demand)
        } catch {
            throw CommandFailure(lines: ["\(origin): \(error.message(in: language))"])
        }
        let writer = drafting.writer()
        let written = try options.reportingFailures {
            try writer.write(packages, to: out, issueDate: demand.launchDate)
        }
        var invalid: [String] = []
        for item in written {
            let package = item.package
            let validity = TenderDrafting.noticeValidity(item.noticeProblems, in: language)
            if let problems = item.noticeProblems {
                invalid += problems.map { "\(item.folder.lastPathComponent)/avis-eforms.xml: \($0)" }
            }
            print(
                language.pick(
                    "\(item.folder.path) : \(package.lots.count) lots, maximum \(package.maximumTotal.formatted(in: .french)) \(package.netOfVATFR) — \(package.recommendation.tier.titleFR) — eForms \(package.recommendation.eFormsSubtype) — \(validity)",
                    "\(item.folder.path): \(package.lots.count) lots, maximum \(package.maximumTotal.formatted(in: .english)) excl. VAT — \(package.recommendation.tier.titleEN) — eForms \(package.recommendation.eFormsSubtype) — \(validity)"
                ))
        }
        if !invalid.isEmpty { throw CommandFailure(lines: invalid) }
        return written
    }

    /// One line per plan: its unmet needs, those tendered and those set aside, by reason.
    func summary(of sources: [PlanTenderDemand.Source]) -> [String] {
        func counts(_ byReason: [String: Int]) -> String {
            byReason.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
                .map { UnmetReasonGroups.describe($0.key, in: language) + language.pick(" : ", ": ") + "\($0.value)" }
                .joined(separator: ", ")
        }
        return sources.map { source in
            let tendered = source.tendered.values.reduce(0, +)
            let setAside = source.setAside.values.reduce(0, +)
            return language.pick(
                "Mise en concurrence du plan \(source.planID) (\(source.territoryID)) : \(source.unmetNeeds) besoins non couverts ; \(tendered) mis en consultation (\(counts(source.tendered))) ; \(setAside) laissés au plan, une session de catalogue pouvant les prendre (\(counts(source.setAside))) ; \(source.leftOut) hors du plan",
                "Tender from plan \(source.planID) (\(source.territoryID)): \(source.unmetNeeds) unmet needs; \(tendered) tendered (\(counts(source.tendered))); \(setAside) left to the plan, a catalogue session could take them (\(counts(source.setAside))); \(source.leftOut) outside the plan"
            )
        }
    }
}
