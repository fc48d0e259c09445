import ArgumentParser
import Foundation
import ParcoursImport

/// `parcours bench pix FILE`: reads and normalises a Pix export into ``PixRow``s as `import pix`
/// does (on every core, see ``PixExportReader/forEachRow(_:)``), storing and printing nothing per
/// row, and reports one JSON line: rows, bytes, wall and CPU seconds, rows/s, MB/s and the
/// process's peak resident memory. `scripts/bench/pix-read.py` runs it beside pandas.
struct BenchPixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pix", abstract: "Time reading and normalising a Pix export (no storage).")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The Pix Orga export (CSV) to read.")
    var file: String

    @Option(help: "Threads reading pieces of the file (default: one per core).")
    var threads = ProcessInfo.processInfo.activeProcessorCount

    func run() async throws {
        let framework = try options.loadConfiguration().framework
        let start = ContinuousClock.now
        let cpuStart = ProcessUsage.cpuSeconds
        var rows = 0
        var shared = 0
        let reader: PixExportReader
        do {
            reader = try PixExportReader(path: file, framework: framework, threads: threads)
            try reader.forEachRow { row in
                rows += 1
                if row.shared { shared += 1 }
            }
        } catch let failure as ImportFailure {
            throw CommandFailure(lines: failure.lines(in: options.language))
        }
        let elapsed = ContinuousClock.now - start
        let cpuSeconds = ProcessUsage.cpuSeconds - cpuStart
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let bytes = reader.bytesConsumed
        let peakMiB = ProcessUsage.peakMiB
        print(
            """
            {"tool":"parcours","threads":\(threads),"rows":\(rows),"shared":\(shared),"bytes":\(bytes),"seconds":\(seconds),\
            "cpuSeconds":\(cpuSeconds),\
            "rowsPerSecond":\(Double(rows) / seconds),"megabytesPerSecond":\(Double(bytes) / 1e6 / seconds),\
            "peakMiB":\(peakMiB)}
            """)
    }
}
