import ArgumentParser

/// `parcours import …`: store files in the database, each command all or nothing.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Store Pix exports and agent rosters in the database (all or nothing).",
        subcommands: [ImportPixCommand.self])
}
