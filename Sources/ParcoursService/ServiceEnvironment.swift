import Logging
import ParcoursConfig
import ParcoursStore
import ParcoursWorkflow

/// What every route works with: the store, the configuration, the metrics being counted and the
/// diagnosis of the store's imports.
public struct ServiceEnvironment: Sendable {
    public let store: any ParcoursDatabase
    public let configuration: Configuration
    public let metrics: RequestMetrics
    let diagnoses = DiagnosisCache()

    public init(store: any ParcoursDatabase, configuration: Configuration, metrics: RequestMetrics = RequestMetrics()) {
        self.store = store
        self.configuration = configuration
        self.metrics = metrics
    }

    /// The diagnosis of what the store holds now.
    func diagnosis() async throws -> DiagnosisAssembly {
        try await diagnoses.assembly(store: store, configuration: configuration)
    }
}
