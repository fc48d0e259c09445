import Foundation

/// One participant row of a Pix Orga export in the compact form the reader hands out and the store
/// writes: results are arrays in the order of ``competences`` (framework order) instead of
/// dictionaries. ``participation`` gives the ``PixParticipation`` the rest of Parcours works with.
/// Personal data: never log it.
public struct PixRow: Hashable, Sendable {
    public let campaign: PixCampaign
    /// The competences the export gives results for, in framework order: all those of the
    /// framework for a profiles collection, the target profile's for an assessment. Rows of one
    /// export share this array.
    public let competences: [CompetenceCode]
    /// The organisation's external id (e.g. the "Matricule" column), as text.
    public let externalID: String?
    public let lastName: String
    public let firstName: String
    /// Whether the participant shared (assessment) or sent (profiles collection) their results.
    public let shared: Bool
    /// When the results were shared, if known.
    public let sharedAt: Date?
    /// Profiles collection, shared rows: the measured level and pix of each of ``competences``;
    /// empty otherwise.
    public let profileResults: [PixProfileResult]
    /// Assessment, shared rows: mastery, skill counts and estimated level of each of
    /// ``competences``; empty otherwise.
    public let assessmentResults: [PixAssessmentResult]
    /// Pix's optional learner columns and the organisation's other columns, by header.
    public let extraColumns: [String: String]
    /// Per-skill results of an assessment, by skill name, when the export has them.
    public let skillResults: [String: PixSkillResult]
    /// 1-based physical line where the row starts in its file.
    public var line: Int

    public init(
        campaign: PixCampaign, competences: [CompetenceCode], externalID: String?, lastName: String, firstName: String,
        shared: Bool, sharedAt: Date?, profileResults: [PixProfileResult] = [],
        assessmentResults: [PixAssessmentResult] = [], extraColumns: [String: String] = [:],
        skillResults: [String: PixSkillResult] = [:], line: Int
    ) {
        self.campaign = campaign
        self.competences = competences
        self.externalID = externalID
        self.lastName = lastName
        self.firstName = firstName
        self.shared = shared
        self.sharedAt = sharedAt
        self.profileResults = profileResults
        self.assessmentResults = assessmentResults
        self.extraColumns = extraColumns
        self.skillResults = skillResults
        self.line = line
    }

    /// The compact form of `participation`. Its competences are those its results name, in code
    /// order; a result one of its tables lacks for such a competence counts as 0. `participation`
    /// comes back unchanged when it is as the reader makes them: results only on shared rows, and
    /// the tables of its campaign's kind all naming the same competences.
    public init(_ participation: PixParticipation) {
        let profile = participation.shared && participation.campaign.kind == .profilesCollection
        let assessment = participation.shared && participation.campaign.kind == .assessment
        var codes = Set<CompetenceCode>()
        if profile {
            codes.formUnion((participation.levels ?? [:]).keys)
            codes.formUnion((participation.pix ?? [:]).keys)
        }
        if assessment {
            codes.formUnion((participation.mastery ?? [:]).keys)
            codes.formUnion((participation.skills ?? [:]).keys)
            codes.formUnion((participation.estimatedLevels ?? [:]).keys)
        }
        let competences = codes.sorted()
        self.init(
            campaign: participation.campaign, competences: competences, externalID: participation.externalID,
            lastName: participation.lastName, firstName: participation.firstName, shared: participation.shared,
            sharedAt: participation.sharedAt,
            profileResults: profile
                ? competences.map {
                    PixProfileResult(level: participation.levels?[$0] ?? 0, pix: participation.pix?[$0] ?? 0)
                } : [],
            assessmentResults: assessment
                ? competences.map {
                    PixAssessmentResult(
                        mastery: participation.mastery?[$0] ?? 0,
                        skills: participation.skills?[$0] ?? SkillCount(total: 0, mastered: 0),
                        estimatedLevel: participation.estimatedLevels?[$0] ?? 0)
                } : [],
            extraColumns: participation.extraColumns, skillResults: participation.skillResults,
            line: participation.line)
    }

    /// Whether the row gives measured levels: a shared row of a profiles collection.
    public var hasProfileResults: Bool { shared && campaign.kind == .profilesCollection }
    /// Whether the row gives mastery and estimated levels: a shared row of an assessment.
    public var hasAssessmentResults: Bool { shared && campaign.kind == .assessment }

    /// The row with its results by competence code.
    public var participation: PixParticipation {
        func byCode<Value>(_ values: [Value]) -> [CompetenceCode: Value] {
            Dictionary(zip(competences, values), uniquingKeysWith: { _, last in last })
        }
        let profile = hasProfileResults
        let assessment = hasAssessmentResults
        return PixParticipation(
            campaign: campaign, externalID: externalID, lastName: lastName, firstName: firstName, shared: shared,
            sharedAt: sharedAt, levels: profile ? byCode(profileResults.map(\.level)) : nil,
            pix: profile ? byCode(profileResults.map(\.pix)) : nil,
            mastery: assessment ? byCode(assessmentResults.map(\.mastery)) : nil,
            skills: assessment ? byCode(assessmentResults.map(\.skills)) : nil,
            estimatedLevels: assessment ? byCode(assessmentResults.map(\.estimatedLevel)) : nil,
            extraColumns: extraColumns, line: line, skillResults: skillResults)
    }
}

/// The result of one competence in a profiles collection: the level Pix measured and the pix earned.
public struct PixProfileResult: Hashable, Sendable {
    public let level: Int
    public let pix: Int

    public init(level: Int, pix: Int) {
        self.level = level
        self.pix = pix
    }
}

/// The result of one competence of an assessment's target profile.
public struct PixAssessmentResult: Hashable, Sendable {
    /// Ratio 0…1 of mastered skills.
    public let mastery: Double
    public let skills: SkillCount
    /// The level estimated from ``mastery`` (never mixed with measured levels).
    public let estimatedLevel: Int

    public init(mastery: Double, skills: SkillCount, estimatedLevel: Int) {
        self.mastery = mastery
        self.skills = skills
        self.estimatedLevel = estimatedLevel
    }
}
