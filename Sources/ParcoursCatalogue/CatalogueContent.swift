import ParcoursModel

/// The formats a catalogue may come in.
public enum CatalogueFormat: String, Sendable, Hashable, Codable {
    /// LHEO full offer (`lheo` root: offres/formation/action/session).
    case lheo = "LHEO"
    /// LHEO summary feed (`lheo-index` root: resumes-offres/resume-offre).
    case lheoIndex = "LHEO-index"
    case xcriCap = "XCRI-CAP"
    /// The Parcours spreadsheet template: one row per session.
    case parcoursCSV = "Parcours-CSV"
}

/// A provider as its catalogue describes it.
public struct CatalogueProvider: Sendable, Hashable, Codable {
    /// `SIRET:…`, `BCE:…` (Belgian company number) or `NOM:…` (normalised name), see ``identity``.
    public let id: String
    public let name: String
    public let siret: String?
    public let belgianCompanyNumber: String?
    public let country: Country?

    public init(name: String, siret: String?, belgianCompanyNumber: String?, country: Country?) {
        self.name = name
        self.siret = siret
        self.belgianCompanyNumber = belgianCompanyNumber
        self.country = country
        id = CatalogueProvider.identity(name: name, siret: siret, belgianCompanyNumber: belgianCompanyNumber)
    }

    /// The stable identity of a provider: its SIRET, else its Belgian company number, else its name.
    public static func identity(name: String, siret: String?, belgianCompanyNumber: String?) -> String {
        if let siret { return "SIRET:" + siret }
        if let belgianCompanyNumber { return "BCE:" + belgianCompanyNumber }
        return "NOM:" + TitleKey.make(name)
    }

    /// The model value.
    public var provider: Provider {
        Provider(id: id, name: name, siret: siret, belgianCompanyNumber: belgianCompanyNumber, country: country)
    }
}

/// Where an on-site session takes place, with where its coordinate came from.
public struct CatalogueVenue: Sendable, Hashable, Codable {
    public enum CoordinateSource: String, Sendable, Hashable, Codable {
        /// LHEO `geolocalisation`.
        case geolocation = "geolocalisation"
        /// The `parcours:` extension (LHEO extras, XCRI typed description, CSV columns).
        case extension_ = "extension"
        /// The commune's centre, from its INSEE/NIS code or its name, in Config's tables.
        case commune
        /// The only commune of the postal code, in Config's tables.
        case postalCode = "postal-code"
    }

    public let name: String?
    public let address: String
    public let postalCode: String?
    public let city: String?
    /// INSEE (FR) or NIS (BE) code, given or found.
    public let communeCode: String?
    public let country: Country?
    public let latitude: Double?
    public let longitude: Double?
    public let coordinateSource: CoordinateSource?

    public var coordinate: Coordinate? {
        guard let latitude, let longitude else { return nil }
        return Coordinate(latitude: latitude, longitude: longitude)
    }
}

/// A daily time slot, in minutes after local midnight.
public struct DailySlot: Sendable, Hashable, Codable {
    public let startMinute: Int
    public let endMinute: Int
}

/// One dated run of a course.
public struct CatalogueSession: Sendable, Hashable, Codable {
    public let id: String
    public let start: SourceDate
    public let end: SourceDate
    public let registrationStart: SourceDate?
    public let registrationEnd: SourceDate?
    public let format: TeachingFormat
    /// Nil for a remote session.
    public let venue: CatalogueVenue?
    public let minimumSeats: Int?
    public let maximumSeats: Int?
    /// Net of VAT, from the extension.
    public let fixedCost: Double?
    public let seatCost: Double?
    public let equipmentProvided: [Equipment]
    public let equipmentRequired: [Equipment]
    public let eligibleStatuses: [String]
    public let schedule: [DailySlot]
    public let line: Int?
}

/// One course of a catalogue, normalised: what `inspect catalogue` prints and `import` stores.
public struct CatalogueCourse: Sendable, Hashable, Codable {
    public let id: String
    public let providerID: String
    /// White space collapsed.
    public let title: String
    public let objectives: String
    public let content: String
    public let prerequisites: String
    /// Public aimed at: codes (Formacode "public visé") and free text.
    public let audience: [String]
    public let formacodes: [String]
    public let nsfCodes: [String]
    public let romeCodes: [String]
    public let hours: Double?
    public let price: Price?
    public let format: TeachingFormat
    public let language: String
    /// Declared by the provider, or proposed by the tagging rules (``TagSource/inferred``).
    public let competences: [TaughtCompetence]
    public let sessions: [CatalogueSession]
    public let line: Int?

    func with(competences: [TaughtCompetence]) -> CatalogueCourse {
        CatalogueCourse(
            id: id, providerID: providerID, title: title, objectives: objectives, content: content,
            prerequisites: prerequisites, audience: audience, formacodes: formacodes, nsfCodes: nsfCodes,
            romeCodes: romeCodes, hours: hours, price: price, format: format, language: language,
            competences: competences, sessions: sessions, line: line)
    }
}
