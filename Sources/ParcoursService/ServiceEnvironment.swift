import Logging
import ParcoursConfig
import ParcoursStore
import ParcoursWorkflow

/// What every route works with: the store, the configuration, the metrics being counted, the job
/// settings and the diagnosis of the store's imports.
public struct ServiceEnvironment: Sendable {
    public let store: any ParcoursDatabase
    public let configuration: Configuration
    public let metrics: RequestMetrics
    /// How this instance runs background jobs, and which uploads go to them.
    public let jobs: JobSettings
    let diagnoses = DiagnosisCache()
    let tenders = TenderCache()

    public init(
        store: any ParcoursDatabase, configuration: Configuration, metrics: RequestMetrics = RequestMetrics(),
        jobs: JobSettings = JobSettings(instance: "parcours")
    ) {
        self.store = store
        self.configuration = configuration
        self.metrics = metrics
        self.jobs = jobs
    }

    /// The diagnosis of what the store holds now.
    func diagnosis() async throws -> DiagnosisAssembly {
        try await diagnoses.assembly(store: store, configuration: configuration)
    }
}
