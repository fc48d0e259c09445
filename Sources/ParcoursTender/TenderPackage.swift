import ParcoursModel

/// What the demand held that no lot carries, counted for the package's notes.
public struct LeftOutNeeds: Hashable, Sendable {
    /// Needs whose competence belongs to no theme.
    public var withoutTheme = 0
    /// Needs the coordinator removed.
    public var removed = 0
    /// Needs of communes the buyer does not act for.
    public var outsideBuyer = 0
    /// The plan's unmet needs a catalogue session could take, by reason (``SetAsideNeed``).
    public var setAside: [String: Int] = [:]

    public init() {}
}

/// One country's tender: one buyer, its lots, the procedure and what the documents need to say.
public struct TenderPackage: Hashable, Sendable {
    public let territory: Territory
    public let buyer: TenderBuyer
    public let launchDate: CalendarDay
    /// When sessions take place.
    public let window: DayRange
    public let lots: [TenderLot]
    public let recommendation: ProcedureRecommendation
    /// The communes the buyer acts for.
    public let communesActedFor: [Commune]
    /// Distinct agents (pseudonymised keys) with at least one need tendered.
    public let agents: Int
    /// Uncovered needs tendered, per competence and per reason.
    public let needsByCompetence: [CompetenceCode: Int]
    public let needsByReason: [String: Int]
    /// Trainees the coordinator added.
    public let addedTrainees: Int
    public let leftOut: LeftOutNeeds
    public let vatRule: VATRule?
    public let contextFR: String?

    public var country: Country { territory.country }
    public var estimatedTotal: EuroAmount { lots.map(\.estimate.estimatedValue).reduce(.zero, +) }
    public var maximumTotal: EuroAmount { lots.map(\.estimate.frameworkMaximum).reduce(.zero, +) }

    /// Trainees and needs per commune over all lots, for the list of participating communes.
    public var participatingCommunes: [CommuneQuantity] {
        let all = lots.flatMap(\.communes)
        return Dictionary(grouping: all, by: \.code).map { code, rows in
            CommuneQuantity(
                code: code, name: rows.first?.name ?? code, trainees: rows.map(\.trainees).reduce(0, +),
                needs: rows.map(\.needs).reduce(0, +))
        }.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
    }
}
