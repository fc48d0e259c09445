/// A group of competences one training module can teach: the unit lots are cut by.
public struct TenderTheme: Hashable, Codable, Sendable {
    public let id: String
    public let titleFR: String
    public let titleEN: String
    public let competences: [CompetenceCode]
    /// The main CPV code of its lots.
    public let cpv: CPVCode
    /// Whether it may be taught remotely.
    public let remoteAllowed: Bool
    /// Training hours per level to gain, before rounding to whole sessions.
    public let hoursPerLevel: Double
    /// What the module sets out to teach, for the technical specification.
    public let objectivesFR: String

    public init(
        id: String, titleFR: String, titleEN: String, competences: [CompetenceCode], cpv: CPVCode,
        remoteAllowed: Bool, hoursPerLevel: Double, objectivesFR: String
    ) {
        self.id = id
        self.titleFR = titleFR
        self.titleEN = titleEN
        self.competences = competences
        self.cpv = cpv
        self.remoteAllowed = remoteAllowed
        self.hoursPerLevel = hoursPerLevel
        self.objectivesFR = objectivesFR
    }
}

/// A range of starting levels taught together.
public struct LevelBand: Hashable, Codable, Sendable {
    public let lowest: Int
    public let highest: Int
    public let labelFR: String
    public let labelEN: String

    public init(lowest: Int, highest: Int, labelFR: String, labelEN: String) {
        self.lowest = lowest
        self.highest = highest
        self.labelFR = labelFR
        self.labelEN = labelEN
    }

    public func contains(_ level: Int) -> Bool { (lowest...highest).contains(level) }
}

/// How trainees are grouped and how long modules last.
public struct GroupSizePolicy: Hashable, Codable, Sendable {
    public let onSite: ClosedRange<Int>
    public let remote: ClosedRange<Int>
    /// Bands of starting level; every level 0…max belongs to exactly one.
    public let levelBands: [LevelBand]
    /// Length of one session (a half-day), in hours: modules last whole sessions.
    public let sessionHours: Double
    /// Training hours in a day, to count trainee-days and device-days.
    public let hoursPerDay: Double
    public let moduleHours: ClosedRange<Double>
    /// Reasons a need went uncovered for which a remote module is preferred when the agent can follow one.
    public let remoteForReasons: Set<String>
    /// Months from the procedure's launch to the first session.
    public let leadMonths: Int
    /// Months the sessions are spread over.
    public let spanMonths: Int

    public init(
        onSite: ClosedRange<Int>, remote: ClosedRange<Int>, levelBands: [LevelBand], sessionHours: Double,
        hoursPerDay: Double, moduleHours: ClosedRange<Double>, remoteForReasons: Set<String>, leadMonths: Int,
        spanMonths: Int
    ) {
        self.onSite = onSite
        self.remote = remote
        self.levelBands = levelBands
        self.sessionHours = sessionHours
        self.hoursPerDay = hoursPerDay
        self.moduleHours = moduleHours
        self.remoteForReasons = remoteForReasons
        self.leadMonths = leadMonths
        self.spanMonths = spanMonths
    }

    /// The size range of a format's groups (hybrid counts as on-site).
    public func sizes(for format: TeachingFormat) -> ClosedRange<Int> { format == .remote ? remote : onSite }

    public func band(of level: Int) -> LevelBand? { levelBands.first { $0.contains(level) } }
}

/// Everything `Config/procurement/` says: thresholds, buyers, prices, themes and grouping.
public struct ProcurementRules: Hashable, Codable, Sendable {
    public let thresholds: [ProcurementThreshold]
    public let lightRegime: LightRegimeScope
    public let buyers: [TenderBuyer]
    public let referencePrices: [ReferencePrice]
    public let vatRules: [VATRule]
    public let themes: [TenderTheme]
    public let groups: GroupSizePolicy

    public init(
        thresholds: [ProcurementThreshold], lightRegime: LightRegimeScope, buyers: [TenderBuyer],
        referencePrices: [ReferencePrice], vatRules: [VATRule], themes: [TenderTheme], groups: GroupSizePolicy
    ) {
        self.thresholds = thresholds
        self.lightRegime = lightRegime
        self.buyers = buyers
        self.referencePrices = referencePrices
        self.vatRules = vatRules
        self.themes = themes
        self.groups = groups
    }

    public func buyer(forTerritory id: String) -> TenderBuyer? { buyers.first { $0.territoryID == id } }

    /// The theme teaching `competence`.
    public func theme(teaching competence: CompetenceCode) -> TenderTheme? {
        themes.first { $0.competences.contains(competence) }
    }

    public func theme(id: String) -> TenderTheme? { themes.first { $0.id == id } }

    /// The reference price of a format's training in a country.
    public func trainingPrice(country: Country, format: TeachingFormat) -> ReferencePrice? {
        let wanted: TeachingFormat = format == .hybrid ? .onSite : format
        return referencePrices.first { $0.country == country && $0.format == wanted && $0.unit != .deviceDay }
    }

    /// The price of lending a device for a day in a country.
    public func devicePrice(country: Country) -> ReferencePrice? {
        referencePrices.first { $0.country == country && $0.unit == .deviceDay }
    }

    public func vatRule(country: Country) -> VATRule? { vatRules.first { $0.country == country } }
}
