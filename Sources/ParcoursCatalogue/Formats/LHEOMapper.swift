import ParcoursModel

/// Maps LHEO records (`formation` of an `lheo` file, `resume-offre` of an `lheo-index` file) to
/// courses. Field by field: see Catalogues/README.md.
struct LHEOMapper {
    let locator: VenueLocator

    static let plan = RecordPlan(
        containers: ["offres", "resumes-offres", "resumes-organismes"], courses: ["formation", "resume-offre"],
        names: ElementTable(readNames + otherNames))

    /// The element and attribute names this mapper reads.
    private static let readNames = [
        "formation", "resume-offre", "numero", "id", "info", "intitule-formation", "objectif-formation",
        "resultats-attendus", "contenu-formation", "domaine-formation", "code-FORMACODE", "code-NSF", "code-ROME",
        "action", "session", "modalites-enseignement", "lieu-de-formation", "coordonnees", "adresse", "ligne",
        "nom", "denomination", "codepostal", "ville", "code-INSEE-commune", "pays", "geolocalisation", "latitude",
        "longitude", "adresse-inscription", "periode", "debut", "fin", "periode-inscription", "nb-places",
        "capacite-simultanee", "effectif-minimal", "prix-total-TTC", "nombre-heures-total", "nombre-heures-centre",
        "conditions-specifiques", "code-public-vise", "info-public-vise", "langue-formation", "extras", "extra",
        "organisme-formation-responsable", "SIRET-organisme-formation", "SIRET", "nom-organisme", "raison-sociale",
        "coordonnees-organisme",
    ]

    /// Frequent LHEO names this mapper does not read: numbered too, so that records need not
    /// carry their text.
    private static let otherNames = [
        "lheo", "offres", "certifiante", "contact-formation", "courriel", "telfixe", "numtel", "web", "urlweb",
        "parcours-de-formation", "code-niveau-entree", "code-niveau-sortie", "rythme-formation",
        "niveau-entree-obligatoire", "modalites-alternance", "prise-en-charge-frais-possible",
        "modalites-entrees-sorties", "numero-activite", "contact-organisme", "etat-recrutement", "duree-indicative",
        "duree-cycle", "url-action", "url-formation", "detail-conditions-prise-en-charge", "organisme-financeur",
        "code-financeur", "modalites-recrutement", "modalites-pedagogiques", "organisme-formateur",
        "certification", "code-RNCP", "code-CERTIFINFO", "sous-modules", "modules-prerequis",
        "objectif-general-formation",
    ]

    /// Elements whose schema errors are Belgian details (4-digit postcode, company number where a
    /// SIRET is expected…), tolerated as warnings by the Belgian profile.
    static let belgianDetails: Set<String> = [
        "codepostal", "SIRET", "numero-activite", "code-INSEE-commune", "code-INSEE-canton", "departement",
        "region",
    ]

    func course(_ record: XMLRecord, ancestors: [String]) -> MappedCourse {
        record.isNamed("resume-offre") ? summary(record, ancestors: ancestors) : full(record, ancestors: ancestors)
    }

    // MARK: lheo / formation

