import ParcoursModel

/// Proposes Pix competences and levels for a course from its title, objectives, content and
/// Formacode codes, by the rule table of `Config/tagging.yaml`. Every proposal is marked
/// ``TagSource/inferred`` with its confidence, and can be confirmed or overridden.
public struct CompetenceTagger: Sendable {
    public let rules: TaggingRules
    private let termRules: [(competence: CompetenceCode, terms: [(text: String, key: [UInt8])])]
    private let levelRules: [(rule: TaggingRules.LevelRule, terms: [[UInt8]])]

    public init(rules: TaggingRules) {
        self.rules = rules
        termRules = rules.competences.map { rule in
            (rule.competence, rule.terms.map { ($0, FastText.searchKey($0)) }.filter { $0.key.count > 3 })
        }
        levelRules = rules.levels.map { ($0, $0.terms.map(FastText.searchKey)) }
    }

    /// What led to a proposal: the terms and codes found, for people to check.
    public struct Proposal: Hashable, Sendable {
        public let competence: TaughtCompetence
        public let evidence: [String]
    }

    /// Proposals for a course, best first; empty when nothing reaches the threshold.
    public func propose(title: String, texts: [String], formacodes: [String]) -> [Proposal] {
        let titleText = FastText.searchKey(title)
        let bodyText = FastText.searchKey(texts.joined(separator: " "))
        var evidence: [CompetenceCode: [(weight: Double, what: String)]] = [:]
        for rule in termRules {
            for term in rule.terms {
                if FastText.contains(titleText, term.key) {
                    evidence[rule.competence, default: []].append((rules.titleWeight, "titre: " + term.text))
                } else if FastText.contains(bodyText, term.key) {
                    evidence[rule.competence, default: []].append((rules.textWeight, "texte: " + term.text))
                }
            }
        }
        for rule in rules.formacodes where formacodes.contains(rule.code) {
            for competence in rule.competences {
                evidence[competence, default: []].append((rules.formacodeWeight, "formacode: \(rule.code)"))
            }
        }
        let (entry, exit) = levels(titleText + bodyText)
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
    private func levels(_ text: [UInt8]) -> (Int, Int) {
        for (rule, terms) in levelRules where terms.contains(where: { FastText.contains(text, $0) }) {
            return (rule.entryLevel, rule.exitLevel)
        }
        return (rules.defaultEntryLevel, rules.defaultExitLevel)
    }

}
