import Foundation

/// A Pix competence code such as `1.1` or `5.2`: the key of a competence everywhere in Parcours.
public struct CompetenceCode: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The code as Pix writes it, e.g. `"3.2"`.
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// The area code: `"3"` for `"3.2"`.
    public var areaCode: String { String(rawValue.prefix { $0 != "." }) }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.rawValue.split(separator: ".").compactMap { Int($0) }
            .lexicographicallyPrecedes(rhs.rawValue.split(separator: ".").compactMap { Int($0) })
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// One of the 16 Pix competences.
public struct Competence: Hashable, Codable, Sendable {
    public let code: CompetenceCode
    /// The French title exactly as Pix writes it in its exports.
    public let titleFR: String
    public let titleEN: String
    /// Other spellings seen in exports (’ vs ', accents).
    public let variantsFR: [String]

    public init(code: CompetenceCode, titleFR: String, titleEN: String, variantsFR: [String] = []) {
        self.code = code
        self.titleFR = titleFR
        self.titleEN = titleEN
        self.variantsFR = variantsFR
    }

    /// The competence as pages and tables name it: its code and its title in `language`
    /// (`2.1 Interagir`).
    public func codeAndTitle(in language: Language) -> String {
        "\(code.rawValue) \(language.pick(titleFR, titleEN))"
    }
}

/// One of the 5 Pix areas, with its competences.
public struct CompetenceArea: Hashable, Codable, Sendable {
    public let code: String
    public let titleFR: String
    public let titleEN: String
    public let competences: [Competence]

    public init(code: String, titleFR: String, titleEN: String, competences: [Competence]) {
        self.code = code
        self.titleFR = titleFR
        self.titleEN = titleEN
        self.competences = competences
    }
}

/// The description of one level of the Pix scale (1–8).
public struct LevelDescription: Hashable, Codable, Sendable {
    public let level: Int
    public let descriptionFR: String
    public let descriptionEN: String

    public init(level: Int, descriptionFR: String, descriptionEN: String) {
        self.level = level
        self.descriptionFR = descriptionFR
        self.descriptionEN = descriptionEN
    }
}

/// The competence framework: areas, competences and the level scale.
///
/// Levels run from 0 (not assessed, or nothing mastered) to ``maximumLevel``.
public struct CompetenceFramework: Hashable, Sendable {
    public let areas: [CompetenceArea]
    public let levels: [LevelDescription]
    /// Pix earned per level: level = floor(pix / pixPerLevel).
    public let pixPerLevel: Int

    public init(areas: [CompetenceArea], levels: [LevelDescription], pixPerLevel: Int = 8) {
        self.areas = areas
        self.levels = levels
        self.pixPerLevel = pixPerLevel
    }

    /// Every competence, in framework order (1.1 … 5.2).
    public var competences: [Competence] { areas.flatMap(\.competences) }

    /// Every competence code, in framework order.
    public var codes: [CompetenceCode] { competences.map(\.code) }

    public var maximumLevel: Int { levels.map(\.level).max() ?? 8 }

    public func competence(_ code: CompetenceCode) -> Competence? {
        competences.first { $0.code == code }
    }

    /// Finds a competence by its French title, loosely: case, accents, apostrophes (’ ') and
    /// white space do not matter. Known variants are matched too.
    public func competence(titled title: String) -> Competence? {
        let key = TitleKey.make(title)
        return competences.first { competence in
            ([competence.titleFR] + competence.variantsFR).contains { TitleKey.make($0) == key }
        }
    }

    /// Finds an area by its French title, loosely (see ``competence(titled:)``).
    public func area(titled title: String) -> CompetenceArea? {
        let key = TitleKey.make(title)
        return areas.first { TitleKey.make($0.titleFR) == key }
    }
}

/// The loose form of a title used to compare titles written by different tools.
public enum TitleKey {
    /// Lower-cases, strips accents, unifies apostrophes and ligatures, collapses white space.
    public static func make(_ title: String) -> String {
        let folded =
            title
            .replacingOccurrences(of: "\u{2019}", with: "'")
            .replacingOccurrences(of: "\u{2018}", with: "'")
            .replacingOccurrences(of: "\u{02BC}", with: "'")
            .replacingOccurrences(of: "\u{0153}", with: "oe")
            .replacingOccurrences(of: "\u{0152}", with: "OE")
            .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        return folded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
