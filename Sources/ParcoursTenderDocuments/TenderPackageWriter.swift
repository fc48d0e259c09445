import Foundation
import ParcoursModel
import ParcoursOutput
import ParcoursTender

/// What was written for one package.
public struct WrittenPackage: Sendable {
    public let package: TenderPackage
    public let folder: URL
    /// File names written in the folder, in order.
    public let files: [String]
    /// The XSD's complaints about the notice; nil when the schema was not available.
    public let noticeProblems: [String]?
}

/// One package's files in memory: its folder's name (`BE-namur`) and each file's name and bytes.
public struct RenderedPackage: Sendable {
    public struct File: Sendable {
        public let name: String
        public let data: Data
    }

    public let package: TenderPackage
    public let folder: String
    public let files: [File]
    /// The XSD's complaints about the notice; nil when the schema was not available.
    public let noticeProblems: [String]?
}

/// Writes tender packages to a folder: one sub-folder per package (`BE-namur`, `FR-bastia`) with the
/// country's documents as OpenDocument and HTML, the price schedules as spreadsheets with formulas, the
/// eForms notice and the note to the buyer; an `index.html` lists them.
public struct TenderPackageWriter: Sendable {
    public let framework: CompetenceFramework
    public let rules: ProcurementRules
    public let schema: NoticeSchema?

    public init(framework: CompetenceFramework, rules: ProcurementRules, schema: NoticeSchema?) {
        self.framework = framework
        self.rules = rules
        self.schema = schema
    }

    /// Writes `packages` into `directory`, one sub-folder each, and an `index.html` listing them.
    public func write(_ packages: [TenderPackage], to directory: URL, issueDate: CalendarDay) throws -> [WrittenPackage]
    {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var written: [WrittenPackage] = []
        for rendered in render(packages, issueDate: issueDate) {
            let folder = directory.appending(path: rendered.folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for file in rendered.files { try file.data.write(to: folder.appending(path: file.name)) }
            written.append(
                WrittenPackage(
                    package: rendered.package, folder: folder, files: rendered.files.map(\.name),
                    noticeProblems: rendered.noticeProblems))
        }
        try Data(index(written.map { ($0.package, $0.folder.lastPathComponent, $0.files) }).utf8).write(
            to: directory.appending(path: "index.html"))
        return written
    }

    /// The files of `packages` in memory, in the order `write` writes them: what the service serves.
    public func render(_ packages: [TenderPackage], issueDate: CalendarDay) -> [RenderedPackage] {
        packages.map { render($0, issueDate: issueDate) }
    }

    /// The archive of `rendered` (stored entries): each package's files under its folder, and the
    /// `index.html` that links them, as `write` lays them out on disk.
    public func archive(_ rendered: [RenderedPackage]) -> Data {
        var entries = [
            (path: "index.html", data: Data(index(rendered.map { ($0.package, $0.folder, $0.files.map(\.name)) }).utf8))
        ]
        for package in rendered {
            entries += package.files.map { (path: "\(package.folder)/\($0.name)", data: $0.data) }
        }
        return StoredZIP.archive(entries)
    }

    private func render(_ package: TenderPackage, issueDate: CalendarDay) -> RenderedPackage {
        let common = CommonSections(package: package, framework: framework)
        let administrative = AdministrativeSections(package: package)
        let schedules = PriceSchedules(package: package, rules: rules)
        let (documents, spreadsheets): ([TextDocument], [Spreadsheet])
        switch package.country {
        case .belgium:
            let country = BelgianPackage(
                package: package, common: common, administrative: administrative, schedules: schedules)
            (documents, spreadsheets) = (country.documents(), country.spreadsheets())
        case .france:
            let country = FrenchPackage(
                package: package, common: common, administrative: administrative, schedules: schedules)
            (documents, spreadsheets) = (country.documents(), country.spreadsheets())
        }
        let notice = ContractNotice(
            package: package, noticeID: Self.uuid("notice", package, issueDate),
            folderID: Self.uuid("folder", package, issueDate),
            issueDate: issueDate
        ).xml
        let problems = schema?.problems(in: notice)
        let note = BuyerNote(package: package, rules: rules, noticeProblems: problems).document()
        var files: [RenderedPackage.File] = []
        for document in [note] + documents {
            files.append(.init(name: "\(document.fileName).odt", data: OpenDocumentText.data(document)))
            files.append(.init(name: "\(document.fileName).html", data: Data(HTMLDocument.render(document).utf8)))
        }
        for spreadsheet in spreadsheets {
            files.append(.init(name: "\(spreadsheet.fileName).ods", data: OpenDocumentSpreadsheet.data(spreadsheet)))
            files.append(
                .init(name: "\(spreadsheet.fileName).html", data: Data(HTMLDocument.render(spreadsheet).utf8)))
        }
        files.append(.init(name: "avis-eforms.xml", data: Data(notice.utf8)))
        return RenderedPackage(
            package: package, folder: "\(package.country.rawValue)-\(package.territory.id)", files: files,
            noticeProblems: problems)
    }

    private func index(_ written: [(package: TenderPackage, folder: String, files: [String])]) -> String {
        var body = "<h1 class=\"title\">Dossiers de consultation</h1>\n"
        for item in written {
            let package = item.package
            let folder = item.folder
            body += "<h2>\(HTMLText.escape(package.buyer.name)) (\(package.country.rawValue))</h2>\n"
            body +=
                "<p>\(FrenchText.plural(package.lots.count, "lot")), \(HTMLText.escape(FrenchText.euros(package.maximumTotal))) HT de maximum — \(HTMLText.escape(package.recommendation.tier.titleFR)) — avis eForms \(package.recommendation.eFormsSubtype).</p>\n<ul>"
            for file in item.files where !file.hasSuffix(".html") {
                let html = file.hasSuffix(".xml") ? file : String(file.dropLast(4)) + ".html"
                body +=
                    "<li><a href=\"\(folder)/\(html)\">\(HTMLText.escape(html))</a>\(file.hasSuffix(".xml") ? "" : " (<a href=\"\(folder)/\(file)\">\(HTMLText.escape(file))</a>)")</li>"
            }
            body += "</ul>\n"
        }
        return HTMLDocument.page(title: "Dossiers de consultation", body: body)
    }

    /// A UUID-shaped identifier derived from the package, so that the same package gives the same notice.
    static func uuid(_ salt: String, _ package: TenderPackage, _ day: CalendarDay) -> String {
        let text =
            "\(salt)|\(package.territory.id)|\(day)|\(package.lots.map { "\($0.number):\($0.theme.id):\($0.area.id):\($0.format.rawValue):\($0.trainees)" }.joined(separator: ","))"
        func fnv(_ seed: UInt64) -> UInt64 {
            text.utf8.reduce(seed) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        }
        let high = fnv(0xcbf2_9ce4_8422_2325)
        let low = fnv(0x8422_2325_cbf2_9ce4)
        let hex = String(format: "%016llx%016llx", high, (low & 0x0FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000)
        let characters = Array(hex)
        let version = "4" + String(characters[13..<16])
        return
            "\(String(characters[0..<8]))-\(String(characters[8..<12]))-\(version)-\(String(characters[16..<20]))-\(String(characters[20..<32]))"
    }
}
