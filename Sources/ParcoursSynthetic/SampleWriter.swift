import Foundation
import ParcoursCSV
import ParcoursModel

/// Writes a synthetic population as the files a coordinator would gather: one Pix Orga export per
/// commune and campaign (each commune is its own Pix organisation) and one agent roster.
public enum SampleWriter {
    /// What was written, for the command's summary.
    public struct Summary: Sendable {
        public let files: [String]
        public let agents: Int
        public let profileRows: Int
        public let assessmentRows: Int
    }

    /// Writes into `directory` (created if needed): `pix/<code>-collecte-profils.csv`,
    /// `pix/<code>-evaluation-cybersecurite.csv` and `roster.csv`.
    public static func write(_ population: SyntheticPopulation, framework: CompetenceFramework, to directory: URL)
        throws -> Summary
    {
        let pixFolder = directory.appending(path: "pix")
        try FileManager.default.createDirectory(at: pixFolder, withIntermediateDirectories: true)
        var files: [String] = []
        let byCommune = Dictionary(grouping: population.agents, by: \.agent.communeCode)
        for (index, commune) in population.communes.enumerated() {
            let agents = byCommune[commune.code] ?? []
            let number = (population.territory.communes.firstIndex(of: commune) ?? index) + 1
            let profiles = campaign(
                .profilesCollection, commune: commune, number: number, population: population)
            let profilesPath = pixFolder.appending(path: "\(commune.code)-collecte-profils.csv").path
            try PixExportWriter.writeProfilesCollection(
                agents, campaign: profiles, framework: framework, to: profilesPath)
            files.append(profilesPath)
            if agents.contains(where: { $0.assessment != .none }) {
                let assessment = campaign(.assessment, commune: commune, number: number, population: population)
                let path = pixFolder.appending(path: "\(commune.code)-evaluation-cybersecurite.csv").path
                try PixExportWriter.writeAssessment(agents, campaign: assessment, framework: framework, to: path)
                files.append(path)
            }
        }
        let rosterPath = directory.appending(path: "roster.csv").path
        try RosterWriter.write(population.agents.map(\.agent), to: rosterPath)
        files.append(rosterPath)
        return Summary(
            files: files, agents: population.agents.count,
            profileRows: population.agents.count { $0.profilesCollection != .none },
            assessmentRows: population.agents.count { $0.assessment != .none })
    }

    /// The commune's campaign of a kind: its organisation ("Administration communale de …" in Belgium,
    /// "Mairie de …" in France), a stable id and a 9-character code drawn from the seed.
    static func campaign(_ kind: PixCampaignKind, commune: Commune, number: Int, population: SyntheticPopulation)
        -> SyntheticCampaign
    {
        let country = population.territory.country
        let base = (country == .belgium ? 300_000 : 400_000) + number * 10
        var random = SeededGenerator(seed: population.seed, stream: "campaign \(kind.rawValue) \(commune.code)")
        let letters = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        let code = String((0..<9).map { _ in random.element(of: letters) })
        switch kind {
        case .profilesCollection:
            return SyntheticCampaign(
                organizationName: organization(of: commune, country: country), id: base + 1, code: code,
                name: "Positionnement numérique des agents 2026", kind: kind,
                opens: CalendarDay(year: 2026, month: 9, day: 14), days: 35)
        case .assessment:
            return SyntheticCampaign(
                organizationName: organization(of: commune, country: country), id: base + 2, code: code,
                name: "Sécurité numérique - agents", kind: kind, opens: CalendarDay(year: 2026, month: 10, day: 5),
                days: 40)
        }
    }

    static func organization(of commune: Commune, country: Country) -> String {
        switch country {
        case .belgium:
            let vowel = commune.name.first.map { "AEIOUYÉÈÂÎ".contains($0) } ?? false
            return "Administration communale " + (vowel ? "d'" : "de ") + commune.name
        case .france:
            return "Mairie de \(commune.name)"
        }
    }
}