    private func full(_ formation: XMLRecord, ancestors: [String]) -> MappedCourse {
        var problems = ProblemList(ancestors: ancestors + ["formation"])
        let id = formation.attributes["numero"] ?? formation.attributes["id"] ?? "formation-l\(formation.line)"
        let title = formation.value("intitule-formation").map(PlainText.from) ?? ""
        if title.isEmpty {
            problems.error(
                formation, "intitule-formation", fr: "formation sans intitulé", en: "course without a title")
        }
        let courseExtension = Self.extensions(of: formation)
        let actions = formation.children("action")
        let provider = self.provider(formation.child("organisme-formation-responsable"))
        var country = provider?.country
        var sessions: [CatalogueSession] = []
        var extensionProblems: [ParcoursExtension.Problem] = []
        var declared = courseExtension.competences(problems: &extensionProblems)
        for action in actions {
            let ownExtension = Self.extensions(of: action)
            let actionExtension = courseExtension.overridden(by: ownExtension)
            declared += ownExtension.competences(problems: &extensionProblems)
            let format = actionExtension.format ?? Self.format(action.value("modalites-enseignement"))
            let place = action.child("lieu-de-formation")
            for (index, session) in action.children("session").enumerated() {
                let sessionExtension = actionExtension.overridden(by: Self.extensions(of: session))
                let sessionID = session.attributes["numero"] ?? session.attributes["id"] ?? "\(id)-s\(index + 1)"
                var venue: CatalogueVenue?
                if format != .remote {
                    let description =
                        place.map { placeDescription($0, extension: sessionExtension) }
                        ?? session.first("adresse-inscription/adresse").map {
                            problems.warning(
                                session, "action/session/adresse-inscription",
                                fr: "pas de lieu-de-formation : l'adresse d'inscription sert de lieu",
                                en: "no lieu-de-formation: the registration address is used as the place")
                            return addressDescription($0, extension: sessionExtension)
                        }
                    if let description {
                        venue = locate(description, at: place ?? session, path: "action/lieu-de-formation", &problems)
                        country = country ?? description.country
                    } else {
                        problems.error(
                            session, "action/session",
                            fr: "session sur place sans lieu (ni lieu-de-formation ni adresse)",
                            en: "on-site session without a place (no lieu-de-formation, no address)")
                    }
                }
                sessions.append(
                    makeSession(
                        session, id: sessionID, format: format, venue: venue, extension: sessionExtension,
                        problems: &problems, extensionProblems: &extensionProblems))
            }
        }
        if actions.isEmpty {
            problems.error(
                formation, "action", fr: "formation sans action ni session", en: "course without any action or session")
        }
        checkDates(sessions, at: formation, &problems)
        let firstAction = actions.first
        let hours =
            firstAction?.value("nombre-heures-total").flatMap(Amount.parse)
            ?? firstAction?.value("nombre-heures-centre").flatMap(Amount.parse)
            ?? courseExtension.amount(.hours, problems: &extensionProblems)
        let actionExtension = courseExtension.overridden(
            by: firstAction.map(Self.extensions(of:)) ?? ParcoursExtension())
        let price = Self.price(
            standard: firstAction?.value("prix-total-TTC"), extension: actionExtension,
            edofFees: firstAction.flatMap(EDOFFees.init(action:)), problems: &extensionProblems)
        problems.extensionProblems(extensionProblems, at: formation, path: "extras")
        let course = CatalogueCourse(
            id: id, providerID: provider?.id ?? "", title: title,
            objectives: PlainText.from(
                [formation.value("objectif-formation"), formation.value("resultats-attendus")].compactMap { $0 }
                    .joined(separator: " ")),
            content: PlainText.from(formation.value("contenu-formation") ?? ""),
            prerequisites: firstAction?.value("conditions-specifiques").map(PlainText.from).flatMap(Self.meaningful)
                ?? "",
            audience: (firstAction?.children("code-public-vise").map(\.text.collapsingWhiteSpace) ?? [])
                + [firstAction?.value("info-public-vise")].compactMap { $0 },
            formacodes: formation.child("domaine-formation")?.children("code-FORMACODE").map(
                \.text.collapsingWhiteSpace)
                ?? [],
            nsfCodes: formation.child("domaine-formation")?.children("code-NSF").map(\.text.collapsingWhiteSpace) ?? [],
            romeCodes: formation.child("domaine-formation")?.children("code-ROME").map(\.text.collapsingWhiteSpace)
                ?? [],
            hours: hours, price: price,
            format: Self.courseFormat(sessions.map(\.format))
                ?? Self.format(firstAction?.value("modalites-enseignement")),
            language: firstAction?.value("langue-formation")?.lowercased() ?? "fr", competences: declared,
            sessions: sessions, line: formation.line)
        if provider == nil {
            problems.error(
                formation, "organisme-formation-responsable", fr: "organisme responsable absent ou sans nom",
                en: "responsible provider missing or without a name")
        } else if provider?.name == provider?.siret.map(Self.unnamedProviderName) {
            problems.warning(
                formation, "organisme-formation-responsable",
                fr: "organisme sans nom (comme dans les fichiers EDOF) : identifié par son SIRET",
                en: "provider without a name (as in EDOF files): identified by its SIRET")
        }
        return MappedCourse(course: course, provider: provider, diagnostics: problems.items, country: country)
    }

