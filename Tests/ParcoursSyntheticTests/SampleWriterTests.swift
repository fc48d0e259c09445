import Foundation
import ParcoursCSV
import ParcoursConfig
import ParcoursImport
import ParcoursModel
import ParcoursSynthetic
import Testing

@Suite struct SampleWriterTests {
    /// Writes the population of two small communes and reads the files back.
    func written(_ territory: String, communes: [String]) throws -> (SyntheticPopulation, URL) {
        let population = try population(territory, communes: communes)
        let folder = FileManager.default.temporaryDirectory.appending(path: "parcours-sample-\(UUID().uuidString)")
        _ = try SampleWriter.write(population, framework: try configuration.get().framework, to: folder)
        return (population, folder)
    }

    @Test func writesProfilesCollectionsInPixFormat() throws {
        let (population, folder) = try written("namur", communes: ["91015", "93018"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appending(path: "pix/91015-collecte-profils.csv").path
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(!bytes.contains(0x0D))  // LF only, as Pix writes
        // Text quoted, digit-only values not, as Pix writes.
        let firstRow = String(decoding: bytes, as: UTF8.self).split(separator: "\n")[1]
        #expect(firstRow.hasPrefix("\"Administration communale de Bièvre\";300031;\""))
        #expect(firstRow.contains(";\"91015-00001\";"))
        let rows = try CSVReader.readAll(path: path)
        let header = try #require(rows.first).fields
        #expect(header.count == 12 + 32)
        #expect(header[6] == "Matricule" && header[7] == "Envoi (O/N)")
        #expect(header[12] == "Niveau pour la compétence Mener une recherche et une veille d’information")
        let agents = population.agents.filter { $0.agent.communeCode == "91015" }
        let participants = agents.filter { $0.profilesCollection != .none }
        #expect(rows.count == participants.count + 1)
        for (row, synthetic) in zip(rows.dropFirst(), participants) {
            #expect(row.fields[0] == "Administration communale de Bièvre")
            #expect(row.fields[6] == synthetic.agent.externalID)
            guard synthetic.profilesCollection == .shared else {
                #expect(row.fields[7] == "Non" && row.fields[8...].allSatisfy { $0 == "NA" })
                continue
            }
            let levels = stride(from: 12, to: 44, by: 2).map { Int(row.fields[$0])! }
            let pix = stride(from: 13, to: 44, by: 2).map { Int(row.fields[$0])! }
            #expect(levels == (try configuration.get()).framework.codes.map { synthetic.levels[$0]! })
            #expect(zip(levels, pix).allSatisfy { $0 == $1 / 8 })
            #expect(Int(row.fields[9]) == pix.reduce(0, +))
            #expect(Int(row.fields[11]) == levels.count { $0 >= 1 })
            #expect(row.fields[8].wholeMatch(of: /\d\d\/\d\d\/2026 \d\d:\d\d/) != nil)
        }
    }

    @Test func writesAssessmentsWhoseEstimateGivesTheLevelBack() throws {
        let (population, folder) = try written("bastia", communes: ["2B120"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = try CSVReader.readAll(path: folder.appending(path: "pix/2B120-evaluation-cybersecurite.csv").path)
        let header = rows[0].fields
        #expect(header.count == 30)
        #expect(header[4] == "Parcours" && header[12] == "Palier obtenu (/3)")
        let byID = Dictionary(uniqueKeysWithValues: population.agents.map { ($0.agent.externalID, $0) })
        var shared = 0
        for row in rows.dropFirst() {
            #expect(row.fields.count == 30)
            let synthetic = try #require(byID[row.fields[7]])
            guard row.fields[10] == "Oui" else { continue }
            shared += 1
            // Competences 1.1, 4.1, 4.2: (% ; total ; mastered) from column 15; a fifth of the skills per level.
            for (offset, code) in [(15, "1.1"), (18, "4.1"), (21, "4.2")] {
                let total = Double(row.fields[offset + 1])!
                let mastered = Double(row.fields[offset + 2])!
                #expect(
                    Int((mastered / total * 5 + 1e-9).rounded(.down)) == min(5, synthetic.levels[CompetenceCode(code)]!)
                )
                #expect(
                    Double(row.fields[offset].replacingOccurrences(of: ",", with: "."))! == (mastered / total * 100)
                        .rounded() / 100)
            }
        }
        #expect(shared > 0)
    }

    @Test func writesTheRoster() throws {
        let (population, folder) = try written("bastia", communes: ["2B309"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = try CSVReader.readAll(path: folder.appending(path: "roster.csv").path)
        #expect(rows.count == population.agents.count + 1)
        #expect(rows[0].fields.first == "Matricule")
        let first = population.agents[0].agent
        #expect(rows[1].fields[0] == first.externalID && rows[1].fields[3] == "2B309")
        #expect(rows[1].fields[0].hasPrefix("04"))  // Santa-Maria-di-Lota is the 4th commune: leading zero kept
    }
}

@Suite struct SampleImportTests {
    @Test func thePixImportReadsWhatTheGeneratorWrites() throws {
        let configuration = try configuration.get()
        let population = try population("namur", communes: ["93018"])
        let folder = FileManager.default.temporaryDirectory.appending(path: "parcours-sample-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try SampleWriter.write(population, framework: configuration.framework, to: folder)
        let byID = Dictionary(uniqueKeysWithValues: population.agents.map { ($0.agent.externalID, $0) })
        let profiles = try PixExportReader(
            path: folder.appending(path: "pix/93018-collecte-profils.csv").path, framework: configuration.framework
        ).readAll()
        #expect(profiles.count == population.agents.count { $0.profilesCollection != .none })
        for participation in profiles {
            let synthetic = try #require(byID[participation.externalID ?? ""])
            #expect(participation.shared == (synthetic.profilesCollection == .shared))
            #expect(participation.levels == (participation.shared ? synthetic.levels : nil))
            #expect(participation.campaign.organizationName == "Administration communale de Doische")
        }
        let assessments = try PixExportReader(
            path: folder.appending(path: "pix/93018-evaluation-cybersecurite.csv").path,
            framework: configuration.framework
        ).readAll()
        #expect(assessments.count == population.agents.count { $0.assessment != .none })
        for participation in assessments where participation.shared {
            let synthetic = try #require(byID[participation.externalID ?? ""])
            for (code, estimate) in try #require(participation.estimatedLevels) {
                #expect(estimate == min(5, synthetic.levels[code]!))
            }
        }
    }
}

@Suite struct SampleRosterImportTests {
    @Test func theRosterImportReadsBackTheAgentsAndLinksEveryPixRow() throws {
        let configuration = try configuration.get()
        let population = try population("bastia", communes: ["2B305", "2B309"])
        let folder = FileManager.default.temporaryDirectory.appending(path: "parcours-sample-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try SampleWriter.write(population, framework: configuration.framework, to: folder)
        let agents = try RosterReader.read(
            path: folder.appending(path: "roster.csv").path, vocabulary: RosterVocabulary(configuration: configuration))
        #expect(agents == population.agents.map(\.agent))
        let linker = RosterLinker(agents: agents, vocabulary: RosterVocabulary(configuration: configuration))
        let path = folder.appending(path: "pix/2B309-collecte-profils.csv").path
        let rows = try PixExportReader(path: path, framework: configuration.framework).readAll()
        #expect(!rows.isEmpty)
        for row in rows {
            #expect(linker.communeCode(ofOrganization: row.campaign.organizationName) == "2B309")
            #expect(linker.link(row, communeCode: "2B309") == .externalID(agentID: row.externalID ?? ""))
        }
    }

    @Test func theRosterHeaderIsTheTemplates() throws {
        let template = repositoryConfig.appending(path: "templates/roster-template.csv").path
        let header = try #require(try CSVReader.readAll(path: template).first).fields
        let population = try population("bastia", communes: ["2B309"])
        let folder = FileManager.default.temporaryDirectory.appending(path: "parcours-sample-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try SampleWriter.write(population, framework: try configuration.get().framework, to: folder)
        #expect(try CSVReader.readAll(path: folder.appending(path: "roster.csv").path).first?.fields == header)
    }
}
