import Foundation
import ParcoursModel

/// An export of a campaign that is older than the one already stored: importing it would replace
/// newer results with older ones, so the whole import is refused and nothing is stored.
///
/// A Pix export holds a whole campaign and shares are never withdrawn, so the latest share date of
/// a newer export is never earlier than that of an older one.
public struct OlderExportError: Error, Equatable, Sendable {
    /// The file name of the older export.
    public let file: String
    /// The campaign's code, as Pix shows it (e.g. `NAMUR25X`).
    public let campaignCode: String
    /// The latest share already stored for the campaign.
    public let storedLatestShare: Date
    /// The latest share in the refused export, nil when it holds none.
    public let exportLatestShare: Date?

    public init(file: String, campaignCode: String, storedLatestShare: Date, exportLatestShare: Date?) {
        self.file = file
        self.campaignCode = campaignCode
        self.storedLatestShare = storedLatestShare
        self.exportLatestShare = exportLatestShare
    }

    /// One line for people: the file, the campaign and both dates (no personal data).
    public func message(in language: Language) -> String {
        let format = Date.ISO8601FormatStyle().year().month().day().dateSeparator(.dash)
        let stored = storedLatestShare.formatted(format)
        let incoming = exportLatestShare?.formatted(format)
        switch language {
        case .french:
            return "\(file): export plus ancien que celui déjà importé pour la campagne \(campaignCode) "
                + "(dernier partage \(incoming ?? "aucun") contre \(stored)) : rien n'a été importé"
        case .english:
            return "\(file): older than the export already imported for campaign \(campaignCode) "
                + "(latest share \(incoming ?? "none") against \(stored)): nothing was imported"
        }
    }
}
