import Foundation
import ParcoursModel

/// Progress of a long import on stderr, as one line rewritten in place (`\r`), only when stderr
/// is a terminal; stdout stays for results. Shows the file name, bytes read and rows, never
/// anything of a row's content.
final class ImportProgress {
    private let language: Language
    private let enabled: Bool
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(language: Language, enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.language = language
        self.enabled = enabled
    }

    /// Reports `rows` read and `bytes` of `totalBytes` of `file`; redraws at most 5 times a second.
    func update(file: String, bytes: Int, totalBytes: Int, rows: Int) {
        guard enabled, Date().timeIntervalSince(lastDraw) >= 0.2 else { return }
        lastDraw = Date()
        let percent = totalBytes > 0 ? min(100, bytes * 100 / totalBytes) : 100
        let line = language.pick(
            "\(file) : \(percent) % (\(rows) lignes)", "\(file): \(percent)% (\(rows) rows)")
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        drawn = true
    }

    /// Clears the progress line.
    func finish() {
        guard drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
    }
}
