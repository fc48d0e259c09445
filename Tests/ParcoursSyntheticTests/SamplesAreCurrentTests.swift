import Foundation
import ParcoursModel
import ParcoursSynthetic
import Testing

/// `Samples/` must be what the commands documented in `Samples/README.md` write today.
@Suite struct SamplesAreCurrentTests {
    static let samples = repositoryConfig.deletingLastPathComponent().appending(path: "Samples")

    @Test(arguments: [
        ("namur", ["93018", "91015", "92054", "92045"]), ("bastia", ["2B309", "2B305", "2B353", "2B120"]),
    ])
    func samplesMatchTheDocumentedCommand(territory: String, communes: [String]) throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "parcours-samples-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = try SampleWriter.write(
            try population(territory, communes: communes, seed: 2026), framework: try configuration.get().framework,
            to: folder)
        for path in summary.files {
            let relative = String(path.dropFirst(folder.path.count + 1))
            let shipped = try Data(contentsOf: Self.samples.appending(path: "\(territory)/\(relative)"))
            #expect(
                shipped == (try Data(contentsOf: URL(fileURLWithPath: path))),
                "Samples/\(territory)/\(relative) is out of date: regenerate it (Samples/README.md)")
        }
    }
}
