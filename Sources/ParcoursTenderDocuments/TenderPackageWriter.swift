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

    public func write(_ packages: [TenderPackage], to directory: URL, issueDate: CalendarDay) throws -> [WrittenPackage]
    {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var written: [WrittenPackage] = []
        for package in packages {
            let folder = directory.appending(path: "\(package.country.rawValue)-\(package.territory.id)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
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
            var files: [String] = []
            for document in [note] + documents {
                try OpenDocumentText.write(document, to: folder.appending(path: "\(document.fileName).odt"))
                try Data(HTMLDocument.render(document).utf8).write(
                    to: folder.appending(path: "\(document.fileName).html"))
                files += ["\(document.fileName).odt", "\(document.fileName).html"]
            }
            for spreadsheet in spreadsheets {
                try OpenDocumentSpreadsheet.write(
                    spreadsheet, to: folder.appending(path: "\(spreadsheet.fileName).ods"))
                try Data(HTMLDocument.render(spreadsheet).utf8).write(
                    to: folder.appending(path: "\(spreadsheet.fileName).html"))
                files += ["\(spreadsheet.fileName).ods", "\(spreadsheet.fileName).html"]
            }
            try Data(notice.utf8).write(to: folder.appending(path: "avis-eforms.xml"))
            files.append("avis-eforms.xml")
            written.append(WrittenPackage(package: package, folder: folder, files: files, noticeProblems: problems))
        }
        try Data(index(written).utf8).write(to: directory.appending(path: "index.html"))
        return written
    }

    private func index(_ written: [WrittenPackage]) -> String {
        var body = "<h1 class=\"title\">Dossiers de consultation</h1>\n"
        for item in written {
            let package = item.package
            let folder = item.folder.lastPathComponent
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
