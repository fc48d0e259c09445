import ArgumentParser
import Foundation

/// `parcours`: from Pix results to mutualised training plans and tender specifications.
@main
struct Parcours: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parcours",
        abstract: "Turn Pix digital-competence results into mutualised training plans and tenders.",
        subcommands: [
            ValidateCommand.self,
            InspectCommand.self,
            BenchCommand.self,
            GenerateCommand.self,
            ImportCommand.self,
            DiagnoseCommand.self,
            PlanCommand.self,
            ReplanCommand.self,
            ExplainCommand.self,
            CompareCommand.self,
            DemoCommand.self,
            TenderCommand.self,
            ServeCommand.self,
            AdminCommand.self,
        ]
    )

    /// Runs the command; a ``CommandFailure`` prints its lines alone on stderr (nothing on stdout)
    /// and exits with its code.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data((failure.description + "\n").utf8))
            Foundation.exit(failure.code)
        } catch {
            exit(withError: error)
        }
    }
}
