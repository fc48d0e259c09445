import Foundation
import Hummingbird
import ParcoursCatalogue
import ParcoursModel
import ParcoursStore
import ParcoursWorkflow

/// A provider's catalogues: the upload of a file (LHEO, XCRI-CAP or Parcours CSV), stored whole or not at
/// all, answered with its validation report; and the versions stored so far. A file that names another
/// provider is refused whole. A file larger than ``JobSettings/backgroundImportBytes`` is imported by a
/// job: the upload answers 202 with it, and the job's result is the validation report.
struct CatalogueRoutes {
    let environment: ServiceEnvironment
    /// The largest file accepted.
    static let maximumBytes = 64 * 1024 * 1024

    func register(in registry: inout RouteRegistry) {
        registry.on(.post, "/api/catalogues") { request, context in
            let user = try AccessRule(.provider).user(of: context)
            let name = try Self.fileName(request)
            let body = try await request.body.collect(upTo: Self.maximumBytes)
            if body.readableBytes > environment.jobs.backgroundImportBytes {
                let job = try await CatalogueImportJobHandler.enqueue(
                    Data(buffer: body), name: name, by: user, language: request.language, environment: environment)
                return try ResponseBody.json(
                    JobDocument(job, language: request.language), status: .accepted,
                    headers: [.location: "/api/jobs/\(job.id)"])
            }
            let report = try await upload(Data(buffer: body), name: name, by: user, language: request.language)
            return try ResponseBody.json(report, status: report.stored ? .created : .ok)
        }
        registry.on(.get, "/api/catalogues") { _, context in
            let user = try AccessRule(.provider).user(of: context)
            let versions = try await environment.store.catalogueVersions(of: user.providerID ?? "").map(
                VersionEntry.init)
            return try ResponseBody.json(["versions": versions])
        }
    }

    /// Imports `data` as the catalogue file `name` of `user`'s provider.
    func upload(_ data: Data, name: String, by user: UserAccount, language: Language) async throws -> UploadReport {
        let folder = FileManager.default.temporaryDirectory.appending(path: "parcours-upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: name)
        try data.write(to: file)
        do {
            return try await importFile(file, name: name, providerID: user.providerID ?? "", language: language)
        } catch let refusal as UploadRefusal {
            throw APIError(status: refusal.status, message: refusal.reason.text(in: language))
        }
    }

    /// Imports `file` (sent as `name`) as a catalogue of provider `providerID`: a file naming another
    /// provider is refused whole (``UploadRefusal``, 403), a file the reader refuses too (422).
    func importFile(_ file: URL, name: String, providerID: String, language: Language) async throws -> UploadReport {
        let reader = CatalogueReader(options: CatalogueReadOptions(configuration: environment.configuration))
        let ownProvider: (CatalogueProvider) throws -> Void = { provider in
            guard provider.id == providerID else {
                throw UploadRefusal(
                    status: .forbidden,
                    reason: JobReason(
                        code: "other-provider",
                        french:
                            "le catalogue décrit le prestataire \(provider.id), pas le vôtre : rien n’est enregistré",
                        english: "the catalogue describes provider \(provider.id), not yours: nothing is stored"))
            }
        }
        do {
            let (outcome, summary) = try await CatalogueImport.run(
                path: file.path, into: environment.store, reader: reader, checkProvider: ownProvider)
            if case .alreadyImported = outcome {
                // The same bytes were stored before, perhaps by another provider: the file is read
                // again only to refuse it as a new one would be.
                _ = try reader.read(path: file.path) { _, provider in try ownProvider(provider) }
            }
            return UploadReport(file: name, outcome: outcome, summary: summary, language: language)
        } catch let refusal as CatalogueRefusal {
            throw UploadRefusal(status: .unprocessableContent, reason: JobFailure.reason(for: refusal))
        }
    }

    /// The `file` query parameter: a plain file name whose extension says the format.
    static func fileName(_ request: Request) throws -> String {
        guard let name = request.uri.queryParameters.get("file"), !name.isEmpty, !name.contains("/"),
            !name.hasPrefix("."), ["xml", "csv"].contains(name.split(separator: ".").last?.lowercased() ?? "")
        else {
            throw APIError.badRequest("give the file name in ?file=, ending in .xml or .csv, without a folder")
        }
        return name
    }
}

/// A catalogue file refused whole, with the status the API answers and the reason in both languages
/// (a background import stores it with its job).
struct UploadRefusal: Error {
    let status: HTTPResponse.Status
    let reason: JobReason
}

/// The validation report of an upload.
struct UploadReport: Codable {
    let file: String
    /// Whether the file was stored (false when the same content was stored before).
    let stored: Bool
    let format: String?
    let providers: [String]
    let acceptedCourses: Int
    let acceptedSessions: Int
    let rejectedCourses: [String]
    let errorCount: Int
    let warningCount: Int
    let notes: [String]
    let diagnostics: [Diagnostic]

    struct Diagnostic: Codable {
        let severity: String
        let line: Int?
        let column: Int?
        /// The element path (XML) or the column name (CSV).
        let field: String?
        let course: String?
        let message: String
    }

    init(file: String, outcome: ImportOutcome, summary: CatalogueSummary?, language: Language) {
        self.file = file
        if case .imported = outcome { stored = true } else { stored = false }
        format = summary?.format.rawValue
        providers = summary?.providers.map(\.id) ?? []
        acceptedCourses = summary?.acceptedCourses ?? 0
        acceptedSessions = summary?.acceptedSessions ?? 0
        rejectedCourses = summary?.rejectedCourses ?? []
        errorCount = summary?.errorCount ?? 0
        warningCount = summary?.warningCount ?? 0
        notes = summary?.notes.map { $0.text(in: language) } ?? []
        diagnostics =
            summary?.diagnostics.map {
                Diagnostic(
                    severity: $0.severity.rawValue, line: $0.line, column: $0.column, field: $0.path,
                    course: $0.courseID,
                    message: $0.message(in: language))
            } ?? []
    }
}

/// A stored version of a provider's catalogue.
struct VersionEntry: Encodable {
    let file: String
    let format: String
    let importedAt: Date
    let current: Bool
    let courses: Int
    let sessions: Int

    init(_ version: CatalogueVersion) {
        file = version.fileName
        format = version.format
        importedAt = version.importedAt
        current = version.isCurrent
        courses = version.courseCount
        sessions = version.sessionCount
    }
}
