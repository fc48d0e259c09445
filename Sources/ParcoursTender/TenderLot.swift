import ParcoursModel

/// Where a lot's sessions take place: a NUTS-3 region, an arrondissement or the whole territory.
public struct LotArea: Hashable, Sendable {
    public let id: String
    public let nameFR: String
    public let nuts3: [String]

    public init(id: String, nameFR: String, nuts3: [String]) {
        self.id = id
        self.nameFR = nameFR
        self.nuts3 = nuts3
    }
}

/// One training group of a lot: trainees of one level band taught one module together.
public struct TrainingGroup: Hashable, Sendable {
    public let band: LevelBand
    /// The module runs from the lowest current level of its members to their highest target.
    public let fromLevel: Int
    public let toLevel: Int
    public let participants: Int
    /// Module length in hours (whole sessions).
    public let hours: Double
    public let sessions: Int
    /// Training days (for device lending).
    public let days: Int
    /// The commune hosting it (most members); nil for a remote group.
    public let site: String?
    /// Members per commune code.
    public let members: [String: Int]
    /// Devices to lend per kind.
    public let devices: [Equipment: Int]
    /// Fewer participants than the policy's minimum: the officer decides to keep, merge or drop it.
    public let belowMinimum: Bool
}

/// Trainees, groups and needs of one commune in a lot: the presumed quantities it commits to.
public struct CommuneQuantity: Hashable, Sendable {
    public let code: String
    public let name: String
    public let trainees: Int
    public let needs: Int
}

/// Sessions held at one site of an on-site lot.
public struct SiteSessions: Hashable, Sendable {
    public let commune: String
    public let name: String
    public let groups: Int
    public let sessions: Int
}

/// A lot: one theme, one area, one format, with its quantities and estimate.
public struct TenderLot: Hashable, Sendable {
    public let number: Int
    public let theme: TenderTheme
    public let area: LotArea
    public let format: TeachingFormat
    public let groups: [TrainingGroup]
    public let communes: [CommuneQuantity]
    public let sites: [SiteSessions]
    public let needs: Int
    public let estimate: LotEstimate

    public var trainees: Int { groups.map(\.participants).reduce(0, +) }
    public var groupHours: Double { groups.map(\.hours).reduce(0, +) }
    public var traineeHours: Double { groups.map { $0.hours * Double($0.participants) }.reduce(0, +) }
    public var sessions: Int { groups.map(\.sessions).reduce(0, +) }
    /// Lowest starting level and highest target of the lot.
    public var levels: ClosedRange<Int> {
        (groups.map(\.fromLevel).min() ?? 0)...(groups.map(\.toLevel).max() ?? 0)
    }
    /// Devices to lend per kind, over all groups.
    public var devices: [Equipment: Int] {
        groups.reduce(into: [:]) { total, group in total.merge(group.devices, uniquingKeysWith: +) }
    }
    /// Device-days to price: each lent device counts once per training day of its group.
    public var deviceDays: Int {
        groups.map { group in group.devices.values.reduce(0, +) * group.days }.reduce(0, +)
    }
    /// `Lot 3 — Création de contenus — Arrondissement de Namur — présentiel`.
    public var titleFR: String {
        "Lot \(number) — \(theme.titleFR) — \(area.nameFR) — \(format == .remote ? "à distance" : "présentiel")"
    }
}
