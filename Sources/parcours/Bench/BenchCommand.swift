import ArgumentParser

/// `parcours bench …`: measure the engine on published instances or generated data.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure the planning engine on benchmark instances.",
        subcommands: [BenchCFLPCommand.self])
}
