import ParcoursModel

/// The `parcours:` extension: what the standards lack, written the same way in every format —
/// LHEO `<extra info="parcours:KEY">VALUE</extra>`, XCRI-CAP
/// `<dc:description xsi:type="parcours:KEY">VALUE</dc:description>`, CSV column `KEY`.
/// Catalogues/README.md documents each key.
struct ParcoursExtension {
    static let prefix = "parcours:"

    enum Key: String, CaseIterable {
        /// `1.3:2-4` (competence, entry level, exit level); several separated by `;`.
        case competence
        /// Comma list of `computer`, `tablet`, `smartphone`, `internet`.
        case equipmentProvided = "equipment-provided"
        case equipmentRequired = "equipment-required"
        /// Comma list of status slugs (`statutaire`, `contractuel`, `titulaire`…); empty: all.
        case eligibleStatuses = "eligible-statuses"
        case minimumSeats = "min-seats"
        case maximumSeats = "max-seats"
        /// `6-12`: minimum and maximum seats together (XCRI-CAP).
        case seats
        /// Net of VAT, in euros.
        case fixedCost = "fixed-cost"
        case seatCost = "seat-cost"
        /// Price of the course, when the standard field is missing (as in EDOF's extras).
        case price
        /// VAT status of the price: `TTC`, `HT`, `exempt` (exonéré).
        case vat
        case hours
        /// `09:00-12:30,13:30-16:30`: the daily time slots.
        case schedule
        /// `50.4669,4.8675` (latitude, longitude, WGS 84).
        case geolocation
        case latitude
        case longitude
        /// INSEE or NIS code of the venue's commune.
        case commune
        /// `on-site`, `hybrid` or `remote`.
        case format
    }

    /// Values by key, in document order.
    private(set) var values: [Key: [String]] = [:]
    /// Keys with the prefix that Parcours does not know (reported as warnings).
    private(set) var unknownKeys: [String] = []

    init() {}

    /// Keys by their full name (`parcours:competence`): one hash instead of a comparison per case.
    private static let keysByName = Dictionary(uniqueKeysWithValues: Key.allCases.map { (prefix + $0.rawValue, $0) })

    mutating func add(key rawKey: String, value: String) {
        if let key = Self.keysByName[rawKey] {
            values[key, default: []].append(value.collapsingWhiteSpace)
            return
        }
        guard rawKey.hasPrefix(Self.prefix) else { return }
        let name = String(rawKey.dropFirst(Self.prefix.count))
        guard let key = Key(rawValue: name) else {
            unknownKeys.append(name)
            return
        }
        values[key, default: []].append(value.collapsingWhiteSpace)
    }

    /// This extension's values with `inner`'s taking precedence (session over action over course).
    func overridden(by inner: ParcoursExtension) -> ParcoursExtension {
        var merged = self
        for (key, value) in inner.values { merged.values[key] = value }
        merged.unknownKeys += inner.unknownKeys
        return merged
    }

    subscript(key: Key) -> String? { values[key]?.first }

    // MARK: Typed values; a malformed value is returned in `problems`.

    struct Problem: Equatable {
        let key: Key
        let value: String
    }

    func competences(problems: inout [Problem]) -> [TaughtCompetence] {
        (values[.competence] ?? []).flatMap { $0.split(separator: ";") }.compactMap { item in
            let text = String(FastText.trimmed(item))
            let parts = text.split(separator: ":")
            let levels = parts.count == 2 ? parts[1].split(separator: "-").compactMap { Int($0) } : []
            guard parts.count == 2, levels.count == 2, (0...8).contains(levels[0]), (1...8).contains(levels[1]),
                levels[0] < levels[1], parts[0].split(separator: ".").count == 2
            else {
                problems.append(Problem(key: .competence, value: text))
                return nil
            }
            return TaughtCompetence(
                code: CompetenceCode(String(parts[0])), entryLevel: levels[0], exitLevel: levels[1], source: .declared,
                confidence: 1)
        }
    }

