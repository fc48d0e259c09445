import ArgumentParser

/// `parcours inspect …`: read an input and show what Parcours understands of it, storing nothing.
struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect", abstract: "Show what Parcours reads from a file, storing nothing.",
        subcommands: [InspectPixCommand.self, InspectCatalogueCommand.self])
}
