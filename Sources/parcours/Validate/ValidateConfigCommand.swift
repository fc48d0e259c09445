import ArgumentParser

/// `parcours validate config`: checks every file of the Config folder.
struct ValidateConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Check the Config folder and report its problems.")

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let configuration = try options.loadConfiguration()
        print(
            options.language.pick(
                "Configuration valide : \(configuration.directory.path) (\(configuration.framework.competences.count) compétences)",
                "Configuration is valid: \(configuration.directory.path) (\(configuration.framework.competences.count) competences)"
            ))
    }
}
