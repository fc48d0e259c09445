import Foundation
import ParcoursModel

/// Cuts one territory's trainees into lots (theme × area × format) and each lot into groups.
///
/// Groups: per level band, `⌈n ÷ maximum size⌉` groups of sizes differing by at most one, filled in
/// order of commune (communes with most members first) so that a group's members live close together;
/// a group's module runs from its members' lowest current level to their highest target, at the theme's
/// hours per level, bounded by the policy's module length and rounded up to whole sessions. An on-site
/// group meets in the commune most of its members come from (lowest code on a tie).
struct LotBuilder {
    let rules: ProcurementRules
    let territory: Territory
    let buyer: TenderBuyer
    let estimator: LotEstimator

    private var policy: GroupSizePolicy { rules.groups }

    func lots(for trainees: [Trainee]) throws(TenderError) -> [TenderLot] {
        var keyed: [LotKey: [Trainee]] = [:]
        for trainee in trainees {
            let key = LotKey(themeID: trainee.themeID, area: area(of: trainee), format: trainee.format)
            keyed[key, default: []].append(trainee)
        }
        let themeOrder = Dictionary(uniqueKeysWithValues: rules.themes.enumerated().map { ($1.id, $0) })
        let ordered = keyed.keys.sorted { left, right in
            let (a, b) = (themeOrder[left.themeID] ?? 0, themeOrder[right.themeID] ?? 0)
            if a != b { return a < b }
            if left.format != right.format { return left.format != .remote }
            return left.area.id < right.area.id
        }
        var lots: [TenderLot] = []
        for key in ordered {
            guard let theme = rules.theme(id: key.themeID) else { throw .unknownTheme(key.themeID) }
            let members = keyed[key] ?? []
            let groups = self.groups(of: members, theme: theme, format: key.format)
            lots.append(
                TenderLot(
                    number: lots.count + 1, theme: theme, area: key.area, format: key.format, groups: groups,
                    communes: communes(of: members), sites: sites(of: groups), needs: members.map(\.needs).reduce(0, +),
                    estimate: try estimator.estimate(theme: theme, format: key.format, groups: groups)))
        }
        return lots
    }

    private struct LotKey: Hashable {
        let themeID: String
        let area: LotArea
        let format: TeachingFormat
    }

    /// The whole territory for remote lots; otherwise the buyer's rule.
    func area(of trainee: Trainee) -> LotArea {
        let whole = LotArea(id: territory.id, nameFR: territory.name, nuts3: territory.nuts3Regions)
        guard trainee.format != .remote, let commune = territory.commune(code: trainee.commune) else { return whole }
        switch buyer.lotArea {
        case .territory:
            return whole
        case .nuts3:
            let arrondissements = Set(
                territory.communes.filter { $0.nuts3 == commune.nuts3 }.map { $0.arrondissement ?? "" })
            let name =
                arrondissements.count == 1 && !(arrondissements.first ?? "").isEmpty
                ? Self.arrondissement(arrondissements.first ?? "") : "NUTS \(commune.nuts3)"
            return LotArea(id: commune.nuts3, nameFR: name, nuts3: [commune.nuts3])
        case .arrondissement:
            guard let arrondissement = commune.arrondissement else {
                return LotArea(id: commune.nuts3, nameFR: "NUTS \(commune.nuts3)", nuts3: [commune.nuts3])
            }
            let regions = Set(territory.communes.filter { $0.arrondissement == arrondissement }.map(\.nuts3))
            return LotArea(
                id: "arr-\(arrondissement)", nameFR: Self.arrondissement(arrondissement), nuts3: regions.sorted())
        }
    }

    /// `Arrondissement de Namur`, `Arrondissement d'Arlon`.
    static func arrondissement(_ name: String) -> String {
        let elided = name.first.map { "AEIOUYÉÈÊÂÎÔaeiouyéèêâîô".contains($0) } ?? false
        return elided ? "Arrondissement d'\(name)" : "Arrondissement de \(name)"
    }

    func groups(of trainees: [Trainee], theme: TenderTheme, format: TeachingFormat) -> [TrainingGroup] {
        let sizes = policy.sizes(for: format)
        var groups: [TrainingGroup] = []
        for band in policy.levelBands {
            let inBand = trainees.filter { band.contains($0.fromLevel) }
            guard !inBand.isEmpty else { continue }
            let perCommune = Dictionary(grouping: inBand, by: \.commune).mapValues(\.count)
            let ordered = inBand.sorted { left, right in
                let (a, b) = (perCommune[left.commune] ?? 0, perCommune[right.commune] ?? 0)
                if a != b { return a > b }
                if left.commune != right.commune { return left.commune < right.commune }
                return left.key < right.key
            }
            let count = (ordered.count + sizes.upperBound - 1) / sizes.upperBound
            let base = ordered.count / count
            let extra = ordered.count % count
            var start = 0
            for index in 0..<count {
                let size = base + (index < extra ? 1 : 0)
                let members = Array(ordered[start..<(start + size)])
                start += size
                groups.append(group(members, band: band, theme: theme, format: format, minimum: sizes.lowerBound))
            }
        }
        return groups
    }

    private func group(
        _ members: [Trainee], band: LevelBand, theme: TenderTheme, format: TeachingFormat, minimum: Int
    ) -> TrainingGroup {
        let from = members.map(\.fromLevel).min() ?? band.lowest
        let to = members.map(\.toLevel).max() ?? from
        let raw = min(
            max(theme.hoursPerLevel * Double(max(0, to - from)), policy.moduleHours.lowerBound),
            policy.moduleHours.upperBound)
        let sessions = Int((raw / policy.sessionHours - 1e-9).rounded(.up))
        let hours = Double(sessions) * policy.sessionHours
        let days = Int((hours / policy.hoursPerDay - 1e-9).rounded(.up))
        let perCommune = Dictionary(grouping: members, by: \.commune).mapValues(\.count)
        let site =
            format == .remote
            ? nil
            : perCommune.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.first?.key
        var devices: [Equipment: Int] = [:]
        if format != .remote {
            for member in members { for device in member.devicesLacking { devices[device, default: 0] += 1 } }
        }
        return TrainingGroup(
            band: band, fromLevel: from, toLevel: to, participants: members.count, hours: hours, sessions: sessions,
            days: days, site: site, members: perCommune, devices: devices, belowMinimum: members.count < minimum)
    }

    private func communes(of trainees: [Trainee]) -> [CommuneQuantity] {
        Dictionary(grouping: trainees, by: \.commune).map { code, members in
            CommuneQuantity(
                code: code, name: territory.commune(code: code)?.name ?? code, trainees: members.count,
                needs: members.map(\.needs).reduce(0, +))
        }.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
    }

    private func sites(of groups: [TrainingGroup]) -> [SiteSessions] {
        Dictionary(grouping: groups.filter { $0.site != nil }, by: { $0.site ?? "" }).map { code, held in
            SiteSessions(
                commune: code, name: territory.commune(code: code)?.name ?? code, groups: held.count,
                sessions: held.map(\.sessions).reduce(0, +))
        }.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
    }
}
