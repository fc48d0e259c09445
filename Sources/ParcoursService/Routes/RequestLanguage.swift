import Hummingbird
import ParcoursModel

extension Request {
    /// The language to answer in: `?lang=fr|en`, else the first of French or English that
    /// `Accept-Language` names, else French.
    var language: Language {
        if let asked = uri.queryParameters.get("lang").flatMap(Language.init(rawValue:)) { return asked }
        let accepted = headers[.acceptLanguage] ?? ""
        for range in accepted.split(separator: ",") {
            let tag = range.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).lowercased()
            if tag.hasPrefix("fr") { return .french }
            if tag.hasPrefix("en") { return .english }
        }
        return .french
    }
}
