import ArgumentParser

/// `parcours validate …`: check inputs without storing anything.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check files and report their problems, storing nothing.",
        subcommands: [ValidateConfigCommand.self, ValidateCatalogueCommand.self])
}
