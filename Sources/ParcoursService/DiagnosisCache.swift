import ParcoursConfig
import ParcoursStore
import ParcoursWorkflow

/// The diagnosis of what the store holds, assembled once and kept until a file is imported: linking and
/// consolidating every Pix row takes about a second for a few hundred agents, and most pages need it.
actor DiagnosisCache {
    private var cached: (files: [String], assembly: DiagnosisAssembly)?

    /// The assembly of `store`'s current imports.
    func assembly(store: any ParcoursDatabase, configuration: Configuration) async throws -> DiagnosisAssembly {
        let files = try await store.importedFiles().map(\.contentHash)
        if let cached, cached.files == files { return cached.assembly }
        let assembly = try await DiagnosisAssembly(configuration: configuration, store: store)
        cached = (files, assembly)
        return assembly
    }
}
