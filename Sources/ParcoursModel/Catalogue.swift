import Foundation

/// How a course is taught.
public enum TeachingFormat: String, Hashable, Codable, Sendable {
    case onSite = "on-site"
    case hybrid
    case remote
}

/// Whether a competence was declared by the provider or inferred by Parcours's tagging rules.
public enum TagSource: String, Hashable, Codable, Sendable {
    case declared
    case inferred
}

/// A competence a course teaches, from an entry level up to an exit level.
public struct TaughtCompetence: Hashable, Codable, Sendable {
    public let code: CompetenceCode
    /// The lowest level an agent should have to follow the course.
    public let entryLevel: Int
    /// The level the course brings its participants to.
    public let exitLevel: Int
    public let source: TagSource
    /// Confidence 0…1 of an inferred tag; 1 for declared ones.
    public let confidence: Double

    public init(code: CompetenceCode, entryLevel: Int, exitLevel: Int, source: TagSource, confidence: Double) {
        self.code = code
        self.entryLevel = entryLevel
        self.exitLevel = exitLevel
        self.source = source
        self.confidence = confidence
    }
}

/// What the source says about VAT on a price; never guessed.
public enum VATStatus: String, Hashable, Codable, Sendable {
    case inclusive = "TTC"
    case exclusive = "HT"
    case exempt
    case unknown
}

/// An amount of money in euros with what the source says of its VAT.
public struct Price: Hashable, Codable, Sendable {
    public let amount: Double
    public let vat: VATStatus

    public init(amount: Double, vat: VATStatus) {
        self.amount = amount
        self.vat = vat
    }
}

/// A course of a provider's catalogue.
public struct Course: Hashable, Codable, Sendable {
    public let id: String
    public let providerID: String
    public let title: String
    public let objectives: String
    public let content: String
    public let competences: [TaughtCompetence]
    public let hours: Double?
    public let price: Price?
    public let format: TeachingFormat
    public let language: String

    public init(
        id: String, providerID: String, title: String, objectives: String, content: String,
        competences: [TaughtCompetence], hours: Double?, price: Price?, format: TeachingFormat, language: String
    ) {
        self.id = id
        self.providerID = providerID
        self.title = title
        self.objectives = objectives
        self.content = content
        self.competences = competences
        self.hours = hours
        self.price = price
        self.format = format
        self.language = language
    }
}

/// One day of a session: a date and the hours it runs (minutes after local midnight).
public struct SessionDay: Hashable, Codable, Sendable {
    public let day: CalendarDay
    public let startMinute: Int
    public let endMinute: Int

    public init(day: CalendarDay, startMinute: Int, endMinute: Int) {
        self.day = day
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// Whether the two time slots overlap (same day, intersecting hours).
    public func overlaps(_ other: SessionDay) -> Bool {
        day == other.day && startMinute < other.endMinute && other.startMinute < endMinute
    }
}

/// A dated run of a course at a venue, or remote.
public struct TrainingSession: Hashable, Codable, Sendable {
    public let id: String
    public let courseID: String
    public let days: [SessionDay]
    /// Where it takes place; nil for a remote session.
    public let venue: Venue?
    public let minimumSeats: Int
    public let maximumSeats: Int
    /// Cost of running the session whatever its size, net of VAT.
    public let fixedCost: Double
    /// Cost per participant, net of VAT.
    public let seatCost: Double
    public let equipmentProvided: Set<Equipment>
    public let equipmentRequired: Set<Equipment>
    /// Statuses allowed to attend; empty means every status.
    public let eligibleStatuses: Set<String>
    public let registration: DayRange?

    public init(
        id: String, courseID: String, days: [SessionDay], venue: Venue?, minimumSeats: Int, maximumSeats: Int,
        fixedCost: Double, seatCost: Double, equipmentProvided: Set<Equipment>, equipmentRequired: Set<Equipment>,
        eligibleStatuses: Set<String>, registration: DayRange?
    ) {
        self.id = id
        self.courseID = courseID
        self.days = days
        self.venue = venue
        self.minimumSeats = minimumSeats
        self.maximumSeats = maximumSeats
        self.fixedCost = fixedCost
        self.seatCost = seatCost
        self.equipmentProvided = equipmentProvided
        self.equipmentRequired = equipmentRequired
        self.eligibleStatuses = eligibleStatuses
        self.registration = registration
    }

    public var isRemote: Bool { venue == nil }

    /// Whether the session costs nothing to the communes (e.g. CNFPT courses for French territorial
    /// agents, subsidised public offers): no fixed cost and no seat cost.
    public var isFree: Bool { fixedCost == 0 && seatCost == 0 }
}

/// The place of an on-site session.
public struct Venue: Hashable, Codable, Sendable {
    public let name: String
    public let address: String
    public let communeCode: String?
    public let coordinate: Coordinate

    public init(name: String, address: String, communeCode: String?, coordinate: Coordinate) {
        self.name = name
        self.address = address
        self.communeCode = communeCode
        self.coordinate = coordinate
    }
}
