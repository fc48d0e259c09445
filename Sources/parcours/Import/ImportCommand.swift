import ArgumentParser

/// `parcours import …`: store files in the database, each command all or nothing.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Store Pix exports, agent rosters and provider catalogues in the database (all or nothing).",
        subcommands: [ImportPixCommand.self, ImportRosterCommand.self, ImportCatalogueCommand.self])
}
