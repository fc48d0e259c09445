import ParcoursModel

/// Checks shared by the `Config/procurement/` loaders.
extension YAMLFile {
    /// A positive amount in euros, exact to the cent.
    func amount(_ value: Double, at path: [FieldKey], allowZero: Bool = false) throws -> EuroAmount {
        guard value.isFinite, allowZero ? value >= 0 : value > 0 else {
            throw error(
                at: path, allowZero ? "must be an amount of 0 or more" : "must be a positive amount",
                fr: allowZero ? "doit être un montant positif ou nul" : "doit être un montant positif")
        }
        return EuroAmount(rounding: value)
    }

    /// A value of a closed set, named by its raw text.
    func choice<T: RawRepresentable>(_ text: String, of type: T.Type, at path: [FieldKey]) throws -> T
    where T.RawValue == String, T: CaseIterable {
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw error(
                at: path, "unknown value \"\(text)\" (expected one of \(allowed))",
                fr: "valeur inconnue « \(text) » (attendu : \(allowed))")
        }
        return value
    }

    /// A CPV code written with its check digit, `80533100-0`.
    func cpv(_ text: String, at path: [FieldKey]) throws -> CPVCode {
        guard let code = CPVCode(text) else {
            throw error(
                at: path, "\"\(text)\" is not a CPV code written 12345678-9",
                fr: "« \(text) » n'est pas un code CPV écrit 12345678-9")
        }
        return code
    }

    /// A text that must not be empty.
    func nonEmpty(_ text: String, at path: [FieldKey]) throws -> String {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw error(at: path, "must not be empty", fr: "ne doit pas être vide")
        }
        return text
    }
}
