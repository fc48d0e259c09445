import Logging
import ParcoursConfig
import ParcoursModel
import ParcoursStore
import ParcoursWorkflow

/// What every route works with: the store, the configuration, the metrics being counted, the job
/// settings, the OpenID Connect settings and the diagnosis of the store's imports.
public struct ServiceEnvironment: Sendable {
    public let store: any ParcoursDatabase
    public let configuration: Configuration
    public let metrics: RequestMetrics
    /// How this instance runs background jobs, and which uploads go to them.
    public let jobs: JobSettings
    /// OpenID Connect sign-in, when configured; nil: tokens only.
    public let openID: OpenIDSettings?
    let diagnoses = DiagnosisCache()
    let tenders = TenderCache()
    /// Stored plans decoded, with their documents' context.
    let plans = PlanCache()
    /// The dashboards' content, by data revision.
    let dashboards = DashboardCache()

    public init(
        store: any ParcoursDatabase, configuration: Configuration, metrics: RequestMetrics = RequestMetrics(),
        jobs: JobSettings = JobSettings(instance: "parcours"), openID: OpenIDSettings? = nil
    ) {
        self.store = store
        self.configuration = configuration
        self.metrics = metrics
        self.jobs = jobs
        self.openID = openID
    }

    /// The diagnosis of what the store holds now.
    func diagnosis() async throws -> DiagnosisAssembly {
        try await diagnoses.assembly(store: store, configuration: configuration)
    }

    /// Plan `id` decoded, with the context of its documents in `language`, when it is a plan of
    /// `territoryID`; nil when there is no such plan there or its document cannot be read (stored in
    /// another layout).
    func readableDocuments(
        ofPlan id: Int64, territoryID: String?, language: Language
    ) async throws -> PlanCache.Documents? {
        do {
            return try await plans.documents(
                ofPlan: id, territoryID: territoryID, language: language, environment: self)
        } catch is PlanRecordError {
            return nil
        }
    }
}
