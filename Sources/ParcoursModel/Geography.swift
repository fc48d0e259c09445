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
    /// Whether the status is an elected office (mayor, alderman, councillor), whose training rights and
    /// funding differ from staff's.
    public let isElected: Bool

    public init(id: String, labelFR: String, labelEN: String, isElected: Bool = false) {
        self.id = id
        self.labelFR = labelFR
        self.labelEN = labelEN
        self.isElected = isElected
    }
}

/// How much longer a road trip is than the straight line, for a territory without a router.
public struct Circuity: Hashable, Codable, Sendable {
    /// Road distance ≈ straight-line distance × this factor.
    public let factor: Double
    /// Short trips are more circuitous: below ``shortTripBelowKilometres`` (straight line) the factor is
    /// ``shortTripFactor``. Nil when one factor applies to every distance.
    public let shortTripBelowKilometres: Double?
    public let shortTripFactor: Double?

    public init(factor: Double, shortTripBelowKilometres: Double? = nil, shortTripFactor: Double? = nil) {
        self.factor = factor
        self.shortTripBelowKilometres = shortTripBelowKilometres
        self.shortTripFactor = shortTripFactor
    }

    /// The estimated road distance for a straight-line distance, both in kilometres.
    public func roadKilometres(straightLine kilometres: Double) -> Double {
        kilometres * factor(straightLine: kilometres)
    }

    /// The factor that applies to a straight-line distance in kilometres (the short-trip one below the threshold).
    public func factor(straightLine kilometres: Double) -> Double {
        if let below = shortTripBelowKilometres, let shortFactor = shortTripFactor, kilometres < below {
            return shortFactor
        }
        return factor
    }
}

/// A territory that coordinates training for its communes: the province of Namur, the CA de Bastia.
public struct Territory: Hashable, Codable, Sendable {
    /// A stable slug, e.g. `namur`, `bastia`.
    public let id: String
    public let name: String
    public let country: Country
    /// Road distance ≈ straight-line distance × this factor (``circuity`` refines it for short trips).
    public let circuityFactor: Double
    public let communes: [Commune]
    public let statuses: [EmploymentStatus]
    /// The English name.
    public let nameEN: String
    /// IANA time zone of its sessions, e.g. `Europe/Brussels`.
    public let timeZoneIdentifier: String
    /// NUTS-3 regions it covers, e.g. `BE351`, `BE352`, `BE353`.
    public let nuts3Regions: [String]
    /// The id of the school-holiday calendar that applies (`fwb`, `corse`), if any.
    public let schoolCalendarID: String?
    /// The full circuity rule, short trips included.
    public let circuity: Circuity

    public init(
        id: String, name: String, country: Country, circuityFactor: Double, communes: [Commune],
        statuses: [EmploymentStatus], nameEN: String? = nil, timeZoneIdentifier: String? = nil,
        nuts3Regions: [String] = [], schoolCalendarID: String? = nil, circuity: Circuity? = nil
    ) {
        self.id = id
        self.name = name
        self.country = country
        self.circuityFactor = circuityFactor
        self.communes = communes
        self.statuses = statuses
        self.nameEN = nameEN ?? name
        self.timeZoneIdentifier = timeZoneIdentifier ?? country.timeZoneIdentifier
        self.nuts3Regions = nuts3Regions
        self.schoolCalendarID = schoolCalendarID
        self.circuity = circuity ?? Circuity(factor: circuityFactor)
    }

    public func commune(code: String) -> Commune? { communes.first { $0.code == code } }

    /// The employment status with this id, among the territory's country's statuses.
    public func status(id: String) -> EmploymentStatus? { statuses.first { $0.id == id } }

    /// Estimated road distance in kilometres between two points of the territory.
    public func roadKilometres(from origin: Coordinate, to destination: Coordinate) -> Double {
        circuity.roadKilometres(straightLine: origin.distanceKilometres(to: destination))
    }
}