    /// The provider by name, or by SIRET alone when it has no name (EDOF files give only the SIRET).
    private func provider(_ element: XMLRecord?) -> CatalogueProvider? {
        guard let element else { return nil }
        let number = element.value("SIRET-organisme-formation/SIRET")
        let countryCode = element.value("coordonnees-organisme/coordonnees/adresse/pays")?.uppercased()
        let belgian = countryCode == "BE" ? ProviderNumber.belgian(number) : nil
        let siret = belgian == nil ? ProviderNumber.siret(number) : nil
        let named = (element.value("nom-organisme") ?? element.value("raison-sociale")).map(PlainText.from)
        guard let name = named.flatMap(Self.meaningful) ?? siret.map(Self.unnamedProviderName) else { return nil }
        let country: Country? =
            countryCode.flatMap(Country.init(rawValue:)) ?? (belgian != nil ? .belgium : siret != nil ? .france : nil)
        return CatalogueProvider(name: name, siret: siret, belgianCompanyNumber: belgian, country: country)
    }

    static func unnamedProviderName(siret: String) -> String { "SIRET " + siret }

    // MARK: lheo-index / resume-offre

    private func summary(_ offer: XMLRecord, ancestors: [String]) -> MappedCourse {
        var problems = ProblemList(ancestors: ancestors + ["resume-offre"])
        let id = offer.attributes["numero"] ?? offer.attributes["id"] ?? "resume-offre-l\(offer.line)"
        let title = offer.value("intitule-formation").map(PlainText.from) ?? ""
        if title.isEmpty {
            problems.error(offer, "intitule-formation", fr: "formation sans intitulé", en: "course without a title")
        }
        let name = offer.value("nom-organisme").map(PlainText.from)
        let number = offer.value("SIRET")
        let belgian = offer.value("codepostal")?.count == 4 ? ProviderNumber.belgian(number) : nil
        let provider = name.map {
            CatalogueProvider(
                name: $0, siret: belgian == nil ? ProviderNumber.siret(number) : nil, belgianCompanyNumber: belgian,
                country: belgian != nil ? .belgium : .france)
        }
        let offerExtension = Self.extensions(of: offer)
        var extensionProblems: [ParcoursExtension.Problem] = []
        let format = offerExtension.format ?? Self.format(offer.value("modalites-enseignement"))
        var place = PlaceDescription()
        place.postalCode = offer.value("codepostal")
        place.city = offer.value("ville")
        place.communeCode = offer.value("code-INSEE-commune")
        place.country = provider?.country
        place.extensionCoordinate = offerExtension.coordinate(problems: &extensionProblems)
        var sessions: [CatalogueSession] = []
        for (index, session) in offer.children("session").enumerated() {
            let sessionExtension = offerExtension.overridden(by: Self.extensions(of: session))
            var venue: CatalogueVenue?
            if format != .remote {
                let sessionAddress = session.first("adresse-inscription/adresse")
                let description =
                    sessionAddress?.child("geolocalisation") != nil
                    ? addressDescription(sessionAddress!, extension: sessionExtension) : place
                venue = locate(description, at: session, path: "session", &problems)
            }
            sessions.append(
                makeSession(
                    session, id: session.attributes["numero"] ?? "\(id)-s\(index + 1)", format: format, venue: venue,
                    extension: sessionExtension, problems: &problems, extensionProblems: &extensionProblems))
        }
        checkDates(sessions, at: offer, &problems)
        let competences = offerExtension.competences(problems: &extensionProblems)
        let price = Self.price(
            standard: nil, extension: offerExtension, edofFees: nil, problems: &extensionProblems)
        problems.extensionProblems(extensionProblems, at: offer, path: "extras")
        let course = CatalogueCourse(
            id: id, providerID: provider?.id ?? "", title: title, objectives: "", content: "", prerequisites: "",
            audience: offer.children("code-public-vise").map(\.text.collapsingWhiteSpace),
            formacodes: offer.child("domaine-formation")?.children("code-FORMACODE").map(\.text.collapsingWhiteSpace)
                ?? [],
            nsfCodes: offer.child("domaine-formation")?.children("code-NSF").map(\.text.collapsingWhiteSpace) ?? [],
            romeCodes: offer.child("domaine-formation")?.children("code-ROME").map(\.text.collapsingWhiteSpace) ?? [],
            hours: offer.value("nombre-heures-total").flatMap(Amount.parse), price: price, format: format,
            language: "fr", competences: competences, sessions: sessions, line: offer.line)
        if provider == nil {
            problems.error(offer, "nom-organisme", fr: "organisme sans nom", en: "provider without a name")
        }
        return MappedCourse(course: course, provider: provider, diagnostics: problems.items, country: provider?.country)
    }

