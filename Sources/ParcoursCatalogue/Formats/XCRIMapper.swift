import ParcoursModel

/// Maps XCRI-CAP 1.2 records to courses: provider details come as context records before the
/// provider's courses; each `course` is one record. Field by field: see Catalogues/README.md.
struct XCRIMapper {
    let locator: VenueLocator

    static let namespace = "http://xcri.org/profiles/1.2/catalog"
    static let extensionNamespace = "urn:parcours:xcri-cap:1"
    static let plan = RecordPlan(
        containers: ["provider"], courses: ["course"],
        names: ElementTable([
            "catalog", "provider", "course", "presentation", "venue", "location", "title", "identifier", "description",
            "abstract", "objective", "learningOutcome", "prerequisite", "subject", "start", "end", "applyFrom",
            "applyUntil", "attendanceMode", "duration", "places", "cost", "languageOfInstruction", "street", "address",
            "postcode", "town", "lang", "dtf", "interval",
        ]))

    /// What is known of the provider whose records are being read.
    struct ProviderDetails {
        var serial = -1
        var names: [String] = []
        var identifiers: [String] = []
        var country: Country?

        var provider: CatalogueProvider? {
            guard let name = names.first else { return nil }
            let belgian = identifiers.lazy.compactMap { identifier -> String? in
                let upper = identifier.uppercased()
                return upper.hasPrefix("BE") || upper.hasPrefix("BCE") ? ProviderNumber.belgian(identifier) : nil
            }.first
            let siret = identifiers.lazy.compactMap { ProviderNumber.siret($0) }.first
            return CatalogueProvider(
                name: name, siret: belgian == nil ? siret : nil, belgianCompanyNumber: belgian,
                country: country ?? (belgian != nil ? .belgium : siret != nil ? .france : nil))
        }
    }

    /// Takes in a provider detail (a child of `provider` other than `course`).
    func note(_ record: XMLRecord, serial: Int, into details: inout ProviderDetails) {
        if details.serial != serial { details = ProviderDetails(serial: serial) }
        switch record.name {
        case "title": details.names.append(record.allText.collapsingWhiteSpace)
        case "identifier": details.identifiers.append(record.allText.collapsingWhiteSpace)
        case "description" where record.typeName?.name == "country":
            details.country = Country(rawValue: record.allText.collapsingWhiteSpace.uppercased())
        default: break
        }
    }

