import Foundation
import ParcoursModel
import ParcoursStore

/// The line an import prints for each file.
enum ImportSummary {
    /// `importedFR`/`importedEN` follow the count, e.g. "participations importées", "agents importés".
    static func line(
        file: String, outcome: ImportOutcome, importedFR: String, importedEN: String, language: Language
    ) -> String {
        switch outcome {
        case .imported(let rows):
            return language.pick("\(file) : \(rows) \(importedFR)", "\(file): \(rows) \(importedEN)")
        case .alreadyImported(let date):
            let day = ISO8601DateFormatter.string(from: date, timeZone: .current, formatOptions: [.withFullDate])
            return language.pick(
                "\(file) : déjà importé le \(day), rien n'a changé",
                "\(file): already imported on \(day), nothing changed")
        }
    }
}
