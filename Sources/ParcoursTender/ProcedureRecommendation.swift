import ParcoursModel

/// The procedure a package should follow, and the rule it was chosen by.
public struct ProcedureRecommendation: Hashable, Sendable {
    public let regime: ProcurementRegime
    /// Why this regime: the light-regime source, the CPV code outside it, or the doubt that kept it out.
    public let regimeReasonFR: String
    public let regimeReasonEN: String
    /// Sum of the lots' estimated values.
    public let estimatedTotal: EuroAmount
    /// Sum of the lots' framework maxima over the whole term: the value compared with the thresholds.
    public let comparedValue: EuroAmount
    /// The tier applied.
    public let tier: ProcurementThreshold
    public let launchDate: CalendarDay
    /// `16` (standard regime), `20` (light regime) when EU publication is required, else `E3` (voluntary).
    public let eFormsSubtype: String

    /// What the published documents say of the regime: the light-regime reason, or that the general rules
    /// apply; the doubts behind a standard regime stay in the buyer's note (``regimeReasonFR``).
    public var regimeStatementFR: String {
        regime == .light
            ? regimeReasonFR
            : "Le marché est passé selon les règles générales de passation ; il n'est pas traité comme un marché de services sociaux et autres services spécifiques."
    }

    /// Whether the procedure lets the buyer negotiate with the tenderers (every one but the open procedure).
    public var allowsNegotiation: Bool { tier.procedure != .open }

    /// Whether a notice in the Official Journal of the EU is required.
    public var europeanPublication: Bool { tier.publication == .european }

    /// How the compared value is computed, for the officer, with the country's own texts.
    public static func valueRuleFR(for country: Country) -> String {
        let national =
            country == .belgium
            ? "transposée par l'arrêté royal du 18 avril 2017, dispositions sur l'estimation du montant du marché"
            : "Code de la commande publique, art. R2121-1, R2121-7 et R2121-8"
        return
            "Mode de calcul : somme des montants maximums de tous les lots sur toute la durée de l'accord-cadre, hors TVA (directive 2014/24, art. 5, §§ 5 et 10 ; \(national))."
    }
}

/// Chooses the procedure from the dated thresholds of Config.
public struct ProcedureAdvisor: Sendable {
    public let rules: ProcurementRules

    public init(rules: ProcurementRules) { self.rules = rules }

    /// The regime of a set of lots: light only when every lot's CPV code is in the confirmed light scope.
    public func regime(of cpvCodes: [CPVCode]) -> (ProcurementRegime, String, String) {
        for code in cpvCodes {
            let (regime, doubt) = rules.lightRegime.regime(of: code)
            guard regime == .light else {
                if let doubt { return (.standard, "CPV \(code) : \(doubt.noteFR)", "CPV \(code): \(doubt.noteEN)") }
                return (
                    .standard,
                    "Le code CPV \(code) n'est pas un service social ou autre service spécifique : régime général.",
                    "CPV \(code) is not a social or other specific service: standard regime."
                )
            }
        }
        return (
            .light,
            "Services de formation relevant des services sociaux et autres services spécifiques (\(rules.lightRegime.source)).",
            "Training services among the social and other specific services (\(rules.lightRegime.source))."
        )
    }

    /// The recommendation for lots of `country` launched on `launchDate`.
    public func recommend(
        cpvCodes: [CPVCode], estimatedTotal: EuroAmount, comparedValue: EuroAmount, country: Country,
        launchDate: CalendarDay
    ) throws(TenderError) -> ProcedureRecommendation {
        let (regime, reasonFR, reasonEN) = regime(of: cpvCodes)
        guard
            let tier = rules.thresholds.first(where: {
                $0.country == country && $0.regimes.contains(regime) && $0.isInForce(on: launchDate)
                    && $0.covers(comparedValue)
            })
        else { throw .noThresholdInForce(country: country, day: launchDate) }
        let subtype = tier.publication == .european ? (regime == .light ? "20" : "16") : "E3"
        return ProcedureRecommendation(
            regime: regime, regimeReasonFR: reasonFR, regimeReasonEN: reasonEN, estimatedTotal: estimatedTotal,
            comparedValue: comparedValue, tier: tier, launchDate: launchDate, eFormsSubtype: subtype)
    }
}
