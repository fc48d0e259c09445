import Foundation
import ParcoursModel

/// `Config/territories.yaml`: the territories, their communes (resolved in the gazetteer by code),
/// circuity, time zone and school calendar.
enum TerritoriesFile {
    static let name = "territories.yaml"

    private struct File: Decodable {
        let territories: [Territory]
    }
    private struct Territory: Decodable {
        struct Circuity: Decodable {
            struct ShortTrip: Decodable {
                let below_km: Double
                let factor: Double
            }
            let factor: Double
            let short_trip: ShortTrip?
        }
        struct Member: Decodable {
            let code: String
            let name: String
            let arrondissement: String?
        }
        let id: String
        let fr: String
        let en: String
        let country: String
        let timezone: String
        let nuts: [String]
        let school_calendar: String?
        let circuity: Circuity
        let communes: [Member]
    }

    /// The references a territory may point to, loaded from the other files.
    struct References {
        let gazetteer: Gazetteer
        let statuses: [Country: [EmploymentStatus]]
        let schoolCalendars: [SchoolCalendar]
    }

    static func load(from url: URL, references: References) throws -> [ParcoursModel.Territory] {
        let yaml = try YAMLFile(url: url)
        let file = try yaml.decode(File.self)
        var seenTerritories = Set<String>()
        var seenCommunes = Set<String>()
        return try file.territories.enumerated().map { index, territory in
            let path: [FieldKey] = ["territories", .index(index)]
            try yaml.checkSlug(territory.id, at: path + ["id"])
            guard seenTerritories.insert(territory.id).inserted else {
                throw yaml.error(
                    at: path + ["id"], "territory \(territory.id) appears twice",
                    fr: "le territoire \(territory.id) apparaît deux fois")
            }
            let country = try yaml.country(territory.country, at: path + ["country"])
            guard TimeZone(identifier: territory.timezone) != nil else {
                throw yaml.error(
                    at: path + ["timezone"], "unknown time zone \"\(territory.timezone)\"",
                    fr: "fuseau horaire inconnu « \(territory.timezone) »")
            }
            if let calendar = territory.school_calendar,
                !references.schoolCalendars.contains(where: { $0.id == calendar })
            {
                throw yaml.error(
                    at: path + ["school_calendar"], "no school calendar \"\(calendar)\" in \(SchoolHolidaysFile.name)",
                    fr: "pas de calendrier scolaire « \(calendar) » dans \(SchoolHolidaysFile.name)")
            }
            guard let statuses = references.statuses[country], !statuses.isEmpty else {
                throw yaml.error(
                    at: path + ["country"], "\(StatusesFile.name) lists no status for \(country.rawValue)",
                    fr: "\(StatusesFile.name) ne liste aucun statut pour \(country.rawValue)")
            }
            let circuity = try circuity(territory.circuity, at: path + ["circuity"], in: yaml)
            let communes = try territory.communes.enumerated().map { communeIndex, member in
                let memberPath = path + ["communes", .index(communeIndex)]
                guard seenCommunes.insert(member.code).inserted else {
                    throw yaml.error(
                        at: memberPath + ["code"], "commune \(member.code) is listed twice",
                        fr: "la commune \(member.code) figure deux fois")
                }
                guard let commune = references.gazetteer.commune(code: member.code),
                    references.gazetteer.communes[country, default: []].contains(commune)
                else {
                    throw yaml.error(
                        at: memberPath + ["code"], "no commune \(member.code) of \(country.rawValue) in Config/places",
                        fr: "pas de commune \(member.code) (\(country.rawValue)) dans Config/places")
                }
                guard TitleKey.make(commune.name) == TitleKey.make(member.name) else {
                    throw yaml.error(
                        at: memberPath + ["name"],
                        "commune \(member.code) is \"\(commune.name)\" in the gazetteer, not \"\(member.name)\"",
                        fr: "la commune \(member.code) est « \(commune.name) » au répertoire, pas « \(member.name) »")
                }
                guard territory.nuts.contains(commune.nuts3) else {
                    throw yaml.error(
                        at: memberPath + ["code"],
                        "commune \(member.code) lies in \(commune.nuts3), not in the territory's nuts",
                        fr: "la commune \(member.code) est en \(commune.nuts3), hors des nuts du territoire")
                }
                return Commune(
                    code: commune.code, name: commune.name, postalCodes: commune.postalCodes,
                    coordinate: commune.coordinate, population: commune.population, nuts3: commune.nuts3,
                    arrondissement: member.arrondissement)
            }
            guard !communes.isEmpty else {
                throw yaml.error(at: path + ["communes"], "lists no commune", fr: "ne liste aucune commune")
            }
            return ParcoursModel.Territory(
                id: territory.id, name: territory.fr, country: country, circuityFactor: circuity.factor,
                communes: communes, statuses: statuses, nameEN: territory.en, timeZoneIdentifier: territory.timezone,
                nuts3Regions: territory.nuts, schoolCalendarID: territory.school_calendar, circuity: circuity)
        }
    }

    private static func circuity(_ circuity: Territory.Circuity, at path: [FieldKey], in yaml: YAMLFile) throws
        -> ParcoursModel.Circuity
    {
        guard (1...3).contains(circuity.factor) else {
            throw yaml.error(
                at: path + ["factor"], "a circuity factor lies between 1 and 3, not \(circuity.factor)",
                fr: "un facteur de détour est entre 1 et 3, pas \(circuity.factor)")
        }
        if let short = circuity.short_trip {
            guard (1...3).contains(short.factor), short.below_km > 0 else {
                throw yaml.error(
                    at: path + ["short_trip"], "needs below_km > 0 and a factor between 1 and 3",
                    fr: "demande below_km > 0 et un facteur entre 1 et 3")
            }
        }
        return ParcoursModel.Circuity(
            factor: circuity.factor, shortTripBelowKilometres: circuity.short_trip?.below_km,
            shortTripFactor: circuity.short_trip?.factor)
    }
}
