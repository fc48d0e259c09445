import ArgumentParser
import Foundation
import ParcoursCatalogue
import ParcoursConfig
import ParcoursOutput
import ParcoursStore
import ParcoursWorkflow

/// `parcours demo [--out DIR]`: the whole job on the bundled sample data. Imports every roster and
/// Pix export of `Samples/` and every catalogue of `Catalogues/` (both found beside `Config/`) into a
/// fresh database inside the output folder, writes the territory diagnosis there and each commune's
/// own report in `communes/<code>/`, makes and stores the training plan of each territory, drafts the
/// tender packages of what no catalogue covers in `tender/`, then says where to look. Works from any
/// current folder.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract:
            "Import the bundled samples and catalogues, write the diagnosis, make the plans and draft the tenders (default folder: ./out).",
        discussion: "The database is created afresh as DIR/parcours.sqlite; --database is not used.")

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: "The folder to write into (created if needed).")
    var out: String = "out"

    @Option(name: .long, help: "The solver's time limit per territory, in seconds (default: planning.yaml).")
    var timeLimit: Double?

    func run() async throws {
        let language = options.language
        let configuration = try options.loadConfiguration()
        guard let samples = ConfigLocator.sibling("Samples", of: configuration.directory) else {
            throw CommandFailure(lines: [
                language.pick(
                    "pas de dossier Samples à côté de \(configuration.directory.path)",
                    "no Samples folder beside \(configuration.directory.path)")
            ])
        }
        let folder = URL(fileURLWithPath: out).standardizedFileURL
        let databasePath = folder.appending(path: "parcours.sqlite").path
        try options.reportingFailures {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: databasePath + suffix) {
                try FileManager.default.removeItem(atPath: databasePath + suffix)
            }
        }
        let store = try options.reportingFailures { try SQLiteStore(path: databasePath) }
        guard let catalogues = ConfigLocator.sibling("Catalogues", of: configuration.directory) else {
            throw CommandFailure(lines: [
                language.pick(
                    "pas de dossier Catalogues à côté de \(configuration.directory.path)",
                    "no Catalogues folder beside \(configuration.directory.path)")
            ])
        }
        let inputs = try SampleInputs(folder: samples)
        var agents = 0
        var participations = 0
        try await options.reportingFailures {
            for roster in inputs.rosters {
                if case .imported(let rows) = try await RosterImport.run(
                    path: roster.path, into: store, configuration: configuration)
                {
                    agents += rows
                }
            }
            for outcome in try await PixImport.run(
                paths: inputs.pixExports.map(\.path), into: store, framework: configuration.framework,
                language: language)
            {
                if case .imported(let rows) = outcome { participations += rows }
            }
        }
        let catalogueFiles = try await importCatalogues(from: catalogues, into: store, configuration: configuration)
        let assembly = try await options.reportingFailures {
            try await DiagnosisAssembly(configuration: configuration, store: store)
        }
        if let note = assembly.linkingNote(language: language) {
            FileHandle.standardError.write(Data((note + "\n").utf8))
        }
        let written = try options.reportingFailures {
            let territoryFiles = try DiagnosisOutput.write(
                assembly.report(audience: .territories, language: language), formats: DiagnosisOutput.Format.allCases,
                to: folder)
            var communeFolders: [URL] = []
            for code in assembly.communesWithAgents {
                let communeFolder = folder.appending(path: "communes/\(code)")
                _ = try DiagnosisOutput.write(
                    assembly.report(audience: .commune(code), language: language),
                    formats: DiagnosisOutput.Format.allCases, to: communeFolder)
                communeFolders.append(communeFolder)
            }
            return (territoryFiles, communeFolders)
        }
        let report = written.0.first { $0.pathExtension == "html" }?.path ?? folder.path
        let runner = PlanRunner(options: options, configuration: configuration, store: store)
        let plans = try await runner.run(
            territoryID: nil, overrides: PlanningOverrides(timeLimitSeconds: timeLimit), label: "demo",
            planningDate: nil,
            out: folder)
        print(
            language.pick(
                """
                Démo : \(agents) agents et \(participations) participations Pix importés depuis \(samples.path), \(catalogueFiles) catalogues depuis \(catalogues.path)
                Base de données : \(databasePath)
                Rapport du territoire (sans noms) : \(report)
                Tableaux CSV et JSON : \(folder.path)
                Rapports propres à chaque commune (avec les noms) : \(folder.appending(path: "communes").path)/<code>/diagnosis.html (\(written.1.count) communes)
                """,
                """
                Demo: \(agents) agents and \(participations) Pix participations imported from \(samples.path), \(catalogueFiles) catalogues from \(catalogues.path)
                Database: \(databasePath)
                Territory report (no names): \(report)
                CSV tables and JSON: \(folder.path)
                Each commune's own report (with names): \(folder.appending(path: "communes").path)/<code>/diagnosis.html (\(written.1.count) communes)
                """))
        for plan in plans { print(runner.summary(plan).joined(separator: "\n")) }
        try await draftTenders(
            of: plans, store: store, configuration: configuration, into: folder.appending(path: "tender"))
        print(
            language.pick(
                "Expliquer, refaire, comparer : parcours explain|replan|compare --database \(databasePath) …",
                "Explain, re-plan, compare: parcours explain|replan|compare --database \(databasePath) …"))
    }

    /// Writes the tender packages of the plans' unmet needs that no catalogue session can take into
    /// `folder` (one sub-folder per country, an `index.html`), launched today.
    private func draftTenders(
        of plans: [PlanRunner.Outcome], store: SQLiteStore, configuration: Configuration, into folder: URL
    ) async throws {
        guard let first = plans.first else { return }
        let fromPlans = PlanTenderDemand(
            plans: plans.map { ($0.id, $0.record) }, launchDate: PlanMaking.today(in: first.territory))
        let drafter = TenderDrafter(options: options, configuration: configuration, store: store)
        print(drafter.summary(of: fromPlans.sources).joined(separator: "\n"))
        guard !fromPlans.demand.needs.isEmpty else {
            print(options.language.pick("Aucun besoin à mettre en consultation.", "No need to tender."))
            return
        }
        _ = try await drafter.draft(fromPlans.demand, origin: "demo", out: folder)
        print(
            options.language.pick(
                "Dossiers de consultation (acheteurs) : \(folder.appending(path: "index.html").path)",
                "Tender packages (buyers): \(folder.appending(path: "index.html").path)"))
    }

    /// Stores every catalogue file of `folder` (sorted by name); returns how many.
    private func importCatalogues(
        from folder: URL, into store: some CatalogueStore, configuration: Configuration
    ) async throws -> Int {
        let reader = CatalogueReader(options: CatalogueReadOptions(configuration: configuration))
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { ["xml", "csv"].contains($0.pathExtension.lowercased()) }.sorted { $0.path < $1.path }
        for file in files {
            do {
                _ = try await options.reportingFailures {
                    try await CatalogueImport.run(path: file.path, into: store, reader: reader)
                }
            } catch let refusal as CatalogueRefusal {
                throw CommandFailure(lines: [refusal.formatted(language: options.language)])
            }
        }
        return files.count
    }
}

/// The sample files: each sub-folder of `Samples/` holds a `roster.csv` and a `pix/` folder.
struct SampleInputs {
    let rosters: [URL]
    let pixExports: [URL]

    init(folder: URL) throws {
        let manager = FileManager.default
        let territories = try manager.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.hasDirectoryPath }.sorted { $0.path < $1.path }
        rosters = territories.map { $0.appending(path: "roster.csv") }.filter { manager.fileExists(atPath: $0.path) }
        pixExports = try territories.flatMap { territory -> [URL] in
            let pix = territory.appending(path: "pix")
            guard manager.fileExists(atPath: pix.path) else { return [] }
            return try manager.contentsOfDirectory(at: pix, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension.lowercased() == "csv" }.sorted { $0.path < $1.path }
        }
    }
}
