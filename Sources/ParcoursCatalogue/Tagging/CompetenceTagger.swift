import ParcoursModel

/// Proposes Pix competences and levels for a course from its title, objectives, content and
/// Formacode codes, by the rule table of `Config/tagging.yaml`. Every proposal is marked
/// ``TagSource/inferred`` with its confidence, and can be confirmed or overridden.
public struct CompetenceTagger: Sendable {
    public let rules: TaggingRules
    private let termRules: [(competence: CompetenceCode, terms: [String])]
    private let levelRules: [(rule: TaggingRules.LevelRule, terms: [String])]

    public init(rules: TaggingRules) {
        self.rules = rules
        termRules = rules.competences.map { ($0.competence, $0.terms.map(Self.normalise)) }
        levelRules = rules.levels.map { ($0, $0.terms.map(Self.normalise)) }
    }

    /// What led to a proposal: the terms and codes found, for people to check.
    public struct Proposal: Hashable, Sendable {
        public let competence: TaughtCompetence
        public let evidence: [String]
    }

    /// Proposals for a course, best first; empty when nothing reaches the threshold.
    public func propose(title: String, texts: [String], formacodes: [String]) -> [Proposal] {
        let titleText = Self.normalise(title)
        let bodyText = Self.normalise(texts.joined(separator: " "))
        var evidence: [CompetenceCode: [(weight: Double, what: String)]] = [:]
        for rule in termRules {
            for term in rule.terms {
                if Self.contains(titleText, term) {
                    evidence[rule.competence, default: []].append((rules.titleWeight, "titre: " + term.trimmed))
                } else if Self.contains(bodyText, term) {
                    evidence[rule.competence, default: []].append((rules.textWeight, "texte: " + term.trimmed))
                }
            }
        }
        for rule in rules.formacodes where formacodes.contains(rule.code) {
            for competence in rule.competences {
                evidence[competence, default: []].append((rules.formacodeWeight, "formacode: \(rule.code)"))
            }
        }
        let (entry, exit) = levels(titleText + " " + bodyText)
        return evidence.compactMap { code, items -> Proposal? in
            let confidence = 1 - items.reduce(1.0) { $0 * (1 - $1.weight) }
            guard confidence >= rules.threshold else { return nil }
            return Proposal(
                competence: TaughtCompetence(
                    code: code, entryLevel: entry, exitLevel: exit, source: .inferred,
                    confidence: (confidence * 100).rounded() / 100),
                evidence: items.map(\.what))
        }
        .sorted { ($0.competence.confidence, $1.competence.code) > ($1.competence.confidence, $0.competence.code) }
    }

    /// The levels the first matching level rule gives, else the default ones.
    private func levels(_ text: String) -> (Int, Int) {
        for (rule, terms) in levelRules where terms.contains(where: { Self.contains(text, $0) }) {
            return (rule.entryLevel, rule.exitLevel)
        }
        return (rules.defaultEntryLevel, rules.defaultExitLevel)
    }

    /// Lower case, no accents, apostrophes and punctuation as spaces, padded with spaces so that
    /// a term is found on word boundaries by a plain substring search.
    static func normalise(_ text: String) -> String {
        let folded = TitleKey.make(text)
        let spaced = String(folded.map { $0.isLetter || $0.isNumber ? $0 : " " })
        return " " + spaced.split(separator: " ").joined(separator: " ") + " "
    }

    private static func contains(_ text: String, _ term: String) -> Bool {
        term.count > 2 && text.contains(term)
    }
}

extension String {
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespaces) }
}
