import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ParcoursService
import ParcoursStore
import ParcoursWorkflow
import Testing

/// A provider's catalogue upload: the validation report, all or nothing, its own catalogue only.
@Suite struct CatalogueUploadTests {
    @Test func aProviderUploadsItsCatalogueAndNothingElse() async throws {
        let environment = try ServiceFixtures.environment()
        let provider = try await ServiceFixtures.provider(ofCatalogue: TenantWorld.ownCatalogue, on: environment.store)
        let (providerID, headers) = (provider.providerID, provider.headers)
        let ownBytes = ByteBuffer(data: try Data(contentsOf: provider.file))

        try await ServiceFixtures.withClient(environment) { client in
            try await client.execute(
                uri: "/api/catalogues?file=atelier.xml&lang=en", method: .post, headers: headers, body: ownBytes
            ) { response in
                #expect(response.status == .created)
                let report = try #require(
                    try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                #expect(report["stored"] as? Bool == true)
                #expect(report["format"] as? String == "XCRI-CAP")
                #expect(report["providers"] as? [String] == [providerID])
                #expect(report["acceptedCourses"] as? Int == 3)
                #expect(report["acceptedSessions"] as? Int == 5)
                #expect(report["errorCount"] as? Int == 0)
            }
            // The same bytes again: nothing new is stored.
            try await client.execute(
                uri: "/api/catalogues?file=atelier.xml", method: .post, headers: headers, body: ownBytes
            ) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains(#""stored":false"#))
            }
            // Another provider's file: refused whole.
            let other = ByteBuffer(
                data: try Data(contentsOf: ServiceFixtures.catalogue("ecole-administration-namur.csv")))
            try await client.execute(
                uri: "/api/catalogues?file=ecole.csv&lang=en", method: .post, headers: headers, body: other
            ) { response in
                #expect(response.status == .forbidden)
                #expect(String(buffer: response.body).contains("not yours: nothing is stored"))
            }
            // A file that is not a catalogue: refused with the reason, nothing stored.
            try await client.execute(
                uri: "/api/catalogues?file=notes.csv", method: .post, headers: headers,
                body: ByteBuffer(string: "bonjour\n")
            ) { response in
                #expect(response.status == .unprocessableContent)
            }
            try await client.execute(uri: "/api/catalogues?file=../x.xml", method: .post, headers: headers) {
                response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/api/catalogues", method: .get, headers: headers) { response in
                let versions = try #require(
                    (try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])?[
                        "versions"] as? [[String: Any]])
                #expect(versions.map { $0["file"] as? String } == ["atelier.xml"])
                #expect(versions.first?["courses"] as? Int == 3)
            }
        }
        #expect(try await environment.store.providers().map(\.id) == [providerID])
    }

    /// The bytes of another provider's catalogue that its provider already stored are refused as a new
    /// file would be, not answered "already stored".
    @Test func anotherProvidersStoredFileIsRefusedToo() async throws {
        let environment = try ServiceFixtures.environment()
        let provider = try await ServiceFixtures.provider(ofCatalogue: TenantWorld.ownCatalogue, on: environment.store)
        let other = ServiceFixtures.catalogue("ecole-administration-namur.csv")
        _ = try await CatalogueImport.run(
            path: other.path, into: environment.store, reader: try ServiceFixtures.catalogueReader())

        try await ServiceFixtures.withClient(environment) { client in
            try await client.execute(
                uri: "/api/catalogues?file=ecole.csv&lang=en", method: .post,
                headers: provider.headers, body: ByteBuffer(data: try Data(contentsOf: other))
            ) { response in
                #expect(response.status == .forbidden)
                #expect(String(buffer: response.body).contains("not yours: nothing is stored"))
            }
        }
        #expect(try await environment.store.catalogueVersions(of: provider.providerID).isEmpty)
    }
}
