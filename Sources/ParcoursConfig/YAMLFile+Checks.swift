import Foundation
import ParcoursModel

/// Checks shared by the loaders of `Config/` files.
extension YAMLFile {
    /// An identifier made of lower-case letters, digits and dashes (`field-technical`).
    func checkSlug(_ text: String, at path: [FieldKey]) throws {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        guard !text.isEmpty, text.allSatisfy(allowed.contains) else {
            throw error(
                at: path, "\"\(text)\" is not an identifier (lower-case letters, digits and -)",
                fr: "« \(text) » n'est pas un identifiant (minuscules, chiffres et -)")
        }
    }

    /// A `YYYY-MM-DD` date.
    func day(_ text: String, at path: [FieldKey]) throws -> CalendarDay {
        guard let day = CalendarDay(iso: text) else {
            throw error(
                at: path, "\"\(text)\" is not a date written YYYY-MM-DD",
                fr: "« \(text) » n'est pas une date écrite AAAA-MM-JJ")
        }
        return day
    }

    /// `BE` or `FR`.
    func country(_ text: String, at path: [FieldKey]) throws -> Country {
        guard let country = Country(rawValue: text) else {
            throw error(
                at: path, "unknown country \"\(text)\" (expected BE or FR)",
                fr: "pays inconnu « \(text) » (BE ou FR attendu)")
        }
        return country
    }
}
