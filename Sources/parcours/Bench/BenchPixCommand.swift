import ArgumentParser
import Foundation
import ParcoursImport

/// `parcours bench pix FILE`: reads and normalises a Pix export as `inspect pix` does, storing and
/// printing nothing per row, and reports one JSON line: rows, bytes, seconds, rows/s, MB/s and the
/// process's peak resident memory. `scripts/bench/pix-read.py` runs it beside pandas.
struct BenchPixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pix", abstract: "Time reading and normalising a Pix export (no storage).")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The Pix Orga export (CSV) to read.")
    var file: String

    func run() async throws {
        let framework = try options.loadConfiguration().framework
        let start = ContinuousClock.now
        var rows = 0
        var shared = 0
        let reader: PixExportReader
        do {
            reader = try PixExportReader(path: file, framework: framework)
            try reader.forEachParticipation { participation in
                rows += 1
                if participation.shared { shared += 1 }
            }
        } catch let failure as ImportFailure {
            throw CommandFailure(lines: failure.lines(in: options.language))
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let bytes = reader.bytesConsumed
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let peakMiB = Double(usage.ru_maxrss) / 1024  // Linux reports kilobytes
        print(
            """
            {"tool":"parcours","rows":\(rows),"shared":\(shared),"bytes":\(bytes),"seconds":\(seconds),\
            "rowsPerSecond":\(Double(rows) / seconds),"megabytesPerSecond":\(Double(bytes) / 1e6 / seconds),\
            "peakMiB":\(peakMiB)}
            """)
    }
}
