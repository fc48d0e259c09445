import Foundation
import ParcoursModel

/// Why a job failed, or why its last attempt stopped: a stable code for programs, and the words for
/// people in both languages, written when the reason arises (the request that shows it may ask for
/// either). Stored as a JSON document in the job's `error` column.
public struct JobReason: Codable, Hashable, Sendable {
    /// What happened, e.g. `instance-stopped`, `attempts-exhausted`, `catalogue-refused`.
    public let code: String
    public let french: String
    public let english: String

    public init(code: String, french: String, english: String) {
        self.code = code
        self.french = french
        self.english = english
    }

    /// The reason in `language`.
    public func text(in language: Language) -> String { language.pick(french, english) }

    enum CodingKeys: String, CodingKey {
        case code
        case french = "fr"
        case english = "en"
    }

    /// The code of a reason stored before reasons had codes (plain English text).
    public static let unexplainedCode = "unexplained"

    /// The JSON document stored.
    public var stored: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    /// The reason a stored `error` says: its document, or a plain text stored before reasons had codes,
    /// shown as it is in both languages.
    public init(stored text: String) {
        if text.hasPrefix("{"), let reason = try? JSONDecoder().decode(Self.self, from: Data(text.utf8)) {
            self = reason
        } else {
            self.init(code: Self.unexplainedCode, french: text, english: text)
        }
    }
}

extension Job {
    /// Why the job failed, or why its last attempt stopped; nil when nothing stopped it.
    public var reason: JobReason? { error.map(JobReason.init(stored:)) }
}
