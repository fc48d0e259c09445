import Foundation
import ParcoursConfig
import ParcoursModel
import Testing

@Suite struct TerritoriesTests {
    @Test func loadsNamurAndBastia() throws {
        let configuration = try shippedConfiguration.get()
        let namur = try #require(configuration.territory(id: "namur"))
        #expect(namur.communes.count == 38)
        #expect(namur.country == .belgium)
        #expect(namur.timeZoneIdentifier == "Europe/Brussels")
        #expect(Set(namur.communes.map(\.nuts3)) == ["BE351", "BE352", "BE353"])
        #expect(namur.communes.map(\.population).allSatisfy { $0 != nil })
        let bastia = try #require(configuration.territory(id: "bastia"))
        #expect(bastia.communes.map(\.code) == ["2B033", "2B120", "2B305", "2B309", "2B353"])
        #expect(bastia.status(id: "apprenti")?.labelFR == "Apprenti")
        #expect(configuration.schoolCalendar(of: bastia)?.id == "corse")
    }

    @Test func resolvesCommunesInTheGazetteer() throws {
        let configuration = try shippedConfiguration.get()
        // Values from shared/reference/geo/namur-province-communes.csv.
        let namur = try #require(configuration.territory(ofCommune: "92094")?.commune(code: "92094"))
        #expect(namur.name == "Namur")
        #expect(namur.population == 111_432)
        #expect(namur.postalCodes.first == "5000" && namur.postalCodes.count == 11)
        #expect(namur.coordinate == Coordinate(latitude: 50.46986, longitude: 4.88119))
        #expect(namur.nuts3 == "BE352")
        #expect(namur.arrondissement == "Namur")
        #expect(configuration.territory(ofCommune: "93090")?.commune(code: "93090")?.arrondissement == "Philippeville")
    }

    @Test func estimatesRoadDistanceWithTheTerritoryCircuity() throws {
        let configuration = try shippedConfiguration.get()
        let namur = try #require(configuration.territory(id: "namur"))
        #expect(namur.circuity == Circuity(factor: 1.30, shortTripBelowKilometres: 10, shortTripFactor: 1.40))
        let dinant = try #require(namur.commune(code: "91034")).coordinate
        let city = try #require(namur.commune(code: "92094")).coordinate
        let straight = city.distanceKilometres(to: dinant)
        #expect(straight > 10)
        #expect(abs(namur.roadKilometres(from: city, to: dinant) - straight * 1.30) < 1e-9)
        #expect(namur.circuity.roadKilometres(straightLine: 4) == 4 * 1.40)
    }

    @Test func keepsEveryCommuneOfAnAmbiguousPostalCode() throws {
        let gazetteer = try shippedConfiguration.get().gazetteer
        #expect(gazetteer.communes.values.map(\.count).reduce(0, +) == 565 + 360)
        #expect(
            gazetteer.communes(postalCode: "20200", country: .france).map(\.code) == [
                "2B033", "2B305", "2B309", "2B353",
            ])
        #expect(gazetteer.communes(postalCode: "1040", country: .belgium).count == 2)
        #expect(gazetteer.communes(postalCode: "5030", country: .belgium).map(\.name) == ["Gembloux"])
        #expect(gazetteer.communes(postalCode: "5030", country: .france).isEmpty)
        #expect(gazetteer.communes(named: "namen").map(\.code) == ["92094"])
        #expect(gazetteer.communes(named: "SANTA MARIA DI LOTA").isEmpty)
        #expect(gazetteer.communes(named: "santa-maria-di-lota").map(\.code) == ["2B309"])
    }

    @Test func refusesACommuneWhoseNameDoesNotMatchItsCode() throws {
        let error = try configErrorAfterEditing("territories.yaml") {
            $0.replacingOccurrences(
                of: "{code: \"91015\", name: \"Bièvre\"", with: "{code: \"91015\", name: \"Bouillon\"")
        }
        #expect(error?.field == "territories[0].communes[2].name")
        #expect(error?.line == (try shippedLine(of: "\"91015\"", in: "territories.yaml")))
        #expect(error?.message.contains("\"Bièvre\" in the gazetteer") == true)
    }

    @Test func namesTheLineAndColumnOfABadGazetteerRow() throws {
        let error = try configErrorAfterEditing("places/communes-fr.csv") {
            $0.replacingOccurrences(of: "2B120,Furiani,,20600,42.65220", with: "2B120,Furiani,,20600,142.65220")
        }
        #expect(error?.field == "lat")
        #expect(error?.line == (try shippedLine(of: "2B120,Furiani", in: "places/communes-fr.csv")))
        #expect(error?.file.hasSuffix("places/communes-fr.csv") == true)
    }

    @Test func refusesAnUnknownTimeZone() throws {
        let error = try configErrorAfterEditing("territories.yaml") {
            $0.replacingOccurrences(of: "timezone: Europe/Paris", with: "timezone: Europe/Bastia")
        }
        #expect(error?.field == "territories[1].timezone")
    }
}
