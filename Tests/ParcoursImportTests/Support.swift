import Foundation
import ParcoursConfig
import ParcoursImport
import ParcoursModel

/// The repository's folders, found from this source file.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let fixtures = repositoryRoot.appending(path: "Tests/ParcoursImportTests/Fixtures")

/// The framework of the repository's Config folder.
let framework: CompetenceFramework = {
    do {
        return try Configuration(directory: repositoryRoot.appending(path: "Config")).framework
    } catch {
        fatalError("Config/ does not load: \(error)")
    }
}()

/// Reads a Pix export held in `text` (UTF-8).
func readPix(_ text: String, file: String = "export.csv") throws(ImportFailure) -> [PixParticipation] {
    try PixExportReader(bytes: Array(text.utf8), file: file, framework: framework).readAll()
}

/// The problems of an export that must fail, as English lines.
func pixProblems(_ text: String) -> [String] {
    do {
        _ = try readPix(text)
        return []
    } catch {
        return error.lines(in: .english)
    }
}

/// A UTC instant.
func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
}

/// Competence code shorthand.
func code(_ text: String) -> CompetenceCode { CompetenceCode(text) }
