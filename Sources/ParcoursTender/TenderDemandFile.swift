import Foundation
import ParcoursModel

/// A problem in a demand file, named by its field (`needs[3].target_level`).
public struct DemandFileError: Error, Hashable, Sendable {
    public let field: String
    public let messageFR: String
    public let messageEN: String

    public func message(in language: Language) -> String {
        "\(field.isEmpty ? "" : "\(field): ")\(language.pick(messageFR, messageEN))"
    }
}

/// Reads the JSON demand file of `parcours tender --demand` (documented in the README):
///
/// ```json
/// {"launch_date": "2026-05-04", "window": {"first": "2026-09-01", "last": "2027-06-30"},
///  "context_fr": "…",
///  "needs": [{"agent": "P-3f2a9c", "commune": "92094", "competence": "3.1", "current_level": 1,
///             "target_level": 3, "weight": 4.5, "remote_possible": true,
///             "equipment_lacking": ["computer"], "reason": "no-course"}],
///  "additions": [{"theme": "protection-securite", "commune": "92094", "agents": 10,
///                 "from_level": 1, "to_level": 3, "format": "on-site"}],
///  "removals": [{"agent": "P-3f2a9c", "competence": "2.4"}]}
/// ```
public enum TenderDemandFile {
    private struct File: Decodable {
        struct Window: Decodable {
            let first: String
            let last: String
        }
        struct Need: Decodable {
            let agent: String
            let commune: String
            let competence: String
            let current_level: Int
            let target_level: Int
            let weight: Double
            let remote_possible: Bool
            let equipment_lacking: [String]?
            let reason: String
        }
        struct Addition: Decodable {
            let theme: String
            let commune: String
            let agents: Int
            let from_level: Int
            let to_level: Int
            let format: String
        }
        struct Removal: Decodable {
            let agent: String?
            let commune: String?
            let competence: String?
            let theme: String?
        }
        let launch_date: String
        let window: Window?
        let context_fr: String?
        let needs: [Need]
        let additions: [Addition]?
        let removals: [Removal]?
    }

