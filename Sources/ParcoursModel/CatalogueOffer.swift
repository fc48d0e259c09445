import Foundation

// What providers' catalogues offer, normalised from LHEO, XCRI-CAP or the Parcours CSV: read by
// ParcoursCatalogue, stored by ParcoursStore, matched by later steps.

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

    /// A provider identified from its numbers, else its name (see ``identity(name:siret:belgianCompanyNumber:)``).
    public init(name: String, siret: String?, belgianCompanyNumber: String?, country: Country?) {
        self.init(
            id: CatalogueProvider.identity(name: name, siret: siret, belgianCompanyNumber: belgianCompanyNumber),
            name: name, siret: siret, belgianCompanyNumber: belgianCompanyNumber, country: country)
    }

    /// A provider with an identity given explicitly (`import catalogue --provider ID`, or as stored).
    public init(id: String, name: String, siret: String?, belgianCompanyNumber: String?, country: Country?) {
        self.id = id
        self.name = name
        self.siret = siret
        self.belgianCompanyNumber = belgianCompanyNumber
        self.country = country
    }

    /// The stable identity of a provider: its SIRET, else its Belgian company number, else its name.
    public static func identity(name: String, siret: String?, belgianCompanyNumber: String?) -> String {
        if let siret { return "SIRET:" + siret }
        if let belgianCompanyNumber { return "BCE:" + belgianCompanyNumber }
        return "NOM:" + TitleKey.make(name)
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

    public init(
        name: String?, address: String, postalCode: String?, city: String?, communeCode: String?, country: Country?,
        latitude: Double?, longitude: Double?, coordinateSource: CoordinateSource?
    ) {
        self.name = name
        self.address = address
        self.postalCode = postalCode
        self.city = city
        self.communeCode = communeCode
        self.country = country
        self.latitude = latitude
        self.longitude = longitude
        self.coordinateSource = coordinateSource
    }
}

/// A daily time slot, in minutes after local midnight.
public struct DailySlot: Sendable, Hashable, Codable {
    public let startMinute: Int
    public let endMinute: Int

