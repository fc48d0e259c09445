import Foundation
import ParcoursModel
import ParcoursStore
import Testing

/// Catalogues stored and read back on every backend: every field, versions per provider, a failed
/// import leaving nothing.
@Suite struct CatalogueRoundTripTests {
    static let provider = CatalogueProvider(
        id: "SIRET:12345678900017", name: "Organisme\tavec \\ et\nretour", siret: "12345678900017",
        belgianCompanyNumber: nil, country: .france)
    static let other = CatalogueProvider(
        id: "BCE:0999111222", name: "École de Namur", siret: nil, belgianCompanyNumber: "0999111222", country: .belgium)

    static func course(_ id: String, provider: CatalogueProvider, sessions: Int = 2) -> CatalogueCourse {
        CatalogueCourse(
            id: id, providerID: provider.id, title: "Bureautique « pratique »",
            objectives: "Objectifs\nsur deux lignes",
            content: "Contenu", prerequisites: "", audience: ["agents", "cadres"], formacodes: ["70354"],
            nsfCodes: [], romeCodes: ["M1607"], hours: 14, price: Price(amount: 350.5, vat: .exempt),
            format: .hybrid, language: "fr",
            competences: [
                TaughtCompetence(
                    code: CompetenceCode("1.1"), entryLevel: 1, exitLevel: 3, source: .declared, confidence: 1),
                TaughtCompetence(
                    code: CompetenceCode("3.1"), entryLevel: 0, exitLevel: 2, source: .inferred, confidence: 0.625),
            ],
            sessions: (0..<sessions).map { number in
                CatalogueSession(
                    id: "\(id)-S\(number)", start: SourceDate(year: 2027, month: 3, day: 15 + number),
                    end: SourceDate(year: 2027, month: 3, day: nil), registrationStart: nil,
                    registrationEnd: SourceDate(year: 2027, month: 2, day: 28), format: .onSite,
                    venue: CatalogueVenue(
                        name: "Salle \"B\"", address: "1 rue de la Gare", postalCode: "5000", city: "Namur",
                        communeCode: "92094", country: .belgium, latitude: 50.4669, longitude: 4.8675,
                        coordinateSource: nil),
                    minimumSeats: 6, maximumSeats: 12, fixedCost: 1200, seatCost: nil,
                    equipmentProvided: [.workComputer], equipmentRequired: [], eligibleStatuses: ["statutaire"],
                    schedule: [DailySlot(startMinute: 540, endMinute: 750)], line: 10 + number)
            }, line: 4)
    }

    static func importCourses(
        _ courses: [(CatalogueCourse, CatalogueProvider)], file: String, into store: some CatalogueStore
    ) async throws -> ImportOutcome {
        try await store.importCatalogue(SourceFile(name: file, contentHash: file)) { add in
            for (course, provider) in courses { try add(course, provider) }
            return "CSV"
        }
    }

    @Test(arguments: Backend.available)
    func coursesRoundTripAndANewVersionReplacesTheCurrentOne(backend: Backend) async throws {
        let store = try await backend.makeStore()
        let first = [(Self.course("B", provider: Self.provider), Self.provider)]
        #expect(try await Self.importCourses(first, file: "v1.csv", into: store) == .imported(rows: 1))
        let second = [
            (Self.course("Z", provider: Self.provider), Self.provider),
            (Self.course("A", provider: Self.provider, sessions: 0), Self.provider),
            (Self.course("N", provider: Self.other, sessions: 1), Self.other),
        ]
        #expect(try await Self.importCourses(second, file: "v2.csv", into: store) == .imported(rows: 3))
        // Providers in order, each course in its file's order, every field as it was.
        #expect(try await store.currentCourses() == [second[2].0, second[0].0, second[1].0])
        #expect(try await store.providers() == [Self.other, Self.provider])
        let versions = try await store.catalogueVersions(of: Self.provider.id)
        #expect(versions.map(\.fileName) == ["v1.csv", "v2.csv"])
        #expect(versions.map(\.isCurrent) == [false, true])
        #expect(versions.map(\.courseCount) == [1, 2] && versions.map(\.sessionCount) == [2, 2])
        #expect(versions.allSatisfy { $0.format == "CSV" })
    }

    @Test(arguments: Backend.available)
    func aFailingCatalogueImportStoresNothing(backend: Backend) async throws {
        let store = try await backend.makeStore()
        struct Broken: Error {}
        await #expect(throws: Broken.self) {
            try await store.importCatalogue(SourceFile(name: "bad.csv", contentHash: "bad")) { add in
                try add(Self.course("A", provider: Self.provider), Self.provider)
                throw Broken()
            }
        }
        // The same course twice in one file breaks the table's key: nothing of the file is kept either.
        await #expect(throws: StoreError.self) {
            try await Self.importCourses(
                Array(repeating: (Self.course("A", provider: Self.provider), Self.provider), count: 2),
                file: "twice.csv",
                into: store)
        }
        #expect(try await store.currentCourses().isEmpty)
        #expect(try await store.providers().isEmpty)
        #expect(try await store.importedFiles().isEmpty)
    }
}