    func course(_ record: XMLRecord, ancestors: [String], provider: CatalogueProvider?) -> MappedCourse {
        var problems = ProblemList(ancestors: ancestors + ["course"])
        let id = record.value("identifier") ?? "course-l\(record.line)"
        let title = Self.preferredTitle(record).map(PlainText.from) ?? ""
        if title.isEmpty { problems.error(record, "title", fr: "formation sans titre", en: "course without a title") }
        let courseExtension = Self.extensions(of: record)
        var extensionProblems: [ParcoursExtension.Problem] = []
        let declared = courseExtension.competences(problems: &extensionProblems)
        let plainDescriptions = record.children("description").filter { $0.typeName == nil }
        var country = provider?.country
        var sessions: [CatalogueSession] = []
        for (index, presentation) in record.children("presentation").enumerated() {
            let presentationExtension = courseExtension.overridden(by: Self.extensions(of: presentation))
            let venueProvider = presentation.first("venue/provider")
            var format = presentationExtension.format ?? Self.format(presentation.child("attendanceMode"))
            if format == nil {
                format = venueProvider == nil ? .remote : .onSite
                if venueProvider == nil {
                    problems.warning(
                        presentation, "presentation",
                        fr: "ni mode de présence (attendanceMode) ni lieu : session comptée à distance",
                        en: "neither attendanceMode nor venue: session taken as remote")
                }
            }
            var venue: CatalogueVenue?
            if format != .remote {
                if let venueProvider {
                    let place = placeDescription(venueProvider)
                    country = country ?? place.country
                    let outcome = locator.locate(place)
                    for warning in outcome.warnings {
                        problems.warning(venueProvider, "presentation/venue", fr: warning.fr, en: warning.en)
                    }
                    if let unreadable = outcome.unreadable {
                        problems.error(venueProvider, "presentation/venue", fr: unreadable.fr, en: unreadable.en)
                    }
                    venue = outcome.venue
                } else {
                    problems.error(
                        presentation, "presentation/venue", fr: "session sur place sans lieu (venue)",
                        en: "on-site session without a venue")
                }
            }
            let seats = presentationExtension.seats(problems: &extensionProblems)
            sessions.append(
                CatalogueSession(
                    id: presentation.value("identifier") ?? "\(id)-p\(index + 1)",
                    start: date(presentation.child("start"), path: "presentation/start", &problems),
                    end: date(presentation.child("end"), path: "presentation/end", &problems),
                    registrationStart: presentation.child("applyFrom").map {
                        date($0, path: "presentation/applyFrom", &problems)
                    },
                    registrationEnd: presentation.child("applyUntil").map {
                        date($0, path: "presentation/applyUntil", &problems)
                    },
                    format: format ?? .onSite, venue: venue, minimumSeats: seats.minimum,
                    maximumSeats: seats.maximum ?? presentation.value("places").flatMap(Amount.wholeNumber),
                    fixedCost: presentationExtension.amount(.fixedCost, problems: &extensionProblems),
                    seatCost: presentationExtension.amount(.seatCost, problems: &extensionProblems),
                    equipmentProvided: presentationExtension.equipment(
                        .equipmentProvided, problems: &extensionProblems),
                    equipmentRequired: presentationExtension.equipment(
                        .equipmentRequired, problems: &extensionProblems),
                    eligibleStatuses: presentationExtension.statuses,
                    schedule: presentationExtension.schedule(problems: &extensionProblems), line: presentation.line))
        }
        if sessions.isEmpty {
            problems.error(
                record, "presentation", fr: "formation sans session (presentation)",
                en: "course without any presentation")
        } else if !sessions.contains(where: { $0.start.precision != .unknown }) {
            problems.error(
                record, "presentation/start",
                fr: "aucune session datée : la formation ne peut pas être proposée à des dates",
                en: "no dated session: the course cannot be offered at any date")
        }
        let firstPresentation = record.child("presentation")
        let firstExtension = courseExtension.overridden(
            by: firstPresentation.map(Self.extensions(of:)) ?? ParcoursExtension())
        let hours =
            firstExtension.amount(.hours, problems: &extensionProblems)
            ?? firstPresentation?.child("duration")?.attributes["interval"].flatMap(Self.hours(isoDuration:))
        var price: Price?
        if let cost = firstPresentation?.value("cost") ?? firstExtension[.price] {
            if let amount = Amount.parse(cost) {
                price = Price(amount: amount, vat: firstExtension.vat ?? .unknown)
            } else {
                extensionProblems.append(.init(key: .price, value: cost))
            }
        }
        problems.extensionProblems(extensionProblems, at: record, path: "description")
        if provider == nil {
            problems.error(
                record, "provider", fr: "fournisseur sans titre (dc:title)", en: "provider without a dc:title")
        }
        let course = CatalogueCourse(
            id: id, providerID: provider?.id ?? "", title: title,
            objectives: PlainText.from(
                (record.children("objective") + record.children("learningOutcome")).map(\.allText).joined(
                    separator: " ")),
            content: PlainText.from(
                (record.children("abstract") + plainDescriptions).map(\.allText).joined(separator: " ")),
            prerequisites: PlainText.from(record.children("prerequisite").map(\.allText).joined(separator: " ")),
            audience: [],
            formacodes: record.children("subject").compactMap { subject in
                subject.attributes["identifier"].flatMap { $0.count == 5 && $0.allSatisfy(\.isNumber) ? $0 : nil }
            },
            nsfCodes: [], romeCodes: [], hours: hours, price: price,
            format: LHEOMapper.courseFormat(sessions.map(\.format)) ?? .onSite,
            language: firstPresentation?.value("languageOfInstruction")?.lowercased() ?? "fr", competences: declared,
            sessions: sessions, line: record.line)
        return MappedCourse(course: course, provider: provider, diagnostics: problems.items, country: country)
    }

