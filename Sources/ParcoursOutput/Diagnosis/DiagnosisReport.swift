import Foundation
import ParcoursDiagnose
import ParcoursModel

/// Everything the diagnosis writers (HTML, CSV, JSON) need, and the privacy rule they follow:
/// agents are named only in a commune's own report; a territory report shows pseudonyms.
public struct DiagnosisReport: Sendable {
    /// Whom a report is for.
    public enum Audience: Hashable, Sendable {
        /// The coordinators of the territories: aggregates and pseudonymous agents.
        case territories
        /// One commune's own staff: its agents by name, its figures beside its territory's.
        case commune(String)
        /// Anyone outside the territory's coordination (providers, procurement): aggregated figures
        /// only, no agent listed, not even by pseudonym.
        case aggregates
    }

    public let territories: [TerritoryDiagnosis]
    public let framework: CompetenceFramework
    public let families: [JobFamily]
    public let policy: DiagnosisPolicy
    public let audience: Audience
    public let language: Language
    public let pseudonymizer: Pseudonymizer
    public let generatedAt: Date

    public init(
        territories: [TerritoryDiagnosis], framework: CompetenceFramework, families: [JobFamily],
        policy: DiagnosisPolicy, audience: Audience, language: Language, pseudonymizer: Pseudonymizer,
        generatedAt: Date
    ) {
        self.audience = audience
        if case .commune(let code) = audience {
            self.territories = territories.filter { $0.territory.commune(code: code) != nil }
        } else {
            self.territories = territories
        }
        self.framework = framework
        self.families = families
        self.policy = policy
        self.language = language
        self.pseudonymizer = pseudonymizer
        self.generatedAt = generatedAt
    }

    /// The agents this report may list: a commune's own, every agent (pseudonymised), or none.
    func listedAgents(of diagnosis: TerritoryDiagnosis) -> [AgentDiagnosis] {
        switch audience {
        case .territories: diagnosis.agents
        case .commune(let code): diagnosis.agents.filter { $0.agent.communeCode == code }
        case .aggregates: []
        }
    }

    /// How many agents the report names (a commune's own report; none in a pseudonymous one): what the
    /// audit log of reads of named data records of it.
    public var namedAgentCount: Int {
        namesAgents ? territories.reduce(0) { $0 + listedAgents(of: $1).count } : 0
    }

    /// Whether agents are named (a commune's own report) rather than pseudonymised.
    var namesAgents: Bool {
        if case .commune = audience { return true }
        return false
    }

    /// The identifier an output shows for `agent`: its external id in a commune's own report,
    /// else its pseudonym.
    func identifier(of agent: Agent) -> String {
        namesAgents ? agent.externalID : pseudonymizer.pseudonym(of: agent)
    }

    func competenceTitle(_ code: CompetenceCode) -> String {
        guard let competence = framework.competence(code) else { return code.rawValue }
        return language.pick(competence.titleFR, competence.titleEN)
    }

    func territoryName(_ territory: Territory) -> String { language.pick(territory.name, territory.nameEN) }

    func familyName(_ id: String) -> String {
        guard let family = families.first(where: { $0.id == id }) else { return id }
        return language.pick(family.nameFR, family.nameEN)
    }

    func communeName(_ code: String) -> String {
        for diagnosis in territories {
            if let commune = diagnosis.territory.commune(code: code) { return commune.name }
        }
        return code
    }

    func levelSourceLabel(_ source: LevelSource) -> String {
        switch source {
        case .measured: language.pick("mesuré", "measured")
        case .estimated: language.pick("estimé", "estimated")
        case .none: language.pick("aucun résultat", "no result")
        }
    }
}
