import Foundation
import ParcoursDiagnose
import ParcoursModel

/// The diagnosis as JSON, schema `parcours-diagnosis` version 1, documented in
/// `Sources/ParcoursOutput/Schemas/diagnosis-v1.schema.json`. Figures hidden by the minimum cell
/// size are absent and their object says `"suppressed": true`. Keys are sorted, so that two runs
/// on the same data give the same bytes (except `generatedAt`).
public enum DiagnosisJSON {
    public static let schemaName = "parcours-diagnosis"
    public static let schemaVersion = 1

    public static func encode(_ report: DiagnosisReport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(Document(report))
    }

    struct Document: Encodable {
        let schema = DiagnosisJSON.schemaName
        let schemaVersion = DiagnosisJSON.schemaVersion
        let generatedAt: String
        let language: String
        let audience: Audience
        let policy: Policy
        let competences: [CompetenceEntry]
        let territories: [TerritoryEntry]

        init(_ report: DiagnosisReport) {
            generatedAt = ISO8601DateFormatter().string(from: report.generatedAt)
            language = report.language.rawValue
            audience =
                switch report.audience {
                case .commune(let code): Audience(kind: "commune", commune: code)
                case .territories: Audience(kind: "territories", commune: nil)
                case .aggregates: Audience(kind: "aggregates", commune: nil)
                }
            policy = Policy(
                gapExponent: report.policy.gapExponent,
                fragility: Fragility(
                    baseCompetences: report.policy.fragility.baseCompetences.map(\.rawValue),
                    belowLevel: report.policy.fragility.belowLevel,
                    minimumCount: report.policy.fragility.minimumCount),
                minimumCellSize: report.policy.minimumCellSize)
            competences = report.framework.competences.map {
                CompetenceEntry(code: $0.code.rawValue, title: report.competenceTitle($0.code))
            }
            territories = report.territories.map { TerritoryEntry($0, report: report) }
        }
    }

    struct Audience: Encodable {
        let kind: String
        let commune: String?
    }

    struct Policy: Encodable {
        let gapExponent: Double
        let fragility: Fragility
        let minimumCellSize: Int
    }

    struct Fragility: Encodable {
        let baseCompetences: [String]
        let belowLevel: Int
        let minimumCount: Int
    }

    struct CompetenceEntry: Encodable {
        let code: String
        let title: String
    }

    struct TerritoryEntry: Encodable {
        let id: String
        let name: String
        let country: String
        let overall: GroupEntry
        let communes: [GroupEntry]
        let jobFamilies: [GroupEntry]
        let distributions: [DistributionEntry]
        let agents: [AgentEntry]

        init(_ diagnosis: TerritoryDiagnosis, report: DiagnosisReport) {
            id = diagnosis.territory.id
            name = report.territoryName(diagnosis.territory)
            country = diagnosis.territory.country.rawValue
            overall = GroupEntry(diagnosis.overall, name: name, coordinate: nil)
            communes = diagnosis.communes.map { aggregate in
                let commune = diagnosis.territory.commune(code: GroupNaming.code(aggregate.scope))
                return GroupEntry(aggregate, name: commune?.name ?? "", coordinate: commune?.coordinate)
            }
            jobFamilies = diagnosis.jobFamilies.map {
                GroupEntry($0, name: report.familyName(GroupNaming.code($0.scope)), coordinate: nil)
            }
            distributions = diagnosis.distributions.map(DistributionEntry.init)
            agents = report.listedAgents(of: diagnosis).map { AgentEntry($0, report: report) }
        }
    }

    struct GroupEntry: Encodable {
        let kind: String
        let code: String
        let name: String
        let latitude: Double?
        let longitude: Double?
        let agents: Int
        let assessed: Int
        let suppressed: Bool
        let fragile: Int?
        let fragileShare: Double?
        let competences: [CellEntry]

        init(_ aggregate: GroupAggregate, name: String, coordinate: Coordinate?) {
            kind = GroupNaming.kind(aggregate.scope)
            code = GroupNaming.code(aggregate.scope)
            self.name = name
            latitude = coordinate?.latitude
            longitude = coordinate?.longitude
            agents = aggregate.agents
            assessed = aggregate.assessed
            suppressed = aggregate.isSuppressed
            fragile = aggregate.fragile
            fragileShare = aggregate.fragileShare
            competences = aggregate.competences.map(CellEntry.init)
        }
    }

    struct CellEntry: Encodable {
        let competence: String
        let agentsWithTarget: Int
        let suppressed: Bool
        let belowTarget: Int?
        let meanGap: Double?
        let estimated: Int?

        init(_ cell: CompetenceAggregate) {
            competence = cell.competence.rawValue
            agentsWithTarget = cell.agentsWithTarget
            suppressed = cell.isSuppressed
            belowTarget = cell.belowTarget
            meanGap = cell.meanGap
            estimated = cell.estimated
        }
    }

    struct DistributionEntry: Encodable {
        let competence: String
        let suppressed: Bool
        let counts: [Int]?
        let estimated: Int?

        init(_ distribution: LevelDistribution) {
            competence = distribution.competence.rawValue
            suppressed = distribution.counts == nil
            counts = distribution.counts
            estimated = distribution.estimated
        }
    }

    struct AgentEntry: Encodable {
        let id: String
        let lastName: String?
        let firstName: String?
        let commune: String
        let jobFamily: String
        let assessed: Bool
        let fragile: Bool
        let standings: [StandingEntry]

        init(_ diagnosis: AgentDiagnosis, report: DiagnosisReport) {
            id = report.identifier(of: diagnosis.agent)
            lastName = report.namesAgents ? diagnosis.agent.lastName : nil
            firstName = report.namesAgents ? diagnosis.agent.firstName : nil
            commune = diagnosis.agent.communeCode
            jobFamily = diagnosis.agent.jobFamilyID
            assessed = diagnosis.isAssessed
            fragile = diagnosis.isFragile
            standings = diagnosis.standings.map(StandingEntry.init)
        }
    }

    struct StandingEntry: Encodable {
        let competence: String
        let currentLevel: Int
        let levelSource: String
        let targetLevel: Int
        let gap: Int
        let priority: Double
        let weight: Double

        init(_ standing: Standing) {
            competence = standing.competence.rawValue
            currentLevel = standing.current.level
            levelSource = standing.current.source.rawValue
            targetLevel = standing.targetLevel
            gap = standing.gap
            priority = standing.priority
            weight = standing.weight
        }
    }
}

/// The kind and code of a group, as outputs write them.
enum GroupNaming {
    static func kind(_ scope: GroupScope) -> String {
        switch scope {
        case .territory: "territory"
        case .commune: "commune"
        case .jobFamily: "jobFamily"
        }
    }

    static func code(_ scope: GroupScope) -> String {
        switch scope {
        case .territory(let id), .commune(let id), .jobFamily(let id): id
        }
    }
}
