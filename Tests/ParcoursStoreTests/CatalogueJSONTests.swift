import Foundation
import ParcoursModel
import ParcoursStore
import Testing

/// The JSON columns of the catalogue tables, written without an encoder: the same text as
/// `JSONEncoder` (sorted keys, unescaped slashes) writes, and read back to the same values.
@Suite struct CatalogueJSONTests {
    static func encoded(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static let venues = [
        CatalogueVenue(
            name: "Salle \"B\" \\ 1/2 — étage", address: "1 rue de la Gare, 5000, Namur", postalCode: "5000",
            city: "Namur", communeCode: "92094", country: .belgium, latitude: 50.4669, longitude: 4.8675,
            coordinateSource: .geolocation),
        CatalogueVenue(
            name: nil, address: "", postalCode: nil, city: nil, communeCode: nil, country: nil, latitude: nil,
            longitude: nil, coordinateSource: nil),
        CatalogueVenue(
            name: "Mairie", address: "Place 😀", postalCode: "20200", city: "Bastia", communeCode: "2B033",
            country: .france, latitude: 42, longitude: -0.000012, coordinateSource: .postalCode),
        CatalogueVenue(
            name: nil, address: "x", postalCode: nil, city: nil, communeCode: nil, country: nil,
            latitude: -89.999999999, longitude: 179.5, coordinateSource: .extension_),
    ]

    @Test func venuesAreWrittenAsJSONEncoderWritesThem() throws {
        for venue in Self.venues {
            #expect(JSONText.encode(venue) == (try Self.encoded(venue)))
            #expect(try JSONText.decode(CatalogueVenue.self, JSONText.encode(venue)) == venue)
        }
    }

    @Test func listsAndSchedulesAreWrittenAsJSONEncoderWritesThem() throws {
        let lists = [[], ["70354"], ["agents", "cadres « A »", "a\"b\\c/d", "é"]]
        for list in lists {
            #expect(JSONText.encode(list) == (try Self.encoded(list)))
        }
        let schedules = [
            [], [DailySlot(startMinute: 540, endMinute: 750)],
            [
                DailySlot(startMinute: 0, endMinute: 9), DailySlot(startMinute: 810, endMinute: 1439),
            ],
        ]
        for schedule in schedules {
            #expect(JSONText.encode(schedule) == (try Self.encoded(schedule)))
            #expect(try JSONText.decode([DailySlot].self, JSONText.encode(schedule)) == schedule)
        }
    }

    @Test func controlCharactersReadBackUnchanged() throws {
        let list = ["ligne\nsuivante\ttab\r\u{1}\u{1F}"]
        #expect(JSONText.encode(list) == #"["ligne\u000asuivante\u0009tab\u000d\u0001\u001f"]"#)
        #expect(try JSONText.decode([String].self, JSONText.encode(list)) == list)
    }
}
