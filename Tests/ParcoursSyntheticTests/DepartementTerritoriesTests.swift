import Foundation
import ParcoursModel
import ParcoursSynthetic
import Testing

@Suite struct DepartementTerritoriesTests {
    static let header =
        "insee_code,name,dep,reg,arr,postal_codes,lat_centroid,lon_centroid,n_2018_polygons,lat_main_locality,"
        + "lon_main_locality,nuts3,population_municipale,population_totale"
    /// Rows of `shared/reference/geo/fr-communes-2026.csv` (COG 2026, INSEE populations légales 2023, IGN
    /// centroids; Licence Ouverte), copied unchanged. Sannerville has no centroid (split since 2018).
    static let rows = [
        "2B033,Bastia,2B,94,2B2,20200 20600,42.68641,9.42503,1,42.7022,9.4512,FRM02,46867,47374",
        "14001,Ablon,14,28,143,14600,49.39430,0.28706,1,49.3921,0.2958,FRD11,1166,1198",
        "2A004,Ajaccio,2A,94,2A1,20000 20090 20167,41.93461,8.70064,1,41.9189,8.7381,FRM01,76320,77132",
        "14666,Sannerville,14,28,142,14940,,,0,49.1802,-0.2243,FRD11,1905,1927",
        "2B120,Furiani,2B,94,2B2,20600,42.65220,9.41660,1,42.6585,9.4145,FRM02,6585,6684",
    ]
    static let circuity = Circuity(factor: 1.4, shortTripBelowKilometres: 10, shortTripFactor: 1.5)
    static let statuses = [EmploymentStatus(id: "titulaire", labelFR: "Titulaire", labelEN: "Tenured")]

    func read(_ lines: [String]) throws(CommuneListError) -> DepartementTerritories {
        let path = FileManager.default.temporaryDirectory.appending(path: "communes-\(UUID().uuidString).csv").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(lines.joined(separator: "\n").utf8)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try DepartementTerritories(path: path, circuity: Self.circuity, statuses: Self.statuses)
    }

    @Test func makesATerritoryPerDepartementInFirstAppearanceOrder() throws {
        let national = try read([Self.header] + Self.rows)
        #expect(national.territories.map(\.id) == ["2B", "14", "2A"])
        #expect(national.territories.map { $0.communes.map(\.code) } == [["2B033", "2B120"], ["14001"], ["2A004"]])
        #expect(national.skipped.map(\.departement) == ["14"] && national.skipped.map(\.code) == ["14666"])
        let hauteCorse = national.territories[0]
        #expect(hauteCorse.country == .france && hauteCorse.circuity == Self.circuity)
        #expect(hauteCorse.statuses == Self.statuses && hauteCorse.nuts3Regions == ["FRM02"])
        let bastia = hauteCorse.communes[0]
        #expect(bastia.name == "Bastia" && bastia.postalCodes == ["20200", "20600"] && bastia.population == 46_867)
        #expect(bastia.coordinate == Coordinate(latitude: 42.68641, longitude: 9.42503))
    }

    @Test func namesTheLineAndFieldOfABadValue() {
        let bad = Self.rows[2].replacingOccurrences(of: "76320", with: "beaucoup")
        do {
            _ = try read([Self.header] + Self.rows.prefix(2) + [bad])
            Issue.record("read a population that is not a number")
        } catch {
            #expect(error.line == 4 && error.field == "population_municipale")
        }
        do {
            _ = try read([Self.header.replacingOccurrences(of: "lat_centroid", with: "latitude")] + Self.rows)
            Issue.record("read a file without lat_centroid")
        } catch {
            #expect(error.line == 1 && error.field == "lat_centroid")
        }
        do {
            _ = try read([Self.header] + [Self.rows[0], Self.rows[0]])
            Issue.record("read a commune twice")
        } catch {
            #expect(error.line == 3 && error.field == "insee_code")
        }
    }

    /// Haute-Corse's two communes here (53 452 inhabitants) in areas of about 20 000: Bastia (46 867)
    /// in three shares at its centroid, then a cut by latitude (the longer side) at a third of the people.
    @Test func cutsALargeDepartementIntoAreas() throws {
        let hauteCorse = try read([Self.header] + Self.rows).territories[0]
        let areas = hauteCorse.areas(maximumInhabitants: 20_000)
        #expect(areas.map(\.id) == ["2B.1", "2B.2", "2B.3"])
        #expect(areas.map { $0.communes.map(\.code) } == [["2B120", "2B033/1"], ["2B033/2"], ["2B033/3"]])
        #expect(areas.map { $0.communes.reduce(0) { $0 + $1.population! } } == [6_585 + 15_623, 15_622, 15_622])
        #expect(areas.allSatisfy { $0.circuity == Self.circuity && $0.statuses == Self.statuses })
        #expect(areas[1].communes[0].coordinate == hauteCorse.communes[0].coordinate)
        #expect(hauteCorse.areas(maximumInhabitants: 60_000) == [hauteCorse])
    }
}
