import Foundation
import ParcoursModel
import ParcoursStore

/// The parameters of a background catalogue import: the provider it is for, the file's name as sent,
/// the upload staged in the database (``StagedUploadStore``), and the language of the report.
struct CatalogueImportParameters: Codable, Sendable {
    let providerID: String
    let fileName: String
    /// The staged upload's id.
    let upload: Int64
    let language: Language
}

/// Runs the imports of catalogue files too large to be imported while the upload waits: the same import
/// as an upload (whole or nothing, another provider's file refused), its validation report stored as
/// the job's result. The upload waits in the database, so any instance sharing it can run the job; it is
/// discarded once the import is done or refused (``JobRunner`` discards it too when the job fails for
/// good). The reader reads a file: the bytes are written to one named after the job, in the jobs'
/// temporary folder of the database (``JobSettings/temporaryFolder``), for the import's time only.
struct CatalogueImportJobHandler: JobHandler {
    static let kind = "import-catalogue"
    var kind: String { Self.kind }

    let environment: ServiceEnvironment

    func run(_ job: Job, reporter: JobReporter) async throws -> Data? {
        let parameters = try JSONDecoder().decode(CatalogueImportParameters.self, from: job.parameters)
        guard let bytes = try await environment.store.stagedUpload(id: parameters.upload) else {
            throw JobFailure.refused(
                JobReason(
                    code: "staged-file-missing",
                    french: "le fichier déposé n’est plus en attente : déposez-le à nouveau",
                    english: "the uploaded file is no longer waiting: upload it again"))
        }
        reporter.report(JobProgress(phase: "importing", percent: 10))
        try await reporter.confirmOwnership()
        let folder = Self.temporaryFolder(ofJob: job.id, settings: environment.jobs)
        try? FileManager.default.removeItem(at: folder)  // what an attempt killed before its end left
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: parameters.fileName)
        try bytes.write(to: file)
        do {
            let report = try await CatalogueRoutes(environment: environment).importFile(
                file, name: parameters.fileName, providerID: parameters.providerID, language: parameters.language)
            try await environment.store.discardStagedUpload(id: parameters.upload)
            return try JobDocument.encoder.encode(report)
        } catch let refusal as UploadRefusal {
            try await environment.store.discardStagedUpload(id: parameters.upload)
            throw JobFailure.refused(refusal.reason)
        }
    }
}

extension CatalogueImportJobHandler {
    /// Stages `data` (the catalogue file `name` of `user`, a provider) in the database and queues its
    /// import.
    static func enqueue(
        _ data: Data, name: String, by user: UserAccount, language: Language, environment: ServiceEnvironment
    ) async throws -> Job {
        let upload = try await environment.store.stageUpload(data)
        let parameters = CatalogueImportParameters(
            providerID: user.providerID ?? "", fileName: name, upload: upload, language: language)
        let id = try await environment.store.enqueue(
            NewJob(kind: kind, territoryID: nil, parameters: try JobDocument.encoder.encode(parameters)))
        guard let job = try await environment.store.job(id: id) else { throw APIError.notFound("job \(id)") }
        return job
    }

    /// Where job `id` writes the upload for the reader, for the import's time.
    static func temporaryFolder(ofJob id: Int64, settings: JobSettings) -> URL {
        settings.temporaryFolder.appending(path: "import-job-\(id)")
    }

    /// Discards the staged upload of `job` when it is a catalogue import failed for good, and what an
    /// attempt killed on this host left in the temporary folder.
    static func discardStagedUpload(of job: Job, store: any StagedUploadStore, settings: JobSettings) async throws {
        guard job.kind == kind,
            let parameters = try? JSONDecoder().decode(CatalogueImportParameters.self, from: job.parameters)
        else { return }
        try? FileManager.default.removeItem(at: temporaryFolder(ofJob: job.id, settings: settings))
        try await store.discardStagedUpload(id: parameters.upload)
    }
}
