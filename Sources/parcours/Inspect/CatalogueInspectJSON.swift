import ParcoursCatalogue
import ParcoursModel

/// The contract of `parcours inspect catalogue FILE --json`: one object
/// `{"format": …, "providers": […], "courses": […]}`, each course with its `sessions` inside it,
/// competences with their `tagSource` (declared / inferred), hours as a number, price as a number
/// with its VAT status, titles with white space collapsed, coordinates exactly as given, and
/// dates as ISO 8601 at the source's precision (`{"date": "2017-09", "precision": "month"}`,
/// `{"date": null, "precision": "unknown"}`).
struct CatalogueInspectJSON: Encodable {
    struct Provider: Encodable {
        let id: String
        let name: String
        let siret: String?
        let belgianCompanyNumber: String?
        let country: String?
    }

    struct Competence: Encodable {
        let code: String
        let entryLevel: Int
        let exitLevel: Int
        let tagSource: String
        let confidence: Double
    }

    struct Venue: Encodable {
        let name: String?
        let address: String
        let postalCode: String?
        let city: String?
        let communeCode: String?
        let country: String?
        let latitude: Double?
        let longitude: Double?
        let coordinateSource: String?
    }

    struct Slot: Encodable {
        let start: String
        let end: String
    }

    struct Session: Encodable {
        let id: String
        let start: SourceDate
        let end: SourceDate
        let registrationStart: SourceDate?
        let registrationEnd: SourceDate?
        let format: String
        let venue: Venue?
        let minimumSeats: Int?
        let maximumSeats: Int?
        let fixedCost: Double?
        let seatCost: Double?
        let equipmentProvided: [String]
        let equipmentRequired: [String]
        let eligibleStatuses: [String]
        let dailySchedule: [Slot]
        let line: Int?
    }

    struct Course: Encodable {
        let id: String
        let providerID: String
        let title: String
        let objectives: String
        let content: String
        let prerequisites: String
        let audience: [String]
        let formacodes: [String]
        let nsf: [String]
        let rome: [String]
        let hours: Double?
        let price: Price?
        let format: String
        let language: String
        let competences: [Competence]
        let sessions: [Session]
        let line: Int?
    }

    struct Price: Encodable {
        let amount: Double
        let vat: String
    }

    let format: String
    var providers: [Provider] = []
    var courses: [Course] = []

    init(format: CatalogueFormat) { self.format = format.rawValue }

    mutating func append(_ course: CatalogueCourse) {
        courses.append(
            Course(
                id: course.id, providerID: course.providerID, title: course.title, objectives: course.objectives,
                content: course.content, prerequisites: course.prerequisites, audience: course.audience,
                formacodes: course.formacodes, nsf: course.nsfCodes, rome: course.romeCodes, hours: course.hours,
                price: course.price.map { Price(amount: $0.amount, vat: $0.vat.rawValue) },
                format: course.format.rawValue, language: course.language,
                competences: course.competences.map {
                    Competence(
                        code: $0.code.rawValue, entryLevel: $0.entryLevel, exitLevel: $0.exitLevel,
                        tagSource: $0.source.rawValue, confidence: $0.confidence)
                },
                sessions: course.sessions.map(Self.session), line: course.line))
    }

    mutating func set(providers list: [CatalogueProvider]) {
        providers = list.map {
            Provider(
                id: $0.id, name: $0.name, siret: $0.siret, belgianCompanyNumber: $0.belgianCompanyNumber,
                country: $0.country?.rawValue)
        }
    }

    private static func session(_ session: CatalogueSession) -> Session {
        Session(
            id: session.id, start: session.start, end: session.end, registrationStart: session.registrationStart,
            registrationEnd: session.registrationEnd, format: session.format.rawValue,
            venue: session.venue.map {
                Venue(
                    name: $0.name, address: $0.address, postalCode: $0.postalCode, city: $0.city,
                    communeCode: $0.communeCode, country: $0.country?.rawValue, latitude: $0.latitude,
                    longitude: $0.longitude, coordinateSource: $0.coordinateSource?.rawValue)
            }, minimumSeats: session.minimumSeats, maximumSeats: session.maximumSeats, fixedCost: session.fixedCost,
            seatCost: session.seatCost, equipmentProvided: session.equipmentProvided.map(\.rawValue),
            equipmentRequired: session.equipmentRequired.map(\.rawValue), eligibleStatuses: session.eligibleStatuses,
            dailySchedule: session.schedule.map { Slot(start: clock($0.startMinute), end: clock($0.endMinute)) },
            line: session.line)
    }

    private static func clock(_ minutes: Int) -> String {
        let hours = minutes / 60
        let rest = minutes % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
    }
}
