import Foundation

/// Writes the diagnosis files into a folder.
public enum DiagnosisOutput {
    /// The formats `parcours diagnose --format` accepts.
    public enum Format: String, CaseIterable, Sendable {
        case html, csv, json
    }

    /// Writes `report` in `formats` into `folder` (created if needed) and returns the files written:
    /// `diagnosis.html`, `groups.csv`, `gaps.csv`, `needs.csv`, `diagnosis.json`.
    public static func write(_ report: DiagnosisReport, formats: [Format], to folder: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var files: [(String, Data)] = []
        for format in formats {
            switch format {
            case .html: files.append(("diagnosis.html", Data(DiagnosisHTML.render(report).utf8)))
            case .csv: files += DiagnosisCSV.tables(report).map { ($0.name, $0.data) }
            case .json: files.append(("diagnosis.json", try DiagnosisJSON.encode(report)))
            }
        }
        return try files.map { name, data in
            let url = folder.appending(path: name)
            try data.write(to: url, options: .atomic)
            return url
        }
    }
}
