import ParcoursConfig
import ParcoursStore

extension UserAccount {
    /// The territory the user works in: its own for a coordinator or procurement, its commune's for
    /// commune HR; nil for a provider or an admin, who belong to none.
    func territoryID(in configuration: Configuration) -> String? {
        switch role {
        case .coordinator, .procurement: territoryID
        case .communeHR: communeCode.flatMap { configuration.territory(ofCommune: $0)?.id }
        case .provider, .admin: nil
        }
    }

    /// Throws 403 unless the user works in `territoryID`.
    func requireTerritory(_ territoryID: String, in configuration: Configuration) throws {
        guard self.territoryID(in: configuration) == territoryID else { throw APIError.forbidden }
    }

    /// Throws 403 unless the user is the HR of commune `code`.
    func requireCommune(_ code: String) throws {
        guard role == .communeHR, communeCode == code else { throw APIError.forbidden }
    }
}
