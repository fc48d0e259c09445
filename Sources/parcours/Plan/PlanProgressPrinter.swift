import Foundation
import ParcoursModel
import ParcoursSolver
import ParcoursWorkflow
import Synchronization

/// Shows a solve's progress on stderr (stdout stays for results): on a terminal one line rewritten in
/// place, otherwise a line at most every second.
final class PlanProgressPrinter: Sendable {
    private let language: Language
    private let prefix: String
    private let isTerminal = isatty(FileHandle.standardError.fileDescriptor) == 1
    /// When the last line was written, in solve seconds.
    private let lastLine = Mutex<Double>(-1)

    init(language: Language, prefix: String) {
        self.language = language
        self.prefix = prefix
    }

    func show(_ point: PlanningProgress) {
        let due = lastLine.withLock { last in
            guard isTerminal || point.seconds - last >= 1 else { return false }
            last = point.seconds
            return true
        }
        guard due else { return }
        write(line(point) + (isTerminal ? "\u{1B}[K\r" : "\n"))
    }

    /// Ends the progress display with the final point (unless its line is already written).
    func finish(_ last: PlanningProgress?) {
        guard let last else { return }
        if isTerminal {
            write(line(last) + "\u{1B}[K\n")
        } else if lastLine.withLock({ $0 }) != last.seconds {
            write(line(last) + "\n")
        }
    }

    private func line(_ point: PlanningProgress) -> String {
        let bound = point.bound.isFinite ? PlanText(language).euros(point.bound) : "–"
        let gap = PlanText(language).percent(point.gap)
        return language.pick(
            "\(prefix) \(language.decimal(point.seconds, fractionDigits: 1)) s — objectif \(PlanText(language).euros(point.objective)), borne \(bound), écart \(gap)",
            "\(prefix) \(language.decimal(point.seconds, fractionDigits: 1)) s — objective \(PlanText(language).euros(point.objective)), bound \(bound), gap \(gap)"
        )
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
