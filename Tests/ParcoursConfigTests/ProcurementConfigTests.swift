import Foundation
import ParcoursConfig
import ParcoursModel
import Testing

@Suite struct ProcurementConfigTests {
    @Test func loadsThresholdsBuyersPricesAndThemes() throws {
        let rules = try shippedConfiguration.get().procurement
        #expect(Set(rules.buyers.map(\.territoryID)) == ["namur", "bastia"])
        #expect(rules.themes.flatMap(\.competences).count == 16)
        #expect(rules.theme(teaching: CompetenceCode("4.2"))?.id == "protection-securite")
        #expect(rules.trainingPrice(country: .france, format: .remote)?.unit == .traineeDay)
        #expect(rules.referencePrices.allSatisfy { !$0.source.isEmpty })
        // The French no-publicity threshold moves from 40 000 € to 60 000 € on 1 April 2026.
        let french = rules.thresholds.filter { $0.country == .france && $0.procedure == .directAward }
        #expect(
            french.first { $0.isInForce(on: CalendarDay(year: 2026, month: 3, day: 31)) }?.below
                == EuroAmount(euros: 40_000))
        #expect(
            french.first { $0.isInForce(on: CalendarDay(year: 2026, month: 4, day: 1)) }?.below
                == EuroAmount(euros: 60_000))
        // Computer training is in the light-regime range but kept out until Annex XIV is checked.
        let computer = try #require(CPVCode("80533100-0"))
        #expect(rules.lightRegime.regime(of: computer).regime == .standard)
        #expect(rules.lightRegime.regime(of: computer).unconfirmed != nil)
        #expect(rules.lightRegime.regime(of: try #require(CPVCode("80500000-9"))).regime == .light)
        #expect(rules.lightRegime.regime(of: try #require(CPVCode("72260000-5"))).regime == .standard)
    }

    @Test func refusesAGapBetweenTiers() throws {
        let error = try configErrorAfterEditing("procurement/thresholds.yaml") {
            $0.replacingOccurrences(
                of: "    from: 90000\n    below: 216000", with: "    from: 95000\n    below: 216000")
        }
        #expect(error?.field?.hasPrefix("tiers[") == true)
        #expect(error?.field?.hasSuffix("].from") == true)
        #expect(error?.description(in: .french).contains("trou à 90000.00 €") == true)
    }

    @Test func refusesACompetenceInTwoThemes() throws {
        let error = try configErrorAfterEditing("procurement/themes.yaml") {
            $0.replacingOccurrences(of: "competences: [\"5.1\", \"5.2\"]", with: "competences: [\"5.1\", \"1.2\"]")
        }
        #expect(error?.field == "themes[4].competences[1]")
        #expect(error?.line == (try shippedLine(of: "competences: [\"5.1\", \"5.2\"]", in: "procurement/themes.yaml")))
    }

    @Test func refusesAwardWeightsNotAddingUpTo100() throws {
        let error = try configErrorAfterEditing("procurement/buyers.yaml") {
            $0.replacingOccurrences(of: "weight: 60", with: "weight: 50")
        }
        #expect(error?.field == "buyers[0].award_criteria")
        #expect(error?.description(in: .english).contains("weights add up to 90") == true)
    }

    @Test func refusesAPriceIncludingVAT() throws {
        let error = try configErrorAfterEditing("procurement/prices.yaml") {
            $0.replacingOccurrences(of: "amount: 110\n    vat: HT", with: "amount: 110\n    vat: TTC")
        }
        #expect(error?.field == "reference_prices[0].vat")
    }
}
