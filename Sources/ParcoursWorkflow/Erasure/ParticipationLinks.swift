import ParcoursConfig
import ParcoursImport
import ParcoursModel
import ParcoursStore

/// The stored Pix participations linked to each roster agent, as the diagnosis links them
/// (``RosterLinker``: by external id, else by name within the commune); an external id several communes
/// use goes to the agent of the participation's commune.
struct ParticipationLinks {
    let byAgent: [AgentEraser.AgentKey: [PixParticipation]]

    init(agents: [Agent], participations: [PixParticipation], configuration: Configuration) {
        let keysByID = Dictionary(
            grouping: agents.map { AgentEraser.AgentKey(communeCode: $0.communeCode, externalID: $0.externalID) },
            by: \.externalID)
        let linker = RosterLinker(agents: agents, vocabulary: RosterVocabulary(configuration: configuration))
        var byAgent: [AgentEraser.AgentKey: [PixParticipation]] = [:]
        for participation in participations {
            let commune = linker.communeCode(ofOrganization: participation.campaign.organizationName)
            guard let id = linker.link(participation, communeCode: commune).agentID, let keys = keysByID[id],
                let key = keys.count == 1 ? keys[0] : keys.first(where: { $0.communeCode == commune })
            else { continue }
            byAgent[key, default: []].append(participation)
        }
        self.byAgent = byAgent
    }
}
