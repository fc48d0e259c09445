import Foundation
import HTTPTypes
import Hummingbird
import ParcoursModel
import ParcoursStore
import ParcoursTender
import ParcoursTenderDocuments
import ParcoursWorkflow

/// The tender package of a stored plan, for the procurement officers and the coordinator of its
/// territory: the list of documents per country, each file, and the whole package as a ZIP. The same
/// documents as `parcours tender --plan ID`; they name no agent (communes and quantities only).
struct TenderRoutes {
    let environment: ServiceEnvironment

    static let rule = AccessRule(.procurement, .coordinator)

    func register(in registry: inout RouteRegistry) {
        registry.on(.get, "/api/plans/{id}/tender") { request, context in
            let user = try Self.rule.user(of: context)
            let (id, files) = try await tender(context, of: user)
            return try ResponseBody.json(TenderListing(planID: id, files: files, language: request.language))
        }
        registry.on(.get, "/api/plans/{id}/tender.zip") { _, context in
            let user = try Self.rule.user(of: context)
            let (id, files) = try await tender(context, of: user)
            guard !files.packages.isEmpty else { throw APIError.notFound("tender package of plan \(id)") }
            return Self.download(files.archive, name: "consultation-plan-\(id).zip", mediaType: "application/zip")
        }
        registry.on(.get, "/api/plans/{id}/tender/{folder}/{file}") { _, context in
            let user = try Self.rule.user(of: context)
            let (_, files) = try await tender(context, of: user)
            let folder = try context.parameters.require("folder")
            let name = try context.parameters.require("file")
            guard let file = files.file(folder: folder, name: name) else {
                throw APIError.notFound("\(folder)/\(name) in the tender package")
            }
            return Self.download(file.data, name: name, mediaType: PlanTenderFiles.mediaType(of: name))
        }
    }

    /// The package of the plan the route's `{id}` names, when it belongs to the user's territory.
    func tender(_ context: ServiceRequestContext, of user: UserAccount) async throws -> (Int64, PlanTenderFiles) {
        let (stored, record) = try await PlanRoutes(environment: environment).record(context, of: user)
        guard let territory = environment.configuration.territory(id: record.territoryID) else {
            throw APIError.notFound("territory \(record.territoryID)")
        }
        let drafting = try await TenderDrafting(configuration: environment.configuration, store: environment.store)
        do {
            let files = try await environment.tenders.files(
                planID: stored.id, record: record, day: PlanMaking.today(in: territory), drafting: drafting)
            return (stored.id, files)
        } catch {
            throw APIError(status: .internalServerError, message: error.message(in: .english))
        }
    }

    /// Bytes to save under `name`; HTML documents open in the browser.
    private static func download(_ data: Data, name: String, mediaType: String) -> Response {
        var headers: HTTPFields = [.contentType: mediaType]
        if !mediaType.hasPrefix("text/html") { headers[.contentDisposition] = "attachment; filename=\"\(name)\"" }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: data)))
    }
}

/// A plan's tender package as the API lists it.
struct TenderListing: Encodable {
    struct File: Encodable {
        let name: String
        let href: String
        let mediaType: String
        let bytes: Int
    }

    struct Package: Encodable {
        let folder: String
        let country: String
        let territory: String
        let buyer: String
        let lots: Int
        let agents: Int
        /// Euros net of VAT.
        let estimatedTotal: Double
        let maximumTotal: Double
        let procedure: String
        let rule: String
        let eFormsSubtype: String
        /// Whether the eForms notice passed the XSDs (TED's Schematron rules are not checked); nil
        /// when the schemas were not available.
        let noticeValid: Bool?
        let files: [File]
    }

    let plan: Int64
    let launchDate: String
    let unmetNeeds: Int
    /// Needs tendered, by the plan's reason group.
    let tendered: [String: Int]
    /// Needs a catalogue session could take, left to the plan, by reason.
    let setAside: [String: Int]
    let outsidePlan: Int
    let packages: [Package]
    /// The whole package as a ZIP; nil when nothing is to tender.
    let archive: String?

    init(planID: Int64, files: PlanTenderFiles, language: Language) {
        plan = planID
        launchDate = "\(files.launchDate)"
        unmetNeeds = files.source.unmetNeeds
        tendered = files.source.tendered
        setAside = files.source.setAside
        outsidePlan = files.source.leftOut
        let base = "/api/plans/\(planID)/tender"
        packages = files.packages.map { rendered in
            let package = rendered.package
            let tier = package.recommendation.tier
            return Package(
                folder: rendered.folder, country: package.country.rawValue, territory: package.territory.id,
                buyer: package.buyer.name, lots: package.lots.count, agents: package.agents,
                estimatedTotal: package.estimatedTotal.euros, maximumTotal: package.maximumTotal.euros,
                procedure: language.pick(tier.titleFR, tier.titleEN), rule: language.pick(tier.ruleFR, tier.ruleEN),
                eFormsSubtype: package.recommendation.eFormsSubtype,
                noticeValid: rendered.noticeProblems.map(\.isEmpty),
                files: rendered.files.map {
                    File(
                        name: $0.name, href: "\(base)/\(rendered.folder)/\($0.name)",
                        mediaType: PlanTenderFiles.mediaType(of: $0.name), bytes: $0.data.count)
                })
        }
        archive = files.packages.isEmpty ? nil : "\(base).zip"
    }
}