    /// Parses and checks a demand; levels are checked against `maximumLevel`.
    public static func read(_ data: Data, maximumLevel: Int) throws(DemandFileError) -> TenderDemand {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch let error as DecodingError {
            throw problem(error)
        } catch {
            throw DemandFileError(field: "", messageFR: "JSON illisible", messageEN: "unreadable JSON")
        }
        let launch = try day(file.launch_date, field: "launch_date")
        let window = try file.window.map { window throws(DemandFileError) -> DayRange in
            let first = try day(window.first, field: "window.first")
            let last = try day(window.last, field: "window.last")
            guard first <= last else {
                throw DemandFileError(
                    field: "window.last", messageFR: "précède window.first", messageEN: "is before window.first")
            }
            return DayRange(first: first, last: last)
        }
        var needs: [UncoveredNeed] = []
        for (index, need) in file.needs.enumerated() {
            let field = "needs[\(index)]"
            guard !need.agent.isEmpty else {
                throw DemandFileError(
                    field: "\(field).agent", messageFR: "clé d'agent vide", messageEN: "empty agent key")
            }
            guard (0..<maximumLevel).contains(need.current_level),
                (need.current_level + 1...maximumLevel).contains(need.target_level)
            else {
                throw DemandFileError(
                    field: "\(field).target_level",
                    messageFR: "il faut 0 ≤ current_level < target_level ≤ \(maximumLevel)",
                    messageEN: "needs 0 ≤ current_level < target_level ≤ \(maximumLevel)")
            }
            guard need.weight >= 0, need.weight.isFinite else {
                throw DemandFileError(
                    field: "\(field).weight", messageFR: "poids négatif", messageEN: "negative weight")
            }
            var lacking = Set<Equipment>()
            for (position, text) in (need.equipment_lacking ?? []).enumerated() {
                guard let equipment = Equipment(rawValue: text) else {
                    let allowed = Equipment.allCases.map(\.rawValue).joined(separator: ", ")
                    throw DemandFileError(
                        field: "\(field).equipment_lacking[\(position)]",
                        messageFR: "équipement inconnu « \(text) » (attendu : \(allowed))",
                        messageEN: "unknown equipment \"\(text)\" (expected one of \(allowed))")
                }
                lacking.insert(equipment)
            }
            needs.append(
                UncoveredNeed(
                    agent: need.agent, commune: need.commune, competence: CompetenceCode(need.competence),
                    currentLevel: need.current_level, targetLevel: need.target_level, weight: need.weight,
                    remotePossible: need.remote_possible, equipmentLacking: lacking, reason: need.reason))
        }
        var additions: [ThemeAddition] = []
        for (index, addition) in (file.additions ?? []).enumerated() {
            let field = "additions[\(index)]"
            guard addition.agents >= 1 else {
                throw DemandFileError(
                    field: "\(field).agents", messageFR: "au moins 1 agent", messageEN: "at least 1 agent")
            }
            guard (0..<maximumLevel).contains(addition.from_level),
                (addition.from_level + 1...maximumLevel).contains(addition.to_level)
            else {
                throw DemandFileError(
                    field: "\(field).to_level", messageFR: "il faut 0 ≤ from_level < to_level ≤ \(maximumLevel)",
                    messageEN: "needs 0 ≤ from_level < to_level ≤ \(maximumLevel)")
            }
            guard let format = TeachingFormat(rawValue: addition.format), format != .hybrid else {
                throw DemandFileError(
                    field: "\(field).format", messageFR: "on-site ou remote attendu",
                    messageEN: "expected on-site or remote")
            }
            additions.append(
                ThemeAddition(
                    theme: addition.theme, commune: addition.commune, agents: addition.agents,
                    fromLevel: addition.from_level, toLevel: addition.to_level, format: format))
        }
        var removals: [NeedRemoval] = []
        for (index, removal) in (file.removals ?? []).enumerated() {
            guard removal.agent != nil || removal.commune != nil || removal.competence != nil || removal.theme != nil
            else {
                throw DemandFileError(
                    field: "removals[\(index)]", messageFR: "nomme au moins agent, commune, competence ou theme",
                    messageEN: "names at least agent, commune, competence or theme")
            }
            removals.append(
                NeedRemoval(
                    agent: removal.agent, commune: removal.commune,
                    competence: removal.competence.map(CompetenceCode.init),
                    theme: removal.theme))
        }
        return TenderDemand(
            launchDate: launch, window: window, needs: needs, additions: additions, removals: removals,
            contextFR: file.context_fr)
    }

    private static func day(_ text: String, field: String) throws(DemandFileError) -> CalendarDay {
        guard let day = CalendarDay(iso: text) else {
            throw DemandFileError(
                field: field, messageFR: "« \(text) » n'est pas une date AAAA-MM-JJ",
                messageEN: "\"\(text)\" is not a YYYY-MM-DD date")
        }
        return day
    }

    private static func problem(_ error: DecodingError) -> DemandFileError {
        func name(_ path: [any CodingKey]) -> String {
            path.reduce("") { name, key in
                if let index = key.intValue { return "\(name)[\(index)]" }
                return name.isEmpty ? key.stringValue : "\(name).\(key.stringValue)"
            }
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = name(context.codingPath)
            return DemandFileError(
                field: parent.isEmpty ? key.stringValue : "\(parent).\(key.stringValue)", messageFR: "champ manquant",
                messageEN: "missing field")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return DemandFileError(
                field: name(context.codingPath), messageFR: "valeur de type inattendu",
                messageEN: "value of unexpected type")
        case .dataCorrupted(let context):
            return DemandFileError(
                field: name(context.codingPath), messageFR: "JSON illisible", messageEN: "unreadable JSON")
        @unknown default:
            return DemandFileError(field: "", messageFR: "JSON illisible", messageEN: "unreadable JSON")
        }
    }
}
