import ArgumentParser
import Foundation
import ParcoursImport
import ParcoursModel

/// `parcours inspect pix FILE [--json]`: reads one Pix Orga export without storing anything.
///
/// With `--json`, prints a JSON array with one object per participant row, in file order (the
/// contract of `inspect pix`, see ``PixParticipationJSON``). On any problem: nothing on stdout,
/// one line per problem on stderr (file, line, column), exit status 1.
struct InspectPixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pix", abstract: "Read a Pix Orga export and print what it holds, storing nothing.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The Pix Orga export (CSV).")
    var file: String

    @Flag(name: .long, help: "Print one JSON object per participant row.")
    var json = false

    func run() async throws {
        let framework = try options.loadConfiguration().framework
        let language = options.language
        // First pass: the whole file must be valid before anything is printed.
        var rows = 0
        var sharedRows = 0
        let reader = try open(framework: framework)
        try failing(language) {
            try reader.forEachRow { row in
                rows += 1
                if row.shared { sharedRows += 1 }
            }
        }
        guard json else {
            let kind =
                reader.kind == .profilesCollection
                ? language.pick("collecte de profils", "profiles collection")
                : language.pick("évaluation", "assessment")
            let codes = reader.competenceCodes.map(\.rawValue).joined(separator: " ")
            print(
                language.pick(
                    "\(file) : \(kind), \(rows) participants dont \(sharedRows) ont partagé leurs résultats ; compétences : \(codes)",
                    "\(file): \(kind), \(rows) participants, \(sharedRows) of whom shared their results; competences: \(codes)"
                ))
            return
        }
        let output = PixParticipationJSON(framework: framework)
        try failing(language) {
            try open(framework: framework).forEachParticipation { output.append($0) }
        }
        output.finish()
    }

    private func open(framework: CompetenceFramework) throws -> PixExportReader {
        try failing(options.language) { try PixExportReader(path: file, framework: framework) }
    }

    private func failing<T>(_ language: Language, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as ImportFailure {
            throw CommandFailure(lines: failure.lines(in: language))
        }
    }
}
