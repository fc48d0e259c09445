import ArgumentParser
import Foundation
import ParcoursModel
import ParcoursSolver

/// `parcours bench cflp`: solves published capacitated facility-location instances with the planning
/// engine (a facility is a session with a fixed cost and a capacity, a customer a demand group) and
/// compares with their published optima.
struct BenchCFLPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cflp",
        abstract: "Solve capacitated facility-location instances with the planning engine.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "Instance files.")
    var files: [String]

    @Option(help: "beasley (OR-Library cap*.txt, customer-major) or facility-major (orlib-ss, Holmberg…).")
    var layout: FacilityProblemLayout = .beasley

    @Option(help: "The capacity of every facility (fills the 'capacity' placeholder of capa, capb, capc).")
    var capacity: Double?

    @Flag(help: "Each customer is served by a single facility.")
    var singleSource = false

    @Option(help: "A facility may open only if its load is at least ceil(A × its capacity).")
    var minLoadFraction: Double?

    @Option(help: "A CSV of published optima (instance,variant,optimum,…), matched by instance name.")
    var optima: String?

    @Option(help: "Seconds per instance, reading included.")
    var timeLimit: Double = 10

    @Option(help: "Seed of the search's random choices.")
    var seed: UInt64 = 1

    @Option(help: "Write each solution to DIR/<instance>.sol.")
    var writeSolution: String?

    @Flag(help: "One JSON object per line and instance.")
    var json = false

    @Flag(help: "Print the objective, bound and gap on stderr each time one improves.")
    var progress = false

    func validate() throws {
        if let capacity, !(capacity > 0) { throw ValidationError("--capacity must be positive") }
        if let fraction = minLoadFraction, !(0...1).contains(fraction) {
            throw ValidationError("--min-load-fraction must be between 0 and 1")
        }
        if !(timeLimit > 0) { throw ValidationError("--time-limit must be positive") }
    }

    func run() async throws {
        let language = options.language
        let table = try optima.map { try OptimaTable(contentsOf: $0) }
        if let directory = writeSolution {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        if !json {
            let french = ["instance", "objectif", "borne", "écart-borne", "écart-optimum", "secondes"]
            let english = ["instance", "objective", "bound", "gap-to-bound", "gap-to-optimum", "seconds"]
            print(CFLPReportRow.header(zip(french, english).map { language.pick($0.0, $0.1) }))
        }
        var failures: [String] = []
        for file in files {
            let start = ContinuousClock.now
            let name = instanceName(of: file)
            let problem = try read(file)
            let optimum = table?.optimum(
                of: name, singleSource: singleSource, minimumLoadFraction: minLoadFraction)
            let elapsed = Self.seconds(since: start)
            let budget = max(0.01, (timeLimit - elapsed) * 0.97 - 0.02)
            let solver = FacilitySolver(problem: problem, options: FacilitySolverOptions(timeLimit: budget, seed: seed))
            let result = solver.solve(progress: progress ? Self.printProgress : nil)
            var objective: Double?
            if let result {
                objective = try record(result.solution, of: problem, named: name)
            } else {
                failures.append(name)
            }
            let row = CFLPReportRow(
                instance: name, objective: objective, bound: result?.bound, optimum: optimum,
                seconds: Self.seconds(since: start))
            print(json ? row.json : row.text)
        }
        if !failures.isEmpty {
            throw CommandFailure(
                lines: [
                    language.pick(
                        "Aucune solution trouvée pour : \(failures.joined(separator: ", "))",
                        "No solution found for: \(failures.joined(separator: ", "))")
                ])
        }
    }

    /// The file's base name without extension, with `_<capacity>` when a capacity is given.
    private func instanceName(of file: String) -> String {
        let base = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        guard let capacity else { return base }
        return "\(base)_\(capacity == capacity.rounded() ? String(Int(capacity)) : String(capacity))"
    }

    private func read(_ file: String) throws -> FacilityProblem {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw CommandFailure(lines: ["\(file): \(error.localizedDescription)"])
        }
        do {
            var problem = try FacilityProblem(
                parsing: text, layout: layout, capacity: capacity, singleSource: singleSource)
            if let minLoadFraction { problem = problem.withMinimumLoadFraction(minLoadFraction) }
            return problem
        } catch {
            throw CommandFailure(lines: ["\(file): \(error.description)"])
        }
    }

    /// Writes the solution file when asked, and returns the cost recomputed from exactly that text.
    private func record(_ solution: FacilitySolution, of problem: FacilityProblem, named name: String) throws
        -> Double
    {
        let text = solution.text(singleSource: problem.singleSource)
        if let directory = writeSolution {
            let path = URL(fileURLWithPath: directory).appendingPathComponent("\(name).sol").path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
        do {
            return try problem.cost(of: FacilitySolution(parsing: text, of: problem))
        } catch {
            throw CommandFailure(lines: ["\(name): the engine returned an invalid plan: \(error.description)"])
        }
    }

    @Sendable private static func printProgress(_ point: FacilitySolverProgress) {
        let gap = point.objective.isFinite ? (point.objective - point.bound) / abs(point.objective) * 100 : .infinity
        let line = String(format: "%8.3f s  %.3f  %.3f  %.4f%%\n", point.seconds, point.objective, point.bound, gap)
        FileHandle.standardError.write(Data(line.utf8))
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
}

extension FacilityProblemLayout: ExpressibleByArgument {}
