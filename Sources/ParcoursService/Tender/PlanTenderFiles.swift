import Foundation
import ParcoursModel
import ParcoursStore
import ParcoursTender
import ParcoursTenderDocuments
import ParcoursWorkflow

/// The tender package of one stored plan, drafted as `parcours tender --plan ID` drafts it (launched
/// today in the territory's time zone, with the database's comparable catalogue prices), in memory.
struct PlanTenderFiles: Sendable {
    let source: PlanTenderDemand.Source
    let launchDate: CalendarDay
    /// One package per country the plan's tendered needs belong to; empty when nothing is to tender.
    let packages: [RenderedPackage]
    /// The whole package as a ZIP: `index.html` and each package's folder.
    let archive: Data

    /// The file `name` of the package in `folder`.
    func file(folder: String, name: String) -> RenderedPackage.File? {
        packages.first { $0.folder == folder }?.files.first { $0.name == name }
    }

    /// The media type of a package file, by its extension.
    static func mediaType(of name: String) -> String {
        switch name.split(separator: ".").last {
        case "odt": "application/vnd.oasis.opendocument.text"
        case "ods": "application/vnd.oasis.opendocument.spreadsheet"
        case "html": "text/html; charset=utf-8"
        case "xml": "application/xml"
        default: "application/octet-stream"
        }
    }
}

/// Tender packages already drafted, by plan, launch day and comparable prices: drafting validates the
/// notice against the eForms XSDs and renders every document, too long to redo for each file asked.
/// Keeps the few latest.
actor TenderCache {
    private struct Key: Hashable {
        let planID: Int64
        let day: CalendarDay
        let comparables: [ComparablePrice]
    }

    private static let capacity = 4
    private var entries: [(key: Key, files: PlanTenderFiles)] = []

    /// The package of plan `id` (its `record`), drafted with `drafting` for a launch on `day`.
    func files(
        planID id: Int64, record: PlanRecord, day: CalendarDay, drafting: TenderDrafting
    ) throws(TenderError) -> PlanTenderFiles {
        let key = Key(planID: id, day: day, comparables: drafting.comparables)
        if let entry = entries.first(where: { $0.key == key }) { return entry.files }
        let demand = PlanTenderDemand(plans: [(id, record)], launchDate: day)
        let packages = try drafting.packages(for: demand.demand)
        let writer = drafting.writer()
        let rendered = writer.render(packages, issueDate: day)
        let files = PlanTenderFiles(
            source: demand.sources[0], launchDate: day, packages: rendered, archive: writer.archive(rendered))
        entries = [(key, files)] + entries.prefix(Self.capacity - 1)
        return files
    }
}
