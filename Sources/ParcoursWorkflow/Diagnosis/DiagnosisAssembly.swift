import Foundation
import ParcoursConfig
import ParcoursDiagnose
import ParcoursImport
import ParcoursModel
import ParcoursOutput
import ParcoursStore

/// The diagnosis of what the store holds: the rosters' agents with their Pix results linked
/// (``RosterLinker``: by external id, else by name within the commune) and consolidated
/// (``PixConsolidation``), diagnosed per territory under the policy; computed once, then reported for
/// any audience or handed to planning.
public struct DiagnosisAssembly: Sendable {
    public let configuration: Configuration
    /// One diagnosis per territory of the configuration, in its order.
    public let territories: [TerritoryDiagnosis]
    public let pseudonymizer: Pseudonymizer
    /// The Pix participations linked to each agent, by external id.
    public let participationsByAgent: [String: [PixParticipation]]
    /// Pix rows that match several agents of their commune by name: left out, never guessed.
    public let ambiguousRows: Int
    /// Pix rows that match no agent of the rosters: left out.
    public let unmatchedRows: Int

    /// Links, consolidates and diagnoses every agent and Pix row of `store`.
    public init(configuration: Configuration, store: some DataStore) async throws {
        self.configuration = configuration
        let agents = try await store.agents()
        let linker = RosterLinker(agents: agents, vocabulary: RosterVocabulary(configuration: configuration))
        var linked: [String: [PixParticipation]] = [:]
        var ambiguous = 0
        var unmatched = 0
        for participation in try await store.participations() {
            let commune = linker.communeCode(ofOrganization: participation.campaign.organizationName)
            switch linker.link(participation, communeCode: commune) {
            case .externalID(let id), .name(let id): linked[id, default: []].append(participation)
            case .ambiguous: ambiguous += 1
            case .unmatched: unmatched += 1
            }
        }
        participationsByAgent = linked
        ambiguousRows = ambiguous
        unmatchedRows = unmatched
        let assessed = agents.map { agent in
            let levels = PixConsolidation.currentLevels(of: linked[agent.externalID] ?? [])
            return AssessedAgent(
                agent: agent, levels: levels.mapValues { CurrentLevel(level: $0.level, source: $0.source) })
        }
        territories = configuration.territories.map {
            TerritoryDiagnosis(
                territory: $0, agents: assessed, families: configuration.jobFamilies,
                framework: configuration.framework, policy: configuration.policy)
        }
        pseudonymizer = try await Pseudonymizer(store: store, configuration: configuration)
    }

    /// Codes of the communes that have agents, in territory order.
    public var communesWithAgents: [String] {
        territories.flatMap { diagnosis in
            diagnosis.communes.compactMap { aggregate in
                if case .commune(let code) = aggregate.scope { return code }
                return nil
            }
        }
    }

    /// A line on the Pix rows left out, for stderr; nil when every row is linked. Never names anyone.
    public func linkingNote(language: Language) -> String? {
        guard ambiguousRows + unmatchedRows > 0 else { return nil }
        return language.pick(
            "\(ambiguousRows) lignes Pix ambiguës (plusieurs agents de même nom dans la commune) et \(unmatchedRows) sans agent correspondant dans les registres : non prises en compte",
            "\(ambiguousRows) Pix rows ambiguous (several agents of the commune with the same names) and \(unmatchedRows) matching no agent of the rosters: left out"
        )
    }

    /// The report for `audience`, written in `language`: of every territory, or of `territoryID` alone.
    public func report(
        audience: DiagnosisReport.Audience, language: Language, territoryID: String? = nil
    ) -> DiagnosisReport {
        DiagnosisReport(
            territories: territories.filter { territoryID == nil || $0.territory.id == territoryID },
            framework: configuration.framework, families: configuration.jobFamilies,
            policy: configuration.policy, audience: audience, language: language, pseudonymizer: pseudonymizer,
            generatedAt: Date())
    }
}
