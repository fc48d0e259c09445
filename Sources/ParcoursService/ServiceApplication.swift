import Hummingbird
import Logging

/// The Parcours HTTP service: its router (every route with its access rule) and the application
/// that serves it.
public enum ServiceApplication {
    /// The router of every route, and the list of what it registered (method and path pattern).
    public static func router(_ environment: ServiceEnvironment) -> (
        router: Router<ServiceRequestContext>, routes: [RegisteredRoute]
    ) {
        let router = Router(context: ServiceRequestContext.self)
        router.add(middleware: RequestObservation(metrics: environment.metrics))
        router.add(middleware: Authentication(store: environment.store))
        var registry = RouteRegistry(router: router)
        OperationalRoutes(environment: environment).register(in: &registry)
        DiagnosisRoutes(environment: environment).register(in: &registry)
        PlanRoutes(environment: environment).register(in: &registry)
        AgentRoutes(environment: environment).register(in: &registry)
        TenderRoutes(environment: environment).register(in: &registry)
        ErasureRoutes(environment: environment).register(in: &registry)
        SessionChoiceRoutes(environment: environment).register(in: &registry)
        CatalogueRoutes(environment: environment).register(in: &registry)
        AdminRoutes(environment: environment).register(in: &registry)
        SignInPages(environment: environment).register(in: &registry)
        OpenIDRoutes(environment: environment).register(in: &registry)
        TerritoryPage(environment: environment).register(in: &registry)
        CommunePage(environment: environment).register(in: &registry)
        UploadPage(environment: environment).register(in: &registry)
        JobRoutes(environment: environment).register(in: &registry)
        CompareRoutes(environment: environment).register(in: &registry)
        PlanRunPage(environment: environment).register(in: &registry)
        ComparePage(environment: environment).register(in: &registry)
        UnmetNeedsPage(environment: environment).register(in: &registry)
        PlanReportPage(environment: environment).register(in: &registry)
        ErasurePage(environment: environment).register(in: &registry)
        TenderPage(environment: environment).register(in: &registry)
        SessionChoicesPage(environment: environment).register(in: &registry)
        return (router, registry.routes)
    }

    /// The application listening on `host`:`port`, with the job runner of `environment.jobs` beside the
    /// server (none with 0 workers) and the daily retention purge; `runService()` serves until SIGINT or
    /// SIGTERM, then finishes the requests and jobs in progress.
    public static func make(
        _ environment: ServiceEnvironment, host: String, port: Int, logger: Logger
    ) -> some ApplicationProtocol {
        Application(
            router: router(environment).router,
            configuration: .init(address: .hostname(host, port: port), serverName: "parcours"),
            services: (environment.jobs.workers > 0 ? [JobRunner(environment: environment, logger: logger)] : [])
                + [DailyPurge(environment: environment, logger: logger)],
            logger: logger)
    }
}
