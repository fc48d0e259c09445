import ArgumentParser

/// `parcours admin …`: the service's users, and erasure of personal data.
struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin",
        abstract: "Manage the service's users; erase and purge personal data.",
        subcommands: [CreateUserCommand.self, LinkIdentityCommand.self, EraseAgentCommand.self, PurgeCommand.self])
}
