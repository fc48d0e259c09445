import Foundation
import ParcoursModel

/// Where provider catalogues are kept. Each imported file makes a new version of the catalogue of
/// every provider it holds; that version replaces the previous one as the current catalogue, in
/// the same transaction, and previous versions are kept.
public protocol CatalogueStore: DataStore {
    /// Stores one catalogue file in one transaction: every course `produce` hands to `add`, with
    /// its provider. If `produce` or `add` throws, nothing of the file is stored and the error is
    /// rethrown. `produce` returns the file's format (e.g. `LHEO`); it runs on a thread of the store's
    /// while the caller waits. A file whose content was
    /// imported before is not read again (``ImportOutcome/alreadyImported(on:)``).
    func importCatalogue(
        _ file: SourceFile,
        courses produce: (_ add: (CatalogueCourse, CatalogueProvider) throws -> Void) throws -> String
    ) async throws -> ImportOutcome

    /// The courses of every provider's current catalogue, ordered by provider then file order.
    func currentCourses() async throws -> [CatalogueCourse]

    /// Every provider known, ordered by identity.
    func providers() async throws -> [CatalogueProvider]

    /// Every version of a provider's catalogue, oldest first.
    func catalogueVersions(of providerID: String) async throws -> [CatalogueVersion]
}

/// One imported version of a provider's catalogue.
public struct CatalogueVersion: Hashable, Sendable {
    public let providerID: String
    public let fileName: String
    public let format: String
    public let importedAt: Date
    public let isCurrent: Bool
    public let courseCount: Int
    public let sessionCount: Int

    public init(
        providerID: String, fileName: String, format: String, importedAt: Date, isCurrent: Bool, courseCount: Int,
        sessionCount: Int
    ) {
        self.providerID = providerID
        self.fileName = fileName
        self.format = format
        self.importedAt = importedAt
        self.isCurrent = isCurrent
        self.courseCount = courseCount
        self.sessionCount = sessionCount
    }
}
