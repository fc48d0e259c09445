import Foundation
import ParcoursModel
import ParcoursStore

/// The parameters of a background catalogue import: the provider it is for, the file's name as sent,
/// where the file waits in the staging folder, and the language of the report.
struct CatalogueImportParameters: Codable, Sendable {
    let providerID: String
    let fileName: String
    /// The file's name in ``JobSettings/stagingFolder``.
    let stagedName: String
    let language: Language
}

/// Runs the imports of catalogue files too large to be imported while the upload waits: the same import
/// as an upload (whole or nothing, another provider's file refused), its validation report stored as
/// the job's result. The staged file is removed once the import is done or refused.
struct CatalogueImportJobHandler: JobHandler {
    static let kind = "import-catalogue"
    var kind: String { Self.kind }

    let environment: ServiceEnvironment
    let stagingFolder: URL

    func run(_ job: Job, reporter: JobReporter) async throws -> Data? {
        let parameters = try JSONDecoder().decode(CatalogueImportParameters.self, from: job.parameters)
        let file = stagingFolder.appending(path: parameters.stagedName)
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw JobFailure.refused(
                JobReason(
                    code: "staged-file-missing",
                    french:
                        "le fichier déposé n’est pas dans le dossier d’attente de cette instance : déposez-le à nouveau",
                    english: "the uploaded file is not in this instance's staging folder: upload it again"))
        }
        reporter.report(JobProgress(phase: "importing", percent: 10))
        try await reporter.confirmOwnership()
        do {
            let report = try await CatalogueRoutes(environment: environment).importFile(
                file, name: parameters.fileName, providerID: parameters.providerID, language: parameters.language)
            Self.discardStagedFile(of: job, stagingFolder: stagingFolder)
            return try JobDocument.encoder.encode(report)
        } catch let refusal as UploadRefusal {
            Self.discardStagedFile(of: job, stagingFolder: stagingFolder)
            throw JobFailure.refused(refusal.reason)
        }
    }
}

extension CatalogueImportJobHandler {
    /// Stages `data` (the catalogue file `name` of `user`, a provider) and queues its import.
    static func enqueue(
        _ data: Data, name: String, by user: UserAccount, language: Language, environment: ServiceEnvironment
    ) async throws -> Job {
        let folder = environment.jobs.stagingFolder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let stagedName = "\(UUID().uuidString)-\(name)"
        try data.write(to: folder.appending(path: stagedName), options: .atomic)
        let parameters = CatalogueImportParameters(
            providerID: user.providerID ?? "", fileName: name, stagedName: stagedName, language: language)
        let id = try await environment.store.enqueue(
            NewJob(kind: kind, territoryID: nil, parameters: try JobDocument.encoder.encode(parameters)))
        guard let job = try await environment.store.job(id: id) else { throw APIError.notFound("job \(id)") }
        return job
    }

    /// Removes the staged file of `job` when it is a catalogue import: done, refused, or failed for good.
    static func discardStagedFile(of job: Job, stagingFolder: URL) {
        guard job.kind == kind,
            let parameters = try? JSONDecoder().decode(CatalogueImportParameters.self, from: job.parameters)
        else { return }
        try? FileManager.default.removeItem(at: stagingFolder.appending(path: parameters.stagedName))
    }
}
