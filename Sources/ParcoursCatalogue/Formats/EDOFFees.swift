import ParcoursModel

/// The price of an action as EDOF (the Mon Compte Formation catalogue of the Caisse des Dépôts)
/// writes it: not in `prix-total-TTC` but in the action's extras,
/// `<extras info="action"><extras info="frais-pedagogiques">` with `<extra info="frais-ttc">`,
/// `<extra info="frais-ht">` and `<extra info="taux-tva">` (see Tests/…/Fixtures/README.md for the
/// sources of this layout).
struct EDOFFees {
    let inclusive: String?
    let exclusive: String?
    let rate: String?

    /// The fees of `action`, nil when it has no `frais-pedagogiques` extras.
    init?(action: XMLRecord) {
        let fees = action.children("extras").filter { $0.attributes["info"] == "action" }
            .flatMap { $0.children("extras") }.first { $0.attributes["info"] == "frais-pedagogiques" }
        guard let fees else { return nil }
        func extra(_ info: String) -> String? {
            fees.children("extra").first { $0.attributes["info"] == info }.map(\.allText.collapsingWhiteSpace)
                .flatMap { $0.isEmpty ? nil : $0 }
        }
        inclusive = extra("frais-ttc")
        exclusive = extra("frais-ht")
        rate = extra("taux-tva")
    }

    /// What the fees say, never guessed: the tax-inclusive amount when given, else the amount net
    /// of VAT; a VAT rate of 0 says the training is exempt.
    var price: Price? {
        let exempt = rate.flatMap(Amount.parse) == 0
        if let amount = inclusive.flatMap(Amount.parse) {
            return Price(amount: amount, vat: exempt ? .exempt : .inclusive)
        }
        if let amount = exclusive.flatMap(Amount.parse) {
            return Price(amount: amount, vat: exempt ? .exempt : .exclusive)
        }
        return nil
    }
}
