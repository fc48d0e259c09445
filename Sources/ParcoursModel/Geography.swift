import Foundation

/// A point on the Earth, in decimal degrees (WGS 84).
public struct Coordinate: Hashable, Codable, Sendable {
    public let latitude: Double
    public let longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Great-circle distance in kilometres (haversine, mean Earth radius 6 371 km).
    public func distanceKilometres(to other: Coordinate) -> Double {
        let radians = Double.pi / 180
        let dLat = (other.latitude - latitude) * radians
        let dLon = (other.longitude - longitude) * radians
        let a =
            sin(dLat / 2) * sin(dLat / 2)
            + cos(latitude * radians) * cos(other.latitude * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * 6371.0 * asin(min(1, sqrt(a)))
    }
}

/// The two countries Parcours serves; their rules (statuses, procurement, holidays) differ.
public enum Country: String, Hashable, Codable, Sendable, CaseIterable {
    case belgium = "BE"
    case france = "FR"

    /// The IANA time zone of the country's territories served here.
    public var timeZoneIdentifier: String {
        switch self {
        case .belgium: "Europe/Brussels"
        case .france: "Europe/Paris"
        }
    }
}

/// A commune (municipality): NIS code in Belgium, INSEE code in France.
public struct Commune: Hashable, Codable, Sendable {
    /// NIS code (BE, e.g. `92094`) or INSEE code (FR, e.g. `2B033`), kept as text.
    public let code: String
    public let name: String
    public let postalCodes: [String]
    public let coordinate: Coordinate
    public let population: Int?
    /// NUTS-3 region, e.g. `BE352` or `FRM02`.
    public let nuts3: String
    /// Arrondissement name when the territory has them (Dinant, Namur, Philippeville).
    public let arrondissement: String?

    public init(
        code: String, name: String, postalCodes: [String], coordinate: Coordinate, population: Int?,
        nuts3: String, arrondissement: String?
    ) {
        self.code = code
        self.name = name
        self.postalCodes = postalCodes
        self.coordinate = coordinate
        self.population = population
        self.nuts3 = nuts3
        self.arrondissement = arrondissement
    }
}

/// An employment status an agent may hold (statutaire, contractuel, apprenti, élu…), kept as data.
public struct EmploymentStatus: Hashable, Codable, Sendable {
    /// A stable slug, e.g. `statutaire`, `ape`, `titulaire`.
    public let id: String
    public let labelFR: String
    public let labelEN: String

    public init(id: String, labelFR: String, labelEN: String) {
        self.id = id
        self.labelFR = labelFR
        self.labelEN = labelEN
    }
}

/// A territory that coordinates training for its communes: the province of Namur, the CA de Bastia.
public struct Territory: Hashable, Codable, Sendable {
    /// A stable slug, e.g. `namur`, `bastia`.
    public let id: String
    public let name: String
    public let country: Country
    /// Road distance ≈ straight-line distance × this factor.
    public let circuityFactor: Double
    public let communes: [Commune]
    public let statuses: [EmploymentStatus]

    public init(
        id: String, name: String, country: Country, circuityFactor: Double, communes: [Commune],
        statuses: [EmploymentStatus]
    ) {
        self.id = id
        self.name = name
        self.country = country
        self.circuityFactor = circuityFactor
        self.communes = communes
        self.statuses = statuses
    }

    public func commune(code: String) -> Commune? { communes.first { $0.code == code } }
}