    // MARK: Shared pieces

    private func makeSession(
        _ session: XMLRecord, id: String, format: TeachingFormat, venue: CatalogueVenue?, extension: ParcoursExtension,
        problems: inout ProblemList, extensionProblems: inout [ParcoursExtension.Problem]
    ) -> CatalogueSession {
        func date(_ path: String) -> SourceDate? {
            guard let text = session.value(path) else { return nil }
            guard let date = SourceDate.lheo(text) else {
                problems.error(
                    session.first(path), "action/session/" + path,
                    fr: "date illisible « \(text) » (attendu AAAAMMJJ, 00000000 si inconnue, AAAAMM00 pour un mois)",
                    en: "unreadable date '\(text)' (expected YYYYMMDD, 00000000 when unknown, YYYYMM00 for a month)")
                return SourceDate.unknown
            }
            return date
        }
        let seats = `extension`.seats(problems: &extensionProblems)
        let capacity = session.firstDescendant(named: Self.capacityNames).flatMap { Amount.wholeNumber($0.text) }
        let minimum = session.firstDescendant(named: Self.minimumNames).flatMap { Amount.wholeNumber($0.text) }
        return CatalogueSession(
            id: id, start: date("periode/debut") ?? .unknown, end: date("periode/fin") ?? .unknown,
            registrationStart: date("periode-inscription/periode/debut"),
            registrationEnd: date("periode-inscription/periode/fin"), format: format, venue: venue,
            minimumSeats: seats.minimum ?? minimum, maximumSeats: seats.maximum ?? capacity,
            fixedCost: `extension`.amount(.fixedCost, problems: &extensionProblems),
            seatCost: `extension`.amount(.seatCost, problems: &extensionProblems),
            equipmentProvided: `extension`.equipment(.equipmentProvided, problems: &extensionProblems),
            equipmentRequired: `extension`.equipment(.equipmentRequired, problems: &extensionProblems),
            eligibleStatuses: `extension`.statuses, schedule: `extension`.schedule(problems: &extensionProblems),
            line: session.line)
    }

    private static let capacityNames: Set<String> = ["nb-places", "capacite-simultanee"]
    private static let minimumNames: Set<String> = ["effectif-minimal"]

    private func placeDescription(_ place: XMLRecord, extension: ParcoursExtension) -> PlaceDescription {
        let coordinates = place.child("coordonnees")
        var description =
            coordinates?.child("adresse").map { addressDescription($0, extension: `extension`) }
            ?? PlaceDescription()
        let placeExtension = `extension`.overridden(by: Self.extensions(of: place))
        var ignored: [ParcoursExtension.Problem] = []
        description.extensionCoordinate =
            description.extensionCoordinate ?? placeExtension.coordinate(problems: &ignored)
        description.communeCode = description.communeCode ?? placeExtension[.commune]
        description.name = coordinates?.value("ligne") ?? coordinates?.value("nom") ?? description.name
        return description
    }

