import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ParcoursModel
import ParcoursService
import ParcoursStore
import ParcoursTenderDocuments
import ParcoursWorkflow
import Testing

/// A plan's tender package through the service: the listing, each file and the ZIP give the bytes
/// `parcours tender --plan ID` writes, and no file names an agent.
@Suite struct TenderRoutesTests {
    @Test func servesTheFilesTheCommandWrites() async throws {
        let world = try await TenantWorld.shared.value
        let configuration = world.environment.configuration
        // What `parcours tender --plan ID --out DIR` writes, through the shared drafting.
        let stored = try #require(try await world.store.plan(id: world.namurPlan))
        let record = try PlanRecord(stored: stored)
        let day = PlanMaking.today(in: try #require(configuration.territory(id: "namur")))
        let demand = PlanTenderDemand(plans: [(world.namurPlan, record)], launchDate: day)
        let drafting = try await TenderDrafting(configuration: configuration, store: world.store)
        #expect(!drafting.comparables.isEmpty, "the fixture's catalogues give comparable prices")
        let folder = FileManager.default.temporaryDirectory.appending(path: "tender-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try drafting.writer().write(
            try drafting.packages(for: demand.demand), to: folder, issueDate: day)
        let package = try #require(written.first)
        #expect(written.count == 1 && package.folder.lastPathComponent == "BE-namur")

        try await ServiceFixtures.withClient(world.environment) { client in
            let listing = try await client.execute(
                uri: "/api/plans/\(world.namurPlan)/tender", method: .get, headers: world.authorization(.procurement)
            ) { response in
                #expect(response.status == .ok)
                return try DataRoutesTests.json(response.body)
            }
            #expect(listing["launchDate"] as? String == "\(day)")
            #expect(listing["unmetNeeds"] as? Int == record.plan.unmetNeeds.count)
            #expect(listing["tendered"] as? [String: Int] == demand.sources[0].tendered)
            let packages = try #require(listing["packages"] as? [[String: Any]])
            #expect(packages.count == 1)
            let listed = try #require(packages.first)
            #expect(listed["folder"] as? String == "BE-namur")
            #expect(listed["noticeValid"] as? Bool == true)
            #expect(listed["maximumTotal"] as? Double == package.package.maximumTotal.euros)
            let files = try #require(listed["files"] as? [[String: Any]])
            #expect(files.compactMap { $0["name"] as? String } == package.files)

            // Each file, as listed, has the bytes the command wrote.
            for file in files {
                let name = try #require(file["name"] as? String)
                let href = try #require(file["href"] as? String)
                let onDisk = try Data(contentsOf: package.folder.appending(path: name))
                try await client.execute(uri: href, method: .get, headers: world.authorization(.coordinator)) {
                    response in
                    #expect(response.status == .ok, "\(href)")
                    #expect(Data(buffer: response.body) == onDisk, "\(name)")
                    #expect(response.headers[.contentType] == file["mediaType"] as? String)
                }
            }
            // The ZIP holds the command's folder: index.html and every file, byte for byte.
            try await client.execute(
                uri: try #require(listing["archive"] as? String), method: .get,
                headers: world.authorization(.procurement)
            ) { response in
                #expect(response.headers[.contentType] == "application/zip")
                let entries = try #require(StoredZIP.entries(of: Data(buffer: response.body)))
                #expect(entries.map(\.path) == ["index.html"] + package.files.map { "BE-namur/\($0)" })
                #expect(entries[0].data == (try Data(contentsOf: folder.appending(path: "index.html"))))
                for entry in entries.dropFirst() {
                    #expect(entry.data == (try Data(contentsOf: folder.appending(path: entry.path))), "\(entry.path)")
                }
                // Communes and quantities only: no agent's id or name reaches the package.
                let agents = record.problem.agents.map(\.agent)
                for entry in entries where entry.path.hasSuffix(".html") || entry.path.hasSuffix(".xml") {
                    let text = String(decoding: entry.data, as: UTF8.self)
                    #expect(
                        !agents.contains {
                            text.contains($0.externalID) || text.contains("\($0.firstName) \($0.lastName)")
                        }, "\(entry.path)")
                }
            }
            try await client.execute(
                uri: "/api/plans/\(world.namurPlan)/tender/BE-namur/absent.odt", method: .get,
                headers: world.authorization(.procurement)
            ) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func thePageLinksEachDocumentAndTheArchive() async throws {
        let world = try await TenantWorld.shared.value
        try await ServiceFixtures.withClient(world.environment) { client in
            try await client.execute(
                uri: "/plans/\(world.namurPlan)/tender?lang=en", method: .get,
                headers: world.authorization(.procurement)
            ) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<h1>Tender package of plan \(world.namurPlan)</h1>"))
                #expect(html.contains("href=\"/api/plans/\(world.namurPlan)/tender.zip\""))
                #expect(
                    html.contains(
                        "href=\"/api/plans/\(world.namurPlan)/tender/BE-namur/cahier-special-des-charges.html\""))
                #expect(html.contains("href=\"/api/plans/\(world.namurPlan)/tender/BE-namur/inventaire.ods\""))
                #expect(html.contains("notice valid (XSD; TED Schematron not checked)"))
                #expect(!html.contains(" : "), "English without the French space before a colon")
            }
            // In French: the launch date written out, a Belgian package's maximum HTVA (not HT).
            try await client.execute(
                uri: "/plans/\(world.namurPlan)/tender", method: .get, headers: world.authorization(.procurement)
            ) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<p>Lancement le ") && !html.contains("Lancement le 20"))
                #expect(html.contains("€ HTVA — ") && !html.contains("€ HT — "))
            }
            try await client.execute(
                uri: "/territories/namur", method: .get, headers: world.authorization(.procurement)
            ) { response in
                #expect(String(buffer: response.body).contains("href=\"/plans/\(world.namurPlan)/tender?lang=fr\""))
            }
        }
    }
}
