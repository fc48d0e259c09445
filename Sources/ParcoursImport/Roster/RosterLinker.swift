import ParcoursModel

/// How a Pix row was linked to a roster agent.
public enum RosterLink: Hashable, Sendable {
    /// The row's external id is an agent's matricule.
    case externalID(agentID: String)
    /// No matricule matched; one agent of the row's commune bears the row's last and first names.
    case name(agentID: String)
    /// Several agents of the commune bear the row's names: not linked, never guessed.
    case ambiguous(agentIDs: [String])
    /// No agent matched (or the row's commune is unknown, so names could not be compared).
    case unmatched

    /// The linked agent's matricule, if the link is certain.
    public var agentID: String? {
        switch self {
        case .externalID(let id), .name(let id): id
        case .ambiguous, .unmatched: nil
        }
    }
}

/// Links Pix rows to the agents of a roster: **by external id** (the Pix row's external-id column
/// equal, as text, to the agent's matricule), **else by name within the commune** (last and first
/// names equal, loosely: case, accents, apostrophes, spaces), among the agents of the commune the
/// row's Pix organisation belongs to. Several agents with the same names are reported as ambiguous,
/// never guessed; without a known commune, a row is linked by external id only.
public struct RosterLinker: Sendable {
    private let byID: [String: Agent]
    private let byCommuneAndName: [String: [Agent]]
    private let vocabulary: RosterVocabulary?

    /// `vocabulary` lets ``communeCode(ofOrganization:)`` recognise communes in organisation names.
    public init(agents: [Agent], vocabulary: RosterVocabulary? = nil) {
        byID = Dictionary(agents.map { ($0.externalID, $0) }, uniquingKeysWith: { first, _ in first })
        byCommuneAndName = Dictionary(grouping: agents) {
            Self.nameKey(commune: $0.communeCode, lastName: $0.lastName, firstName: $0.firstName)
        }
        self.vocabulary = vocabulary
    }

    /// Links one row; `communeCode` is the commune its Pix organisation belongs to, if known.
    public func link(_ participation: PixParticipation, communeCode: String?) -> RosterLink {
        if let id = participation.externalID?.trimmingSpaces, let agent = byID[id] {
            return .externalID(agentID: agent.externalID)
        }
        guard let communeCode else { return .unmatched }
        let candidates =
            byCommuneAndName[
                Self.nameKey(commune: communeCode, lastName: participation.lastName, firstName: participation.firstName)
            ]
            ?? []
        switch candidates.count {
        case 0: return .unmatched
        case 1: return .name(agentID: candidates[0].externalID)
        default: return .ambiguous(agentIDs: candidates.map(\.externalID).sorted())
        }
    }

    /// The commune a Pix organisation belongs to, when exactly one commune's name appears in the
    /// organisation's name as whole words ("Administration communale de Bièvre" → Bièvre); nil
    /// when none or several do, and for a body above the communes ("Province de Namur",
    /// "Communauté d'Agglomération de Bastia", an intercommunale), whose agents are not the
    /// commune's.
    public func communeCode(ofOrganization name: String) -> String? {
        guard let vocabulary else { return nil }
        let words = " \(Self.words(name)) "
        let supraCommunal = ["province", "agglomeration", "communaute", "intercommunale", "departement", "region"]
        guard !supraCommunal.contains(where: { words.contains(" \($0) ") }) else { return nil }
        let found = vocabulary.places.filter { words.contains(" \(Self.words($0.name)) ") }
        return found.count == 1 ? found[0].code : nil
    }

    /// The loose key of a name with every non-alphanumeric character read as a space.
    private static func words(_ text: String) -> String {
        String(TitleKey.make(text).map { $0.isLetter || $0.isNumber ? $0 : " " }).split(separator: " ")
            .joined(separator: " ")
    }

    private static func nameKey(commune: String, lastName: String, firstName: String) -> String {
        "\(commune)|\(TitleKey.make(lastName))|\(TitleKey.make(firstName))"
    }
}

/// Links every row of a set of Pix exports and lists what could not be linked, by file and line
/// (never by name).
public struct RosterLinking: Sendable {
    public struct Entry: Hashable, Sendable {
        public let participation: PixParticipation
        public let file: String
        public let link: RosterLink
    }

    public let entries: [Entry]

    /// Links the rows of each file; each row's commune comes from its organisation's name.
    public init(files: [(file: String, participations: [PixParticipation])], linker: RosterLinker) {
        entries = files.flatMap { file, participations in
            participations.map { participation in
                Entry(
                    participation: participation, file: file,
                    link: linker.link(
                        participation,
                        communeCode: linker.communeCode(ofOrganization: participation.campaign.organizationName)))
            }
        }
    }

    /// One problem per ambiguous or unmatched row.
    public var problems: [ImportProblem] {
        entries.compactMap { entry in
            switch entry.link {
            case .externalID, .name: return nil
            case .ambiguous(let ids):
                let list = ids.joined(separator: ", ")
                return ImportProblem(
                    file: entry.file, line: entry.participation.line, column: nil,
                    messageFR:
                        "plusieurs agents de la commune portent ces nom et prénom (matricules \(list)) : ligne non liée ; ajouter le matricule dans Pix",
                    messageEN:
                        "several agents of the commune bear these names (external ids \(list)): row not linked; add the external id in Pix"
                )
            case .unmatched:
                return ImportProblem(
                    file: entry.file, line: entry.participation.line, column: nil,
                    messageFR: "aucun agent du registre ne correspond (matricule ni nom dans la commune)",
                    messageEN: "no agent of the roster matches (neither external id nor name in the commune)")
            }
        }
    }
}