    private func placeDescription(_ venue: XMLRecord) -> PlaceDescription {
        let location = venue.child("location")
        let venueExtension = Self.extensions(of: venue)
        var ignored: [ParcoursExtension.Problem] = []
        return PlaceDescription(
            name: venue.value("title"),
            addressLines: ([location?.value("street")] + (location?.children("address").map(\.text) ?? []))
                .compactMap { $0?.collapsingWhiteSpace },
            postalCode: location?.value("postcode"), city: location?.value("town"),
            communeCode: venueExtension[.commune],
            country: venue.children("description").first { $0.typeName?.name == "country" }
                .flatMap { Country(rawValue: $0.allText.collapsingWhiteSpace.uppercased()) },
            extensionCoordinate: venueExtension.coordinate(problems: &ignored))
    }

    private func date(_ element: XMLRecord?, path: String, _ problems: inout ProblemList) -> SourceDate {
        guard let element else { return .unknown }
        if let dtf = element.attributes["dtf"], let date = SourceDate.iso(dtf) { return date }
        let text = element.allText.collapsingWhiteSpace
        if let date = SourceDate.iso(text) { return date }
        problems.warning(
            element, path, fr: "date illisible « \(text) » : inconnue", en: "unreadable date '\(text)': unknown")
        return .unknown
    }

    /// The French or unmarked title first, else the first.
    static func preferredTitle(_ record: XMLRecord) -> String? {
        let titles = record.children("title")
        let chosen =
            titles.first { ($0.attributes["lang"] ?? "fr").hasPrefix("fr") }
            ?? titles.first
        return chosen.map(\.allText.collapsingWhiteSpace).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Typed descriptions `xsi:type="parcours:KEY"`.
    static func extensions(of element: XMLRecord) -> ParcoursExtension {
        var result = ParcoursExtension()
        for description in element.children("description") {
            guard let type = description.typeName, type.namespace == extensionNamespace else { continue }
            result.add(key: ParcoursExtension.prefix + type.name, value: description.allText)
        }
        return result
    }

    /// XCRI-CAP attendanceMode (vocabulary identifiers or labels).
    static func format(_ element: XMLRecord?) -> TeachingFormat? {
        guard let element else { return nil }
        let code = (element.attributes["identifier"] ?? element.allText).collapsingWhiteSpace
        switch FastText.foldedWord(code) {
        case "cm", "nc", "wb", "campus", "face to face non campus", "work based", "presentiel", "sur place":
            return .onSite
        case "da", "mm", "mixed mode", "blended", "distance with attendance", "hybride", "mixte": return .hybrid
        case "ds", "on", "online", "online no attendance", "distance without attendance", "self study",
            "distance", "a distance", "en ligne":
            return .remote
        default: return nil
        }
    }

    /// `PT14H`, `P2D` (7 h a day is not assumed: days give nil), `PT90M`.
    static func hours(isoDuration text: String) -> Double? {
        guard text.hasPrefix("PT") else { return nil }
        var number = ""
        var total = 0.0
        for character in text.dropFirst(2) {
            if character.isNumber || character == "." {
                number.append(character)
            } else {
                guard let value = Double(number) else { return nil }
                switch character {
                case "H": total += value
                case "M": total += value / 60
                case "S": total += value / 3600
                default: return nil
                }
                number = ""
            }
        }
        return total > 0 ? total : nil
    }
}
