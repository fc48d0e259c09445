import Foundation

/// The two kinds of Pix Orga campaign, whose exports differ.
public enum PixCampaignKind: String, Hashable, Codable, Sendable {
    /// "Collecte de profils": a level and a pix count for all 16 competences.
    case profilesCollection = "profiles-collection"
    /// "Évaluation": per-competence mastery within a target profile.
    case assessment
}

/// The campaign a Pix export row belongs to.
public struct PixCampaign: Hashable, Codable, Sendable {
    public let organizationName: String
    public let campaignID: String
    public let code: String
    public let name: String
    public let kind: PixCampaignKind
    /// The target profile ("Parcours") of an assessment campaign.
    public let targetProfileName: String?

    public init(
        organizationName: String, campaignID: String, code: String, name: String, kind: PixCampaignKind,
        targetProfileName: String?
    ) {
        self.organizationName = organizationName
        self.campaignID = campaignID
        self.code = code
        self.name = name
        self.kind = kind
        self.targetProfileName = targetProfileName
    }
}

/// Skill counts of one competence in an assessment's target profile.
public struct SkillCount: Hashable, Codable, Sendable {
    public let total: Int
    public let mastered: Int

    public init(total: Int, mastered: Int) {
        self.total = total
        self.mastered = mastered
    }
}

/// The result of one skill of an assessment's target profile (optional per-skill export columns).
public enum PixSkillResult: String, Hashable, Codable, Sendable {
    /// "OK": mastered.
    case mastered = "OK"
    /// "KO": failed.
    case failed = "KO"
    /// "Non testé".
    case notTested = "Non testé"
}

/// One participant row of a Pix Orga export. Personal data: never log it.
public struct PixParticipation: Hashable, Codable, Sendable {
    public let campaign: PixCampaign
    /// The organisation's external id (e.g. the "Matricule" column), as text.
    public let externalID: String?
    public let lastName: String
    public let firstName: String
    /// Whether the participant shared (assessment) or sent (profiles collection) their results.
    public let shared: Bool
    /// When the results were shared, if known.
    public let sharedAt: Date?
    /// Measured levels per competence (profiles collection, shared rows only).
    public let levels: [CompetenceCode: Int]?
    /// Pix per competence (profiles collection, shared rows only).
    public let pix: [CompetenceCode: Int]?
    /// Ratio 0…1 of mastered skills per competence of the target profile (assessment).
    public let mastery: [CompetenceCode: Double]?
    /// Skill counts per competence of the target profile (assessment).
    public let skills: [CompetenceCode: SkillCount]?
    /// Levels estimated from mastery (assessment); never mixed with measured ``levels``.
    public let estimatedLevels: [CompetenceCode: Int]?
    /// Pix's optional learner columns and the organisation's other columns, by header.
    public let extraColumns: [String: String]
    /// Per-skill results of an assessment, by skill name, when the export has them.
    public let skillResults: [String: PixSkillResult]
    /// 1-based physical line where the row starts in its file.
    public let line: Int

    public init(
        campaign: PixCampaign, externalID: String?, lastName: String, firstName: String, shared: Bool,
        sharedAt: Date?, levels: [CompetenceCode: Int]?, pix: [CompetenceCode: Int]?,
        mastery: [CompetenceCode: Double]?, skills: [CompetenceCode: SkillCount]?,
        estimatedLevels: [CompetenceCode: Int]?, extraColumns: [String: String], line: Int,
        skillResults: [String: PixSkillResult] = [:]
    ) {
        self.campaign = campaign
        self.externalID = externalID
        self.lastName = lastName
        self.firstName = firstName
        self.shared = shared
        self.sharedAt = sharedAt
        self.levels = levels
        self.pix = pix
        self.mastery = mastery
        self.skills = skills
        self.estimatedLevels = estimatedLevels
        self.extraColumns = extraColumns
        self.skillResults = skillResults
        self.line = line
    }
}
