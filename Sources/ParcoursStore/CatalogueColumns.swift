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

    package static func course(_ course: CatalogueCourse, versionID: Int64) throws -> [ColumnValue] {
        [
            .integer(versionID), .text(course.id), .text(course.title), .text(course.objectives),
            .text(course.content), .text(course.prerequisites), .json(try JSONText.encode(course.audience)),
            .json(try JSONText.encode(course.formacodes)), .json(try JSONText.encode(course.nsfCodes)),
            .json(try JSONText.encode(course.romeCodes)), ColumnValue(course.hours), ColumnValue(course.price?.amount),
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

    package static func sessions(_ course: CatalogueCourse, versionID: Int64) throws -> [[ColumnValue]] {
        try course.sessions.enumerated().map { position, session in
            [
                .integer(versionID), .text(course.id), .text(session.id), .integer(Int64(position)),
                ColumnValue(session.start.iso), ColumnValue(session.end.iso),
                ColumnValue(session.registrationStart?.iso), ColumnValue(session.registrationEnd?.iso),
                .text(session.format.rawValue), try session.venue.map { .json(try JSONText.encode($0)) } ?? .null,
                ColumnValue(session.minimumSeats), ColumnValue(session.maximumSeats), ColumnValue(session.fixedCost),
                ColumnValue(session.seatCost), .json(try JSONText.encode(session.equipmentProvided.map(\.rawValue))),
                .json(try JSONText.encode(session.equipmentRequired.map(\.rawValue))),
                .json(try JSONText.encode(session.eligibleStatuses)), .json(try JSONText.encode(session.schedule)),
                ColumnValue(session.line),
            ]
        }
    }
}

/// JSON text for the list and object columns of the catalogue tables.
package enum JSONText {
    /// A list of strings as `JSONEncoder` writes it, built directly when every string is plain
    /// printable ASCII without quotes or backslashes (codes, slugs: most lists of a catalogue),
    /// which saves an encoder per column.
    package static func encode(_ strings: [String]) throws -> String {
        guard strings.allSatisfy(isPlain) else { return try encoded(strings) }
        var text = "["
        for (index, string) in strings.enumerated() {
            text += index == 0 ? "\"" : ",\""
            text += string
            text += "\""
        }
        return text + "]"
    }

    private static func isPlain(_ string: String) -> Bool {
        string.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
    }

    package static func encode(_ value: some Encodable) throws -> String { try encoded(value) }

    private static func encoded(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    package static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }
}