    private func addressDescription(_ address: XMLRecord, extension: ParcoursExtension) -> PlaceDescription {
        let addressExtension = `extension`.overridden(by: Self.extensions(of: address))
        var ignored: [ParcoursExtension.Problem] = []
        return PlaceDescription(
            name: address.value("denomination"),
            addressLines: address.children("ligne").map(\.text.collapsingWhiteSpace),
            postalCode: address.value("codepostal"), city: address.value("ville"),
            communeCode: address.value("code-INSEE-commune") ?? addressExtension[.commune],
            country: address.value("pays").flatMap { Country(rawValue: $0.uppercased()) },
            latitudeText: address.value("geolocalisation/latitude"),
            longitudeText: address.value("geolocalisation/longitude"),
            extensionCoordinate: addressExtension.coordinate(problems: &ignored))
    }

    private func locate(_ place: PlaceDescription, at element: XMLRecord, path: String, _ problems: inout ProblemList)
        -> CatalogueVenue?
    {
        let outcome = locator.locate(place)
        for warning in outcome.warnings { problems.warning(element, path, fr: warning.fr, en: warning.en) }
        if let unreadable = outcome.unreadable { problems.error(element, path, fr: unreadable.fr, en: unreadable.en) }
        return outcome.venue
    }

    private func checkDates(_ sessions: [CatalogueSession], at element: XMLRecord, _ problems: inout ProblemList) {
        guard !sessions.contains(where: { $0.start.precision != .unknown }) else {
            for session in sessions where session.start.precision == .unknown {
                problems.add(
                    .warning, nil, "action/session/periode/debut", line: session.line,
                    fr: "session \(session.id) : date de début inconnue",
                    en: "session \(session.id): start date unknown")
            }
            return
        }
        problems.error(
            element, "action/session/periode",
            fr: "aucune session datée : la formation ne peut pas être proposée à des dates",
            en: "no dated session: the course cannot be offered at any date")
    }

    /// Every `extra` under the element's own `extras` (nested `extras` included).
    static func extensions(of element: XMLRecord) -> ParcoursExtension {
        var result = ParcoursExtension()
        let extrasCode = element.tree.code("extras")
        let extraCode = element.tree.code("extra")
        func collect(_ extras: XMLRecord) {
            for child in extras.children {
                if child.nameCode == extrasCode {
                    collect(child)
                } else if child.nameCode == extraCode, let key = child.attributes["info"] {
                    result.add(key: key, value: child.allText)
                }
            }
        }
        for extras in element.children("extras") { collect(extras) }
        return result
    }

    /// LHEO `modalites-enseignement`: 0 entirely on site, 1 mixed, 2 entirely remote.
    static func format(_ code: String?) -> TeachingFormat {
        switch code {
        case "1": .hybrid
        case "2": .remote
        default: .onSite
        }
    }

    static func courseFormat(_ formats: [TeachingFormat]) -> TeachingFormat? {
        guard let first = formats.first else { return nil }
        return formats.allSatisfy { $0 == first } ? first : .hybrid
    }

    /// LHEO prices are tax-inclusive (`prix-total-TTC`) unless the extension says otherwise; without
    /// that field, the extension's `price`, else EDOF's fees.
    static func price(
        standard: String?, extension: ParcoursExtension, edofFees: EDOFFees?,
        problems: inout [ParcoursExtension.Problem]
    ) -> Price? {
        if let standard {
            guard let amount = Amount.parse(standard) else {
                problems.append(.init(key: .price, value: standard))
                return nil
            }
            return Price(amount: amount, vat: `extension`.vat ?? .inclusive)
        }
        if let amount = `extension`.amount(.price, problems: &problems) {
            return Price(amount: amount, vat: `extension`.vat ?? .unknown)
        }
        guard let fees = edofFees?.price else { return nil }
        return Price(amount: fees.amount, vat: `extension`.vat ?? fees.vat)
    }

    static func meaningful(_ text: String) -> String? { text == "-" || text.isEmpty ? nil : text }
}
