import Foundation
import ParcoursModel
import ParcoursTender
import Testing

/// The code lists copied from the eForms SDK (see `Fixtures/codelists/README.md`).
enum CodeLists {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(
        path: "Fixtures/codelists")

    /// `80533100-0` and the like, as the list writes them.
    static func cpvCodes() throws -> Set<String> {
        let text = try String(contentsOf: folder.appending(path: "cpv-training.csv"), encoding: .utf8)
        return Set(text.split(whereSeparator: \.isNewline).dropFirst().map { String($0.split(separator: ",")[1]) })
    }

    static func nuts3() throws -> Set<String> {
        var codes = Set<String>()
        for file in ["nuts3-bel.tsv", "nuts3-fra.tsv"] {
            let text = try String(contentsOf: folder.appending(path: file), encoding: .utf8)
            codes.formUnion(text.split(whereSeparator: \.isNewline).map { String($0.split(separator: "\t")[0]) })
        }
        return codes
    }
}

@Suite struct CodeListTests {
    @Test func themesUseListedCPVCodesWithTheirCheckDigit() throws {
        let rules = try shippedConfiguration.get().procurement
        let listed = try CodeLists.cpvCodes()
        #expect(listed.count == 29)
        for theme in rules.themes { #expect(listed.contains(theme.cpv.description), "\(theme.id): \(theme.cpv)") }
    }

    @Test func buyersTerritoriesAndLotsUseListedNUTS3Codes() throws {
        let configuration = try shippedConfiguration.get()
        let listed = try CodeLists.nuts3()
        for buyer in configuration.procurement.buyers { #expect(listed.contains(buyer.nuts3)) }
        for territory in configuration.territories {
            for code in territory.nuts3Regions { #expect(listed.contains(code)) }
            for commune in territory.communes { #expect(listed.contains(commune.nuts3), "\(commune.code)") }
        }
        // A package drawn on every commune of every shipped territory: its lots' places are listed codes.
        let needs = configuration.territories.flatMap { territory in
            territory.communes.map { commune in
                UncoveredNeed(
                    agent: "k-\(commune.code)", commune: commune.code, competence: CompetenceCode("3.1"),
                    currentLevel: 1,
                    targetLevel: 3, weight: 1, remotePossible: false, equipmentLacking: [], reason: "no-course")
            }
        }
        let packages = try TenderPlanner(rules: configuration.procurement, territories: configuration.territories)
            .packages(for: TenderDemand(launchDate: CalendarDay(year: 2026, month: 6, day: 1), needs: needs))
        #expect(packages.count == configuration.territories.count)
        let places = Set(packages.flatMap(\.lots).flatMap(\.area.nuts3))
        #expect(!places.isEmpty)
        #expect(places.isSubset(of: listed))
    }
}
