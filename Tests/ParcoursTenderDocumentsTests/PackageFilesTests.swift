import Foundation
import ParcoursModel
import ParcoursTender
import ParcoursTenderDocuments
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Each test writes the packages into its own temporary folder, removed when the test ends.
@Suite final class PackageFilesTests {
    let folder = PackageFixtures.temporaryFolder()
    let written: [WrittenPackage]

    init() throws {
        do {
            written = try PackageFixtures.writer().write(
                PackageFixtures.packages(), to: folder, issueDate: PackageFixtures.launch)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func package(_ country: Country) throws -> WrittenPackage {
        try #require(written.first { $0.package.country == country })
    }

    @Test func writesEachCountrysDocuments() throws {
        let belgian = try package(.belgium)
        #expect(belgian.folder.lastPathComponent == "BE-namur")
        for name in [
            "cahier-special-des-charges", "formulaire-offre", "demande-dume", "note-acheteur",
        ] {
            #expect(belgian.files.contains("\(name).odt") && belgian.files.contains("\(name).html"))
        }
        for name in ["inventaire", "communes-participantes", "estimation-confidentielle"] {
            #expect(belgian.files.contains("\(name).ods"))
        }
        let french = try package(.france)
        for name in ["reglement-de-consultation", "ccap", "cctp", "acte-engagement", "demande-dume", "note-acheteur"] {
            #expect(french.files.contains("\(name).odt") && french.files.contains("\(name).html"))
        }
        for name in ["bpu", "dqe", "communes-participantes", "estimation-confidentielle"] {
            #expect(french.files.contains("\(name).ods"))
        }
        for written in [belgian, french] {
            #expect(written.noticeProblems == [])
            #expect(written.files.contains("avis-eforms.xml"))
        }
        // The Belgian specification has its three parts; the CCAP lists its deviations from the CCAG-FCS.
        let specification = try String(
            contentsOf: belgian.folder.appending(path: "cahier-special-des-charges.html"), encoding: .utf8)
        for part in [
            "Partie I — Dispositions administratives", "Partie II — Dispositions contractuelles",
            "Partie III — Prescriptions techniques",
        ] {
            #expect(specification.contains(part))
        }
        let ccap = try String(contentsOf: french.folder.appending(path: "ccap.html"), encoding: .utf8)
        #expect(ccap.contains("Récapitulatif des dérogations au CCAG-FCS"))
        let note = try String(contentsOf: french.folder.appending(path: "note-acheteur.html"), encoding: .utf8)
        #expect(note.contains("Schematron"))
        #expect(note.contains(french.package.recommendation.tier.source))
    }

    @Test func textDocumentsAreOpenDocumentPackages() throws {
        let belgian = try package(.belgium)
        let archive = try Data(contentsOf: belgian.folder.appending(path: "cahier-special-des-charges.odt"))
        let entries = try #require(StoredZIP.entries(of: archive))
        #expect(entries.map(\.path) == ["mimetype", "META-INF/manifest.xml", "content.xml", "styles.xml", "meta.xml"])
        #expect(String(decoding: entries[0].data, as: UTF8.self) == "application/vnd.oasis.opendocument.text")
        let content = String(decoding: entries[2].data, as: UTF8.self)
        #expect(content.contains("text:outline-level=\"1\">Partie I — Dispositions administratives</text:h>"))
        #expect(XMLParser(data: entries[2].data).parse())
    }

    @Test(arguments: [
        (Country.belgium, "inventaire"), (.france, "dqe"), (.belgium, "estimation-confidentielle"),
        (.france, "estimation-confidentielle"),
    ])
    func priceSchedulesTotalsAreFormulasThatAddUp(_ country: Country, _ file: String) throws {
        let written = try package(country)
        let reader = try #require(SpreadsheetReader(url: written.folder.appending(path: "\(file).ods")))
        let lots = written.package.lots
        #expect(
            reader.sheets.map(\.name) == ["Récapitulatif"] + lots.map { "Lot \($0.number)" }
                + (file.hasPrefix("estimation") ? ["Méthode"] : []))
        var formulas = 0
        for (name, rows) in reader.sheets {
            for (rowIndex, row) in rows.enumerated() {
                for (columnIndex, cell) in row.enumerated() {
                    guard let formula = cell.formula else { continue }
                    formulas += 1
                    let recomputed = try #require(
                        reader.evaluate(formula, in: name), "\(name)!\(columnIndex),\(rowIndex + 1): \(formula)")
                    #expect(abs(recomputed - (cell.value ?? .nan)) < 0.005, "\(name) row \(rowIndex + 1): \(formula)")
                }
            }
        }
        #expect(formulas >= lots.count * 4)
        for lot in lots {
            let rows = try #require(reader.sheet("Lot \(lot.number)"))
            // The first line's presumed quantity is the lot's group-hours (or trainee-days).
            let quantity = try #require(rows[3][3].value)
            let expected = lot.estimate.referencePrice.unit == .groupHour ? lot.groupHours : lot.traineeHours / 7
            #expect(abs(quantity - expected) < 0.0001)
            let total = try #require(
                rows.first { $0.count > 1 && $0[1].text == "Total \(country == .belgium ? "HTVA" : "HT") du lot" }?[5]
                    .value)
            if file.hasPrefix("estimation") {
                // Priced at the reference prices, the lot total is the estimate before rounding.
                #expect(abs(total - (lot.estimate.referenceAmount + lot.estimate.equipmentAmount).euros) < 0.005)
            } else {
                #expect(total == 0)  // prices are the bidder's to fill in
                #expect(rows[3][4].value == nil)
            }
        }
    }

    @Test func communesListAddsUpToTheLots() throws {
        let written = try package(.belgium)
        let reader = try #require(SpreadsheetReader(url: written.folder.appending(path: "communes-participantes.ods")))
        let rows = try #require(reader.sheet("Communes"))
        #expect(rows.count == 2 + written.package.communesActedFor.count + 1)
        let totals = try #require(rows.last)
        for (index, lot) in written.package.lots.enumerated() {
            let cell = totals[4 + index]
            #expect(cell.value == Double(lot.trainees))
            #expect(reader.evaluate(cell.formula ?? "", in: "Communes") == Double(lot.trainees))
        }
    }

    @Test func negotiationAndRegimeDoubtsAreSaidWhereTheyBelong() throws {
        // Small packages (adapted procedure, low value): the buyer may negotiate. The doubt on the regime of
        // computer training is the buyer's, in its note; the published documents only state the regime.
        let published = [("FR", "reglement-de-consultation.html"), ("BE", "cahier-special-des-charges.html")]
        for (country, file) in published {
            let written = try package(country == "FR" ? .france : .belgium)
            let text = try String(contentsOf: written.folder.appending(path: file), encoding: .utf8)
            #expect(text.contains("se réserve la possibilité de négocier"), "\(file)")
            #expect(!text.contains("retirez-les de cette liste"), "\(file)")
            #expect(text.contains("règles générales de passation"), "\(file)")
            let note = try String(contentsOf: written.folder.appending(path: "note-acheteur.html"), encoding: .utf8)
            #expect(note.contains("retirez-les de cette liste"))
        }
        // Over the EU threshold (prices × 40): the open procedure, where no negotiation is allowed.
        let folder = PackageFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rules = try PackageFixtures.rules(priceFactor: 40)
        let open = try PackageFixtures.writer(rules: rules).write(
            PackageFixtures.packages(rules: rules), to: folder, issueDate: PackageFixtures.launch)
        for written in open {
            #expect(written.package.recommendation.tier.procedure == .open)
            let file =
                written.package.country == .france
                ? "reglement-de-consultation.html" : "cahier-special-des-charges.html"
            let text = try String(contentsOf: written.folder.appending(path: file), encoding: .utf8)
            #expect(text.contains("Aucune négociation"))
            #expect(!text.contains("se réserve la possibilité de négocier"))
        }
    }

    @Test func buyersNoteSpeaksEachCountrysTermsAndListsWhatIsUnconfirmed() throws {
        let belgian = try String(
            contentsOf: try package(.belgium).folder.appending(path: "note-acheteur.html"), encoding: .utf8)
        let french = try String(
            contentsOf: try package(.france).folder.appending(path: "note-acheteur.html"), encoding: .utf8)
        // Net of VAT is HTVA in Belgium, HT in France; each note cites its own national texts for the value.
        #expect(belgian.contains("HTVA (maximum des"))
        #expect(!belgian.contains(" HT (maximum des"))
        #expect(french.contains(" HT (maximum des"))
        #expect(belgian.contains("arrêté royal du 18 avril 2017") && !belgian.contains("R2121-8"))
        #expect(french.contains("R2121-8"))
        // The value and its computation are two different lines, not two lines of the same title.
        #expect(french.components(separatedBy: "Valeur comparée aux seuils").count == 2)
        #expect(french.contains("Mode de calcul"))
        // The unconfirmed CCAG-FCS numbering the CCAP cites is listed for the French buyer only.
        #expect(french.contains("CCAG-FCS, art. 30 à 32"))
        #expect(!belgian.contains("CCAG-FCS"))
    }
}
