/// The communes of a country that Parcours can place a venue or an agent in, found by code, name or
/// postal code. A postal code may cover several communes (20200: Bastia and three neighbours): the
/// lookups return every candidate and never pick one.
public struct Gazetteer: Hashable, Sendable {
    /// Every commune, by country, in code order.
    public let communes: [Country: [Commune]]
    /// Other official names (Dutch, German), by commune code.
    public let otherNames: [String: [String]]

    private let byCode: [String: Commune]
    private let byPostalCode: [Country: [String: [Commune]]]
    private let byName: [String: [Commune]]

    public init(communes: [Country: [Commune]], otherNames: [String: [String]] = [:]) {
        self.communes = communes
        self.otherNames = otherNames
        var byCode: [String: Commune] = [:]
        var byPostalCode: [Country: [String: [Commune]]] = [:]
        var byName: [String: [Commune]] = [:]
        for (country, list) in communes {
            for commune in list {
                byCode[commune.code] = commune
                for postalCode in commune.postalCodes {
                    byPostalCode[country, default: [:]][postalCode, default: []].append(commune)
                }
                for name in [commune.name] + (otherNames[commune.code] ?? []) {
                    byName[TitleKey.make(name), default: []].append(commune)
                }
            }
        }
        self.byCode = byCode
        self.byPostalCode = byPostalCode
        self.byName = byName
    }

    /// The commune with this NIS or INSEE code.
    public func commune(code: String) -> Commune? { byCode[code] }

    /// Every commune a postal code covers in a country, in code order; empty when unknown.
    public func communes(postalCode: String, country: Country) -> [Commune] {
        byPostalCode[country]?[postalCode] ?? []
    }

    /// Every commune with this name (French or another official name), compared loosely (case,
    /// accents, apostrophes); several when the name is shared.
    public func communes(named name: String) -> [Commune] { byName[TitleKey.make(name)] ?? [] }
}
