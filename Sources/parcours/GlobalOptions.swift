import ArgumentParser
import Foundation
import ParcoursConfig
import ParcoursModel

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "The SQLite database file, or a postgres://user@host[:port]/database URL (created or migrated if needed)."
    )
    var database: String = "parcours.sqlite"

    @Option(name: .long, help: "Language of what is written for people: fr or en (default: from the locale, else fr).")
    var lang: Language?

    @Option(name: .long, help: "The Config folder (default: the one shipped with parcours).")
    var config: String?

    /// The language to write in.
    var language: Language { lang ?? Language.fromEnvironment(ProcessInfo.processInfo.environment) }

    /// Locates and loads the configuration, or exits with the problem on stderr.
    func loadConfiguration() throws -> Configuration {
        do {
            return try Configuration(directory: ConfigLocator.locate(explicit: config))
        } catch let error as ConfigError {
            throw CommandFailure(lines: [error.description(in: language)])
        }
    }
}

extension Language: ExpressibleByArgument {}

/// A failure already described for the user: its lines go to stderr and the exit status is `code`.
struct CommandFailure: Error, CustomStringConvertible {
    let lines: [String]
    var code: Int32 = 1

    var description: String { lines.joined(separator: "\n") }
}
