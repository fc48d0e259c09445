import ArgumentParser

/// `parcours bench …`: measure the engine on published instances or generated data.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure the engine and the readers on benchmark instances and generated data.",
        subcommands: [BenchCFLPCommand.self, BenchNationalCommand.self, BenchPixCommand.self, BenchPlanCommand.self])
}
