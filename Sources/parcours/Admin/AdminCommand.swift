import ArgumentParser

/// `parcours admin …`: the service's users.
struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin",
        abstract: "Manage the service's users.",
        subcommands: [CreateUserCommand.self])
}
