import ParcoursModel

/// Drafts the tender packages of a demand: one per territory (so one per country), each with its lots,
/// estimates and recommended procedure. Pure: everything comes from its inputs.
public struct TenderPlanner: Sendable {
    public let rules: ProcurementRules
    public let territories: [Territory]
    public let comparables: [ComparablePrice]

    public init(rules: ProcurementRules, territories: [Territory], comparables: [ComparablePrice] = []) {
        self.rules = rules
        self.territories = territories
        self.comparables = comparables
    }

    public func packages(for demand: TenderDemand) throws(TenderError) -> [TenderPackage] {
        var needsByTerritory: [String: [UncoveredNeed]] = [:]
        var leftOut: [String: LeftOutNeeds] = [:]
        for need in demand.needs {
            guard let territory = territory(of: need.commune) else { throw .unknownCommune(need.commune) }
            let theme = rules.theme(teaching: need.competence)
            if demand.removals.contains(where: { $0.matches(need, themeID: theme?.id) }) {
                leftOut[territory.id, default: LeftOutNeeds()].removed += 1
            } else if theme == nil {
                leftOut[territory.id, default: LeftOutNeeds()].withoutTheme += 1
            } else if let actsFor = rules.buyer(forTerritory: territory.id)?.actsFor, !actsFor.contains(need.commune) {
                leftOut[territory.id, default: LeftOutNeeds()].outsideBuyer += 1
            } else {
                needsByTerritory[territory.id, default: []].append(need)
            }
        }
        for need in demand.setAside {
            guard let territory = territory(of: need.commune) else { throw .unknownCommune(need.commune) }
            leftOut[territory.id, default: LeftOutNeeds()].setAside[need.reason, default: 0] += 1
        }
        var additionsByTerritory: [String: [(Int, ThemeAddition)]] = [:]
        for (index, addition) in demand.additions.enumerated() {
            guard let territory = territory(of: addition.commune) else { throw .unknownCommune(addition.commune) }
            guard let theme = rules.theme(id: addition.theme) else { throw .unknownTheme(addition.theme) }
            if addition.format == .remote, !theme.remoteAllowed { throw .remoteNotAllowed(theme: theme.id) }
            additionsByTerritory[territory.id, default: []].append((index, addition))
        }
        var packages: [TenderPackage] = []
        for territory in territories {
            let needs = needsByTerritory[territory.id] ?? []
            let additions = additionsByTerritory[territory.id] ?? []
            guard !needs.isEmpty || !additions.isEmpty else { continue }
            guard let buyer = rules.buyer(forTerritory: territory.id) else { throw .noBuyer(territory: territory.id) }
            let trainees = self.trainees(from: needs) + additions.flatMap(Self.trainees(from:))
            let estimator = LotEstimator(
                rules: rules, country: territory.country, maximumFactor: buyer.frameworkMaximumFactor,
                comparables: comparables)
            let lots = try LotBuilder(rules: rules, territory: territory, buyer: buyer, estimator: estimator)
                .lots(for: trainees)
            let estimated = lots.map(\.estimate.estimatedValue).reduce(.zero, +)
            let maximum = lots.map(\.estimate.frameworkMaximum).reduce(.zero, +)
            let recommendation = try ProcedureAdvisor(rules: rules).recommend(
                cpvCodes: lots.map(\.theme.cpv), estimatedTotal: estimated, comparedValue: maximum,
                country: territory.country, launchDate: demand.launchDate)
            let actedFor = buyer.actsFor.map { codes in territory.communes.filter { codes.contains($0.code) } }
            packages.append(
                TenderPackage(
                    territory: territory, buyer: buyer, launchDate: demand.launchDate,
                    window: demand.window ?? defaultWindow(from: demand.launchDate), lots: lots,
                    recommendation: recommendation, communesActedFor: actedFor ?? territory.communes,
                    agents: Set(needs.map(\.agent)).count,
                    needsByCompetence: Dictionary(grouping: needs, by: \.competence).mapValues(\.count),
                    needsByReason: Dictionary(grouping: needs, by: \.reason).mapValues(\.count),
                    addedTrainees: additions.map(\.1.agents).reduce(0, +),
                    leftOut: leftOut[territory.id] ?? LeftOutNeeds(),
                    vatRule: rules.vatRule(country: territory.country), contextFR: demand.contextFR))
        }
        guard !packages.isEmpty else { throw .nothingToTender }
        return packages
    }

    private func territory(of commune: String) -> Territory? {
        territories.first { $0.commune(code: commune) != nil }
    }

    /// One trainee per agent and theme (see ``Trainee``); remote when the theme allows it, the agent can
    /// follow it and the plan's reason is one the policy sends to remote modules.
    func trainees(from needs: [UncoveredNeed]) -> [Trainee] {
        let grouped = Dictionary(grouping: needs) { need in
            "\(need.agent)\u{1F}\(rules.theme(teaching: need.competence)?.id ?? "")"
        }
        return grouped.values.compactMap { needs -> Trainee? in
            guard let first = needs.first, let theme = rules.theme(teaching: first.competence) else { return nil }
            let reasons = Set(needs.map(\.reason))
            let remote =
                theme.remoteAllowed && needs.allSatisfy(\.remotePossible)
                && !reasons.isDisjoint(with: rules.groups.remoteForReasons)
            return Trainee(
                key: first.agent, commune: first.commune, themeID: theme.id,
                fromLevel: needs.map(\.currentLevel).min() ?? 0, toLevel: needs.map(\.targetLevel).max() ?? 0,
                format: remote ? .remote : .onSite,
                devicesLacking: needs.reduce(into: Set<Equipment>()) { $0.formUnion($1.equipmentLacking) }
                    .subtracting([.homeInternet]), needs: needs.count, reasons: reasons)
        }.sorted { ($0.key, $0.themeID) < ($1.key, $1.themeID) }
    }

    private static func trainees(from addition: (Int, ThemeAddition)) -> [Trainee] {
        let (index, addition) = addition
        return (0..<max(0, addition.agents)).map { position in
            Trainee(
                key: "ajout-\(index + 1)-\(position + 1)", commune: addition.commune, themeID: addition.theme,
                fromLevel: addition.fromLevel, toLevel: addition.toLevel, format: addition.format, devicesLacking: [],
                needs: 0, reasons: [])
        }
    }

    /// From the first day of the month `leadMonths` after launch, for `spanMonths` months.
    func defaultWindow(from launch: CalendarDay) -> DayRange {
        let policy = rules.groups
        func monthStart(_ offset: Int) -> CalendarDay {
            let months = launch.year * 12 + (launch.month - 1) + offset
            return CalendarDay(year: months / 12, month: months % 12 + 1, day: 1)
        }
        let first = monthStart(policy.leadMonths)
        return DayRange(first: first, last: monthStart(policy.leadMonths + policy.spanMonths).adding(days: -1))
    }
}
