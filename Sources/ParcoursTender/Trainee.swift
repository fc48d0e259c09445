import ParcoursModel

/// One agent to train in one theme: the needs of an agent in a theme's competences are taught in
/// one module, from the lowest current level to the highest target.
public struct Trainee: Hashable, Sendable {
    /// The agent's pseudonymised key, or `ajout-…` for a coordinator's addition.
    public let key: String
    public let commune: String
    public let themeID: String
    public let fromLevel: Int
    public let toLevel: Int
    public let format: TeachingFormat
    /// Devices to lend for on-site sessions (a connection is the venue's business).
    public let devicesLacking: Set<Equipment>
    /// Uncovered needs it gathers (0 for an addition).
    public let needs: Int
    public let reasons: Set<String>

    public init(
        key: String, commune: String, themeID: String, fromLevel: Int, toLevel: Int, format: TeachingFormat,
        devicesLacking: Set<Equipment>, needs: Int, reasons: Set<String>
    ) {
        self.key = key
        self.commune = commune
        self.themeID = themeID
        self.fromLevel = fromLevel
        self.toLevel = toLevel
        self.format = format
        self.devicesLacking = devicesLacking
        self.needs = needs
        self.reasons = reasons
    }
}
