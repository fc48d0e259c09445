/// How a buyer cuts its territory into lots.
public enum LotAreaRule: String, Hashable, Codable, Sendable, CaseIterable {
    /// One area per NUTS-3 region (in Namur province, the three arrondissements).
    case nuts3
    /// One area per arrondissement named in the territory file.
    case arrondissement
    /// The whole territory in one area.
    case territory
}

/// An award criterion and its weight in percent.
public struct AwardCriterion: Hashable, Codable, Sendable {
    /// The eForms `award-criterion-type` code: `price`, `quality` or `cost`.
    public let kind: String
    public let weight: Int
    public let nameFR: String
    public let nameEN: String
    /// How it is scored, for the bidder.
    public let scoringFR: String

    public init(kind: String, weight: Int, nameFR: String, nameEN: String, scoringFR: String) {
        self.kind = kind
        self.weight = weight
        self.nameFR = nameFR
        self.nameEN = nameEN
        self.scoringFR = scoringFR
    }
}

/// The body that tenders for a territory: usually a central purchasing body acting for its communes.
public struct TenderBuyer: Hashable, Codable, Sendable {
    /// The territory (`Config/territories.yaml`) whose needs it buys for.
    public let territoryID: String
    public let name: String
    /// The eForms `buyer-legal-type` code (`ra` regional authority, `la` local authority…).
    public let legalType: String
    /// Company or SIRET number; nil when not yet filled in (the documents then leave a blank).
    public let identifier: String?
    public let street: String
    public let postalCode: String
    public let city: String
    public let nuts3: String
    public let email: String?
    public let website: String?
    /// Whether it buys as a central purchasing body for other buyers.
    public let isCentralPurchasingBody: Bool
    /// The communes it acts for (codes); nil for every commune of the territory.
    public let actsFor: [String]?
    /// The eForms legal type of the communes it acts for.
    public let communeLegalType: String
    public let lotArea: LotAreaRule
    public let awardCriteria: [AwardCriterion]
    /// Length of the framework agreement.
    public let frameworkMonths: Int
    /// Framework maximum = estimated value × this factor (room for needs arising during the term).
    public let frameworkMaximumFactor: Double

    public init(
        territoryID: String, name: String, legalType: String, identifier: String?, street: String,
        postalCode: String, city: String, nuts3: String, email: String?, website: String?,
        isCentralPurchasingBody: Bool, actsFor: [String]?, communeLegalType: String, lotArea: LotAreaRule,
        awardCriteria: [AwardCriterion], frameworkMonths: Int, frameworkMaximumFactor: Double
    ) {
        self.territoryID = territoryID
        self.name = name
        self.legalType = legalType
        self.identifier = identifier
        self.street = street
        self.postalCode = postalCode
        self.city = city
        self.nuts3 = nuts3
        self.email = email
        self.website = website
        self.isCentralPurchasingBody = isCentralPurchasingBody
        self.actsFor = actsFor
        self.communeLegalType = communeLegalType
        self.lotArea = lotArea
        self.awardCriteria = awardCriteria
        self.frameworkMonths = frameworkMonths
        self.frameworkMaximumFactor = frameworkMaximumFactor
    }
}