    public init(
        startMinute: Int, endMinute: Int
    ) {
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// Reads `09:00-12:30` (also `9h-12h30`); nil when it is not such a slot or ends before it starts.
    public init?(text: some StringProtocol) {
        let bounds = text.split(separator: "-").map { Self.minuteOfDay(String($0)) }
        guard bounds.count == 2, let start = bounds[0], let end = bounds[1], start < end else { return nil }
        self.init(startMinute: start, endMinute: end)
    }

    /// Reads a comma-separated list of slots (`09:00-12:30,13:30-16:30`); nil when an item is not a
    /// slot or the list is empty.
    public static func list(_ text: some StringProtocol) -> [DailySlot]? {
        let slots = text.split(separator: ",").map { DailySlot(text: $0) }
        guard !slots.isEmpty, !slots.contains(nil) else { return nil }
        return slots.compactMap { $0 }
    }

    /// The slot's length in minutes.
    public var minutes: Int { endMinute - startMinute }

    /// `09:00`, `9h00`, `9h` → minutes after midnight.
    static func minuteOfDay(_ text: String) -> Int? {
        if let minute = asciiMinuteOfDay(text) { return minute }
        let parts = text.trimmingCharacters(in: .whitespaces).lowercased()
            .split(separator: ":", omittingEmptySubsequences: false).flatMap {
                $0.split(separator: "h", omittingEmptySubsequences: false)
            }
        guard let hours = parts.first.flatMap({ Int($0) }), (0...23).contains(hours) else { return nil }
        let minutes = parts.count > 1 && !parts[1].isEmpty ? Int(parts[1]) : 0
        guard let minutes, (0...59).contains(minutes) else { return nil }
        return hours * 60 + minutes
    }

    /// ``minuteOfDay(_:)`` on the bytes, for text made only of digits, `:` and `h` (what catalogues
    /// write): the same result without Foundation. Nil when the text holds anything else, so that
    /// the general path decides.
    private static func asciiMinuteOfDay(_ text: String) -> Int?? {
        // The hours and minutes fields (further ones are ignored): value (significant digits only,
        // at most 4 kept), whether a digit was seen, and how many significant digits there are.
        var hours = Field()
        var minutes = Field()
        var field = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if field == 0 {
                    hours.add(byte)
                } else if field == 1 {
                    minutes.add(byte)
                }
            case UInt8(ascii: ":"), UInt8(ascii: "h"), UInt8(ascii: "H"):
                field += 1
            default:
                return nil
            }
        }
        guard hours.seen, hours.significant <= 4, hours.value <= 23 else { return .some(nil) }
        guard minutes.significant <= 4, minutes.value <= 59 else { return .some(nil) }
        return .some(hours.value * 60 + minutes.value)
    }

    private struct Field {
        var value = 0
        var seen = false
        var significant = 0

        mutating func add(_ digit: UInt8) {
            seen = true
            guard significant > 0 || digit != UInt8(ascii: "0") else { return }
            significant += 1
            if significant <= 4 { value = value * 10 + Int(digit - 48) }
        }
    }
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

    public init(
        id: String, start: SourceDate, end: SourceDate, registrationStart: SourceDate?, registrationEnd: SourceDate?,
        format: TeachingFormat, venue: CatalogueVenue?, minimumSeats: Int?, maximumSeats: Int?, fixedCost: Double?,
        seatCost: Double?, equipmentProvided: [Equipment], equipmentRequired: [Equipment], eligibleStatuses: [String],
        schedule: [DailySlot], line: Int?
    ) {
        self.id = id
        self.start = start
        self.end = end
        self.registrationStart = registrationStart
        self.registrationEnd = registrationEnd
        self.format = format
        self.venue = venue
        self.minimumSeats = minimumSeats
        self.maximumSeats = maximumSeats
        self.fixedCost = fixedCost
        self.seatCost = seatCost
        self.equipmentProvided = equipmentProvided
        self.equipmentRequired = equipmentRequired
        self.eligibleStatuses = eligibleStatuses
        self.schedule = schedule
        self.line = line
    }
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

    public init(
        id: String, providerID: String, title: String, objectives: String, content: String, prerequisites: String,
        audience: [String], formacodes: [String], nsfCodes: [String], romeCodes: [String], hours: Double?,
        price: Price?, format: TeachingFormat, language: String, competences: [TaughtCompetence],
        sessions: [CatalogueSession], line: Int?
    ) {
        self.id = id
        self.providerID = providerID
        self.title = title
        self.objectives = objectives
        self.content = content
        self.prerequisites = prerequisites
        self.audience = audience
        self.formacodes = formacodes
        self.nsfCodes = nsfCodes
        self.romeCodes = romeCodes
        self.hours = hours
        self.price = price
        self.format = format
        self.language = language
        self.competences = competences
        self.sessions = sessions
        self.line = line
    }

    /// The same course offered by another provider identity (`import catalogue --provider`).
    public func with(providerID: String) -> CatalogueCourse {
        CatalogueCourse(
            id: id, providerID: providerID, title: title, objectives: objectives, content: content,
            prerequisites: prerequisites, audience: audience, formacodes: formacodes, nsfCodes: nsfCodes,
            romeCodes: romeCodes, hours: hours, price: price, format: format, language: language,
            competences: competences, sessions: sessions, line: line)
    }

    /// The same course with other competences (declared ones checked, or inferred ones added).
    public func with(competences: [TaughtCompetence]) -> CatalogueCourse {
        CatalogueCourse(
            id: id, providerID: providerID, title: title, objectives: objectives, content: content,
            prerequisites: prerequisites, audience: audience, formacodes: formacodes, nsfCodes: nsfCodes,
            romeCodes: romeCodes, hours: hours, price: price, format: format, language: language,
            competences: competences, sessions: sessions, line: line)
    }
}
