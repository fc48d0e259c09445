/// Which set of EU rules a purchase falls under.
public enum ProcurementRegime: String, Hashable, Codable, Sendable, CaseIterable {
    /// Social and other specific services (Directive 2014/24, art. 74 and Annex XIV).
    case light
    /// Every other service.
    case standard
}

/// How widely a procedure must be advertised.
public enum PublicationLevel: String, Hashable, Codable, Sendable, CaseIterable {
    /// No notice required (consult the market as good management requires).
    case none
    /// Advertising the buyer chooses in proportion to the purchase.
    case adapted
    /// A notice in the national journal (BOAMP or a legal-notice journal; Bulletin des Adjudications).
    case national
    /// A notice in the Official Journal of the EU (TED), with the national one.
    case european
}

/// The procedures Parcours can recommend.
public enum ProcedureKind: String, Hashable, Codable, Sendable, CaseIterable {
    /// France: a purchase without publicity or competition (R2122-8).
    case directAward = "direct-award"
    /// Belgium: a low-value purchase on an accepted invoice (marché de faible montant).
    case lowValue = "low-value"
    /// Belgium: the negotiated procedure without prior publication.
    case negotiatedWithoutPublication = "negotiated-without-publication"
    /// France: the adapted procedure (MAPA).
    case adapted
    /// Belgium: the direct negotiated procedure with prior publication.
    case negotiatedWithPublication = "negotiated-with-publication"
    /// The open procedure (France: appel d'offres ouvert).
    case open
}

/// One dated tier of a country's thresholds: purchases of a regime whose value lies in
/// [`from`, `below`) on a day in [`validFrom`, `validUntil`] follow `procedure`.
///
/// The edges are those of the law: "under X" is `value < X` (`below`), "from X" is `value ≥ X` (`from`).
public struct ProcurementThreshold: Hashable, Codable, Sendable {
    public let id: String
    public let country: Country
    public let regimes: Set<ProcurementRegime>
    /// The lowest value the tier covers (included).
    public let from: EuroAmount
    /// The value the tier stops under (excluded); nil for no upper bound.
    public let below: EuroAmount?
    public let validFrom: CalendarDay
    /// The last day the tier applies; nil while in force.
    public let validUntil: CalendarDay?
    public let procedure: ProcedureKind
    /// The eForms `procurement-procedure-type` code of the procedure.
    public let eFormsProcedure: String
    public let publication: PublicationLevel
    public let titleFR: String
    public let titleEN: String
    /// What the rule says, for the officer.
    public let ruleFR: String
    public let ruleEN: String
    /// The legal text it comes from.
    public let source: String
    /// What is still to be verified before relying on it; nil when confirmed.
    public let toVerify: String?

    public init(
        id: String, country: Country, regimes: Set<ProcurementRegime>, from: EuroAmount, below: EuroAmount?,
        validFrom: CalendarDay, validUntil: CalendarDay?, procedure: ProcedureKind, eFormsProcedure: String,
        publication: PublicationLevel, titleFR: String, titleEN: String, ruleFR: String, ruleEN: String,
        source: String, toVerify: String?
    ) {
        self.id = id
        self.country = country
        self.regimes = regimes
        self.from = from
        self.below = below
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.procedure = procedure
        self.eFormsProcedure = eFormsProcedure
        self.publication = publication
        self.titleFR = titleFR
        self.titleEN = titleEN
        self.ruleFR = ruleFR
        self.ruleEN = ruleEN
        self.source = source
        self.toVerify = toVerify
    }

    /// Whether the tier is in force on `day`.
    public func isInForce(on day: CalendarDay) -> Bool {
        validFrom <= day && (validUntil.map { day <= $0 } ?? true)
    }

    /// Whether `value` lies in [`from`, `below`).
    public func covers(_ value: EuroAmount) -> Bool {
        from <= value && (below.map { value < $0 } ?? true)
    }
}

/// The services of the light regime, by CPV range, with the codes whose inclusion is not confirmed.
public struct LightRegimeScope: Hashable, Codable, Sendable {
    /// A set of codes the light regime is not applied to until someone confirms it.
    public struct Unconfirmed: Hashable, Codable, Sendable {
        public let codes: Set<String>
        public let noteFR: String
        public let noteEN: String

        public init(codes: Set<String>, noteFR: String, noteEN: String) {
            self.codes = codes
            self.noteFR = noteFR
            self.noteEN = noteEN
        }
    }

    /// Ranges of eight-digit codes, both ends included.
    public let ranges: [ClosedRange<Int>]
    public let unconfirmed: [Unconfirmed]
    public let source: String

    public init(ranges: [ClosedRange<Int>], unconfirmed: [Unconfirmed], source: String) {
        self.ranges = ranges
        self.unconfirmed = unconfirmed
        self.source = source
    }

    /// The regime of a code, and the note of the unconfirmed set that kept it out of the light regime.
    public func regime(of code: CPVCode) -> (regime: ProcurementRegime, unconfirmed: Unconfirmed?) {
        guard ranges.contains(where: { $0.contains(code.number) }) else { return (.standard, nil) }
        if let doubt = unconfirmed.first(where: { $0.codes.contains(code.digits) }) { return (.standard, doubt) }
        return (.light, nil)
    }
}
