import ParcoursModel

/// A course as a format mapper read it, with what it found wrong, before profiles and tagging.
struct MappedCourse {
    var course: CatalogueCourse
    var provider: CatalogueProvider?
    var diagnostics: [CatalogueDiagnostic]
    /// The country the course's provider or places belong to (chooses the profile in `auto`).
    var country: Country?
}

/// Collects a course's problems with their line and path as a mapper finds them.
struct ProblemList {
    let ancestors: [String]
    private(set) var items: [CatalogueDiagnostic] = []

    init(ancestors: [String]) { self.ancestors = ancestors }

    mutating func error(_ at: XMLRecord?, _ path: String, fr: String, en: String) {
        add(.error, at, path, fr: fr, en: en)
    }

    mutating func warning(_ at: XMLRecord?, _ path: String, fr: String, en: String) {
        add(.warning, at, path, fr: fr, en: en)
    }

    mutating func add(
        _ severity: CatalogueDiagnostic.Severity, _ at: XMLRecord?, _ path: String, line: Int? = nil, fr: String,
        en: String
    ) {
        items.append(
            CatalogueDiagnostic(
                severity: severity, line: line ?? at?.line, path: (ancestors + [path]).joined(separator: "/"), fr: fr,
                en: en))
    }

    mutating func extensionProblems(_ problems: [ParcoursExtension.Problem], at: XMLRecord?, path: String) {
        for problem in problems {
            warning(
                at, path,
                fr: "valeur illisible pour parcours:\(problem.key.rawValue) : « \(problem.value) » (ignorée)",
                en: "unreadable value for parcours:\(problem.key.rawValue): '\(problem.value)' (ignored)")
        }
    }
}

/// Identifiers of providers: SIRET (14 digits) or Belgian company number (10 digits, `0xxx.xxx.xxx`).
enum ProviderNumber {
    /// Digits of a French SIRET, when `text` is one.
    static func siret(_ text: String?) -> String? {
        guard let digits = text.map(Self.digits), digits.count == 14 else { return nil }
        return digits
    }

    /// The Belgian company number (BCE/KBO) as 10 digits, from `0212.345.678`, `BE0212345678` or a
    /// 9-digit old form.
    static func belgian(_ text: String?) -> String? {
        guard let text else { return nil }
        let digits = Self.digits(text)
        if digits.count == 10, digits.first == "0" || digits.first == "1" { return digits }
        if digits.count == 9 { return "0" + digits }
        return nil
    }

    private static func digits(_ text: String) -> String { text.filter { $0.isASCII && $0.isNumber } }
}

/// HTML that providers put inside text fields (LHEO `&lt;p&gt;`, XCRI XHTML) reduced to plain text.
enum PlainText {
    static func from(_ text: String) -> String {
        guard FastText.contains(text, byte: UInt8(ascii: "<")) || FastText.contains(text, byte: UInt8(ascii: "&"))
        else {
            return text.collapsingWhiteSpace
        }
        var output = ""
        var inTag = false
        for character in text {
            if character == "<" {
                inTag = true
                output.append(" ")
            } else if character == ">", inTag {
                inTag = false
            } else if !inTag {
                output.append(character)
            }
        }
        let entities = [
            "&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&rsquo;": "’",
        ]
        for (entity, value) in entities { output = output.replacingOccurrences(of: entity, with: value) }
        return output.collapsingWhiteSpace
    }
}