    func equipment(_ key: Key, problems: inout [Problem]) -> [Equipment] {
        guard let text = self[key] else { return [] }
        return text.split(separator: ",").compactMap { item in
            let word = FastText.foldedWord(String(item))
            guard let equipment = Equipment(rawValue: word) ?? Self.equipmentSynonyms[word] else {
                problems.append(Problem(key: key, value: String(item)))
                return nil
            }
            return equipment
        }
    }

    /// French words accepted for equipment.
    private static let equipmentSynonyms: [String: Equipment] = [
        "ordinateur": .workComputer, "pc": .workComputer, "tablette": .tablet, "telephone": .smartphone,
        "connexion": .homeInternet,
    ]

    var statuses: [String] {
        (self[.eligibleStatuses] ?? "").split(separator: ",").map { FastText.foldedWord(String($0)) }
            .filter { !$0.isEmpty }
    }

    func seats(problems: inout [Problem]) -> (minimum: Int?, maximum: Int?) {
        var minimum = self[.minimumSeats].flatMap(Amount.wholeNumber)
        var maximum = self[.maximumSeats].flatMap(Amount.wholeNumber)
        if let text = self[.seats] {
            let parts = text.split(separator: "-").compactMap { Amount.wholeNumber(String($0)) }
            if parts.count == 2, parts[0] <= parts[1] {
                minimum = parts[0]
                maximum = parts[1]
            } else {
                problems.append(Problem(key: .seats, value: text))
            }
        }
        for (key, value) in [(Key.minimumSeats, minimum), (.maximumSeats, maximum)]
        where self[key] != nil && value == nil {
            problems.append(Problem(key: key, value: self[key]!))
        }
        return (minimum, maximum)
    }

    func amount(_ key: Key, problems: inout [Problem]) -> Double? {
        guard let text = self[key] else { return nil }
        guard let value = Amount.parse(text) else {
            problems.append(Problem(key: key, value: text))
            return nil
        }
        return value
    }

    func schedule(problems: inout [Problem]) -> [DailySlot] {
        guard let text = self[.schedule] else { return [] }
        var slots: [DailySlot] = []
        for item in text.split(separator: ",") {
            guard let slot = DailySlot(text: item) else {
                problems.append(Problem(key: .schedule, value: String(item)))
                continue
            }
            slots.append(slot)
        }
        return slots
    }

    /// Latitude and longitude from `geolocation`, or from `latitude` and `longitude`.
    func coordinate(problems: inout [Problem]) -> (latitude: Double, longitude: Double)? {
        if let text = self[.geolocation] {
            let parts = text.split(separator: ",").map { Double(FastText.trimmed($0)) }
            if parts.count == 2, let latitude = parts[0], let longitude = parts[1],
                CoordinateText.isPlausible(latitude: latitude, longitude: longitude)
            {
                return (latitude, longitude)
            }
            problems.append(Problem(key: .geolocation, value: text))
        }
        if let latitudeText = self[.latitude], let longitudeText = self[.longitude] {
            if let latitude = CoordinateText.parse(latitudeText), let longitude = CoordinateText.parse(longitudeText),
                CoordinateText.isPlausible(latitude: latitude, longitude: longitude)
            {
                return (latitude, longitude)
            }
            problems.append(Problem(key: .latitude, value: latitudeText + " " + longitudeText))
        }
        return nil
    }

    var format: TeachingFormat? { self[.format].flatMap(TeachingFormat.init(rawValue:)) }

    var vat: VATStatus? {
        guard let text = self[.vat] else { return nil }
        switch FastText.foldedWord(text) {
        case "ttc": return .inclusive
        case "ht": return .exclusive
        case "exempt", "exonere", "exoneree", "exoneration": return .exempt
        default: return nil
        }
    }
}

/// Coordinates as providers write them: `47.882108`, `4,8675`.
enum CoordinateText {
    static func parse(_ text: String) -> Double? {
        let trimmed = FastText.trimmed(Substring(text))
        return Double(trimmed) ?? Double(String(trimmed.map { $0 == "," ? "." : $0 }))
    }

    static func isPlausible(latitude: Double, longitude: Double) -> Bool {
        (-90...90).contains(latitude) && (-180...180).contains(longitude) && !(latitude == 0 && longitude == 0)
    }
}
