import ParcoursConfig
import ParcoursStore
import ParcoursWorkflow

/// The diagnosis of what the store holds, assembled once and kept until a file is imported: linking and
/// consolidating every Pix row takes about a second for a few hundred agents, and most pages need it.
/// An erasure (by this instance or another) makes it stale too.
actor DiagnosisCache {
    private var cached: (files: [String], erased: Int, assembly: DiagnosisAssembly)?

    /// The assembly of `store`'s current imports.
    func assembly(store: any ParcoursDatabase, configuration: Configuration) async throws -> DiagnosisAssembly {
        let files = try await store.importedFiles().map(\.contentHash)
        let erased = try await store.erasedAgentCount()
        if let cached, cached.files == files, cached.erased == erased { return cached.assembly }
        let assembly = try await DiagnosisAssembly(configuration: configuration, store: store)
        cached = (files, erased, assembly)
        return assembly
    }
}
