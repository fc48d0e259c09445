import Foundation
import ParcoursModel
import ParcoursTender
import ParcoursTenderDocuments
import Testing

@Suite struct ContractNoticeTests {
    let schema = NoticeSchema(configDirectory: repositoryConfig)

    func notice(_ package: TenderPackage) -> String {
        ContractNotice(
            package: package, noticeID: "f42be27e-09cf-4f0e-a745-63ec689631e6",
            folderID: "4805c409-5939-4be9-8abd-837f7a5fee23", issueDate: PackageFixtures.launch
        ).xml
    }

    func count(_ text: String, in xml: String) -> Int { xml.components(separatedBy: text).count - 1 }

    @Test func voluntaryNoticesBelowTheThresholdsAreValid() throws {
        let schema = try #require(schema)
        let packages = try PackageFixtures.packages()
        #expect(packages.map(\.country) == [.belgium, .france])
        for package in packages {
            let xml = notice(package)
            #expect(schema.problems(in: xml) == [])
            #expect(xml.contains(">E3</cbc:SubTypeCode>"))
            #expect(xml.contains("<cbc:RegulatoryDomain>other</cbc:RegulatoryDomain>"))
            #expect(count("<cac:ProcurementProjectLot>", in: xml) == package.lots.count)
            // The buyer and every commune it acts for are contracting parties; the buyer is a CPB.
            #expect(count("<cac:ContractingParty>", in: xml) == 1 + package.communesActedFor.count)
            #expect(xml.contains("listName=\"buyer-contracting-type\">cpb<"))
            #expect(xml.contains("<efbc:AwardingCPBIndicator>true</efbc:AwardingCPBIndicator>"))
            for lot in package.lots {
                #expect(
                    xml.contains(
                        "currencyID=\"EUR\">\(lot.estimate.frameworkMaximum.plainDecimal)</efbc:FrameworkMaximumAmount>"
                    ))
                for place in lot.area.nuts3 { #expect(xml.contains("listName=\"nuts\">\(place)<")) }
            }
            #expect(xml.contains("listName=\"cpv\">80533100<"))
            #expect(xml.contains("<cbc:DurationMeasure unitCode=\"MONTH\">48</cbc:DurationMeasure>"))
            #expect(xml.contains("listName=\"award-criterion-type\">quality<"))
        }
    }

    @Test func standardAndLightRegimeNoticesAreValid() throws {
        let schema = try #require(schema)
        // Prices × 40 take both packages over 216 000 € HT: subtype 16 (computer training, standard regime).
        let standard = try PackageFixtures.packages(rules: PackageFixtures.rules(priceFactor: 40))
        for package in standard {
            #expect(package.recommendation.eFormsSubtype == "16")
            let xml = notice(package)
            #expect(schema.problems(in: xml) == [])
            #expect(xml.contains("<cbc:NoticeTypeCode listName=\"competition\">cn-standard</cbc:NoticeTypeCode>"))
            #expect(xml.contains("<cbc:RegulatoryDomain>32014L0024</cbc:RegulatoryDomain>"))
        }
        // With training services (80500000-9, light regime) and prices × 200: over 750 000 €, subtype 20.
        let light = try PackageFixtures.packages(rules: PackageFixtures.rules(priceFactor: 200, lightCPV: "80500000-9"))
        for package in light {
            #expect(package.recommendation.eFormsSubtype == "20")
            let xml = notice(package)
            #expect(schema.problems(in: xml) == [])
            #expect(xml.contains(">cn-social</cbc:NoticeTypeCode>"))
        }
    }

    @Test func theSchemaRefusesABrokenNotice() throws {
        let schema = try #require(schema)
        let package = try #require(try PackageFixtures.packages().first)
        let broken = notice(package).replacingOccurrences(
            of: "<cbc:UBLVersionID>2.3</cbc:UBLVersionID>", with: "<cbc:Version>2.3</cbc:Version>")
        #expect(!schema.problems(in: broken).isEmpty)
    }
}
