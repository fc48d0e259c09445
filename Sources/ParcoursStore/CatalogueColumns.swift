import Foundation
import ParcoursModel

/// How a catalogue course maps to rows of the `course`, `courseCompetence` and `courseSession`
/// tables, in both stores: column names, and values in their order.
package enum CatalogueColumns {
    package static let course = [
        "versionID", "courseID", "title", "objectives", "content", "prerequisites", "audience", "formacodes",
        "nsfCodes", "romeCodes", "hours", "priceAmount", "priceVAT", "format", "language", "line",
    ]
    package static let competence = [
        "versionID", "courseID", "competence", "entryLevel", "exitLevel", "tagSource", "confidence",
    ]
    package static let session = [
        "versionID", "courseID", "sessionID", "position", "startDate", "endDate", "registrationStart",
        "registrationEnd", "format", "venue", "minimumSeats", "maximumSeats", "fixedCost", "seatCost",
        "equipmentProvided", "equipmentRequired", "eligibleStatuses", "schedule", "line",
    ]

    package static func course(_ course: CatalogueCourse, versionID: Int64) -> [ColumnValue] {
        [
            .integer(versionID), .text(course.id), .text(course.title), .text(course.objectives),
            .text(course.content), .text(course.prerequisites), .json(JSONText.encode(course.audience)),
            .json(JSONText.encode(course.formacodes)), .json(JSONText.encode(course.nsfCodes)),
            .json(JSONText.encode(course.romeCodes)), ColumnValue(course.hours), ColumnValue(course.price?.amount),
            ColumnValue(course.price?.vat.rawValue), .text(course.format.rawValue), .text(course.language),
            ColumnValue(course.line),
        ]
    }

    package static func competences(_ course: CatalogueCourse, versionID: Int64) -> [[ColumnValue]] {
        course.competences.map { competence in
            [
                .integer(versionID), .text(course.id), .text(competence.code.rawValue),
                .integer(Int64(competence.entryLevel)), .integer(Int64(competence.exitLevel)),
                .text(competence.source.rawValue), .number(competence.confidence),
            ]
        }
    }

    package static func sessions(_ course: CatalogueCourse, versionID: Int64) -> [[ColumnValue]] {
        course.sessions.enumerated().map { position, session in
            [
                .integer(versionID), .text(course.id), .text(session.id), .integer(Int64(position)),
                ColumnValue(session.start.iso), ColumnValue(session.end.iso),
                ColumnValue(session.registrationStart?.iso), ColumnValue(session.registrationEnd?.iso),
                .text(session.format.rawValue), session.venue.map { .json(JSONText.encode($0)) } ?? .null,
                ColumnValue(session.minimumSeats), ColumnValue(session.maximumSeats), ColumnValue(session.fixedCost),
                ColumnValue(session.seatCost), .json(JSONText.encode(session.equipmentProvided.map(\.rawValue))),
                .json(JSONText.encode(session.equipmentRequired.map(\.rawValue))),
                .json(JSONText.encode(session.eligibleStatuses)), .json(JSONText.encode(session.schedule)),
                ColumnValue(session.line),
            ]
        }
    }
}

/// JSON text for the list and object columns of the catalogue tables, written directly (an
/// encoder per column cost more than the rows' inserts): the text `JSONEncoder` writes with sorted
/// keys and unescaped slashes, except that control characters are `\u00XX`-escaped; `decode`
/// reads either.
package enum JSONText {
    package static func encode(_ strings: [String]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for string in strings {
            if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
            JSONOutput.string(string, into: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The venue as an object, keys in order, absent values left out.
    package static func encode(_ venue: CatalogueVenue) -> String {
        var object = Object()
        object.add("address", venue.address)
        object.add("city", venue.city)
        object.add("communeCode", venue.communeCode)
        object.add("coordinateSource", venue.coordinateSource?.rawValue)
        object.add("country", venue.country?.rawValue)
        object.add("latitude", venue.latitude)
        object.add("longitude", venue.longitude)
        object.add("name", venue.name)
        object.add("postalCode", venue.postalCode)
        return object.text
    }

    package static func encode(_ schedule: [DailySlot]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for slot in schedule {
            if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: #"{"endMinute":"#.utf8)
            JSONOutput.integer(slot.endMinute, into: &bytes)
            bytes.append(contentsOf: #","startMinute":"#.utf8)
            JSONOutput.integer(slot.startMinute, into: &bytes)
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// An object written member by member, in the order added.
    private struct Object {
        private var bytes: [UInt8] = [UInt8(ascii: "{")]

        mutating func add(_ key: String, _ value: String?) {
            guard let value else { return }
            self.key(key)
            JSONOutput.string(value, into: &bytes)
        }

        /// A finite number as `JSONEncoder` writes it: the shortest form that reads back the same,
        /// without a `.0` ending.
        mutating func add(_ key: String, _ value: Double?) {
            guard let value else { return }
            self.key(key)
            let text = value.description
            bytes.append(contentsOf: text.hasSuffix(".0") ? text.utf8.dropLast(2) : text.utf8[...])
        }

        private mutating func key(_ key: String) {
            if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
            JSONOutput.string(key, into: &bytes)
            bytes.append(UInt8(ascii: ":"))
        }

        var text: String { String(decoding: bytes + [UInt8(ascii: "}")], as: UTF8.self) }
    }

    package static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }
}
