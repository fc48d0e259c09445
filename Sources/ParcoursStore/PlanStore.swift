import Foundation

/// Where training plans are kept, beside what they were made from. Each plan is a new version: plans
/// are never changed once stored, a re-plan stores a new plan linked to the one it started from.
public protocol PlanStore: CatalogueStore {
    /// Stores `plan` in one transaction and returns its id (ids increase with each plan stored).
    func savePlan(_ plan: NewPlan) async throws -> Int64

    /// The plan with id `id`, or nil.
    func plan(id: Int64) async throws -> StoredPlan?

    /// The plans of `territoryID` (of every territory when nil), newest first, without their documents.
    func plans(territoryID: String?) async throws -> [PlanSummary]
}

extension PlanStore {
    /// The plan `reference` names: the newest one (of `territoryID` when given) for ``PlanReference/latest``.
    public func plan(_ reference: PlanReference, territoryID: String? = nil) async throws -> StoredPlan? {
        switch reference {
        case .id(let id): return try await plan(id: id)
        case .latest:
            guard let newest = try await plans(territoryID: territoryID).first else { return nil }
            return try await plan(id: newest.id)
        }
    }
}

/// How a command names a plan: its id, or `latest`.
public enum PlanReference: Hashable, Sendable, CustomStringConvertible {
    case id(Int64)
    case latest

    /// `latest` or a positive id; nil otherwise.
    public init?(_ text: String) {
        if text.lowercased() == "latest" {
            self = .latest
        } else if let id = Int64(text), id > 0 {
            self = .id(id)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .id(let id): "\(id)"
        case .latest: "latest"
        }
    }
}

/// A file or setting a plan was made from, by the SHA-256 of its content.
public struct PlanInput: Hashable, Codable, Sendable {
    /// `pix`, `roster`, `catalogue` (an imported file, see ``ImportKind``) or `config` (a file of Config/).
    public let kind: String
    public let name: String
    public let contentHash: String

    public init(kind: String, name: String, contentHash: String) {
        self.kind = kind
        self.name = name
        self.contentHash = contentHash
    }
}

/// A plan to store.
public struct NewPlan: Hashable, Sendable {
    public let territoryID: String
    /// Words people recognise the plan by (e.g. the what-if options it was made with).
    public let label: String
    /// The plan a re-plan started from.
    public let previousPlanID: Int64?
    public let inputs: [PlanInput]
    /// The plan itself, as the JSON document whose schema the planning workflow owns.
    public let document: Data

    public init(territoryID: String, label: String, previousPlanID: Int64?, inputs: [PlanInput], document: Data) {
        self.territoryID = territoryID
        self.label = label
        self.previousPlanID = previousPlanID
        self.inputs = inputs
        self.document = document
    }
}

/// A stored plan's identity, without its document.
public struct PlanSummary: Hashable, Sendable {
    public let id: Int64
    public let createdAt: Date
    public let territoryID: String
    public let label: String
    public let previousPlanID: Int64?

    package init(id: Int64, createdAt: Date, territoryID: String, label: String, previousPlanID: Int64?) {
        self.id = id
        self.createdAt = createdAt
        self.territoryID = territoryID
        self.label = label
        self.previousPlanID = previousPlanID
    }
}

/// A stored plan.
public struct StoredPlan: Hashable, Sendable {
    public let summary: PlanSummary
    public let inputs: [PlanInput]
    public let document: Data

    package init(summary: PlanSummary, inputs: [PlanInput], document: Data) {
        self.summary = summary
        self.inputs = inputs
        self.document = document
    }

    public var id: Int64 { summary.id }
}
