import ArgumentParser
import Foundation
import ParcoursConfig
import ParcoursOutput
import ParcoursStore
import ParcoursWorkflow

/// `parcours demo [--out DIR]`: the whole job on the bundled sample data. Imports every roster and
/// Pix export of `Samples/` (found beside `Config/`) into a fresh database inside the output
/// folder, writes the territory diagnosis there and each commune's own report in
/// `communes/<code>/`, then says where to look. Works from any current folder.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Import the bundled sample data and write the diagnosis (default folder: ./out).",
        discussion: "The database is created afresh as DIR/parcours.sqlite; --database is not used.")

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: "The folder to write into (created if needed).")
    var out: String = "out"

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
        let inputs = try SampleInputs(folder: samples)
        var agents = 0
        var participations = 0
        try options.reportingFailures {
            for roster in inputs.rosters {
                if case .imported(let rows) = try RosterImport.run(
                    path: roster.path, into: store, configuration: configuration)
                {
                    agents += rows
                }
            }
            for outcome in try PixImport.run(
                paths: inputs.pixExports.map(\.path), into: store, framework: configuration.framework,
                language: language)
            {
                if case .imported(let rows) = outcome { participations += rows }
            }
        }
        let assembly = try options.reportingFailures {
            try DiagnosisAssembly(configuration: configuration, store: store)
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
        print(
            language.pick(
                """
                Démo : \(agents) agents et \(participations) participations Pix importés depuis \(samples.path)
                Base de données : \(databasePath)
                Rapport du territoire (sans noms) : \(report)
                Tableaux CSV et JSON : \(folder.path)
                Rapports propres à chaque commune (avec les noms) : \(folder.appending(path: "communes").path)/<code>/diagnosis.html (\(written.1.count) communes)
                """,
                """
                Demo: \(agents) agents and \(participations) Pix participations imported from \(samples.path)
                Database: \(databasePath)
                Territory report (no names): \(report)
                CSV tables and JSON: \(folder.path)
                Each commune's own report (with names): \(folder.appending(path: "communes").path)/<code>/diagnosis.html (\(written.1.count) communes)
                """))
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
