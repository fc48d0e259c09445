import ParcoursCSV
import ParcoursModel

/// The Parcours catalogue spreadsheet: one row per session, the course's columns repeated on each
/// of its rows (French Excel conventions: `;`, decimal comma, UTF-8 or Windows-1252). Columns are
/// found by their header name, in any order; Catalogues/README.md documents each one.
struct CatalogueCSVMapper {
    let locator: VenueLocator

    enum Column: String, CaseIterable {
        case provider = "organisme"
        case companyNumber = "numero_entreprise"
        case country = "pays"
        case courseID = "formation_id"
        case title = "intitule"
        case objectives = "objectifs"
        case content = "contenu"
        case prerequisites = "prerequis"
        case audience = "public"
        case formacodes = "formacodes"
        case hours = "heures"
        case price = "prix"
        case vat = "tva"
        case format = "modalite"
        case language = "langue"
        case competences = "competences"
        case sessionID = "session_id"
        case start = "debut"
        case end = "fin"
        case registrationStart = "inscription_debut"
        case registrationEnd = "inscription_fin"
        case venueName = "lieu"
        case address = "adresse"
        case postalCode = "code_postal"
        case city = "commune"
        case communeCode = "code_commune"
        case latitude = "latitude"
        case longitude = "longitude"
        case minimumSeats = "places_min"
        case maximumSeats = "places_max"
        case fixedCost = "cout_fixe"
        case seatCost = "cout_place"
        case equipmentProvided = "equipement_fourni"
        case equipmentRequired = "equipement_requis"
        case statuses = "statuts"
        case schedule = "horaire"

        static let required: [Column] = [.provider, .courseID, .title, .start]

        /// The extension key the column fills, for the columns that are the `parcours:` extension.
        var extensionKey: ParcoursExtension.Key? {
            switch self {
            case .competences: .competence
            case .minimumSeats: .minimumSeats
            case .maximumSeats: .maximumSeats
            case .fixedCost: .fixedCost
            case .seatCost: .seatCost
            case .equipmentProvided: .equipmentProvided
            case .equipmentRequired: .equipmentRequired
            case .statuses: .eligibleStatuses
            case .schedule: .schedule
            case .vat: .vat
            case .communeCode: .commune
            default: nil
            }
        }
    }

    /// What reading the file hands out, in file order.
    enum Item {
        case course(MappedCourse)
        /// A problem outside any course (a row left out).
        case problem(CatalogueDiagnostic)
    }

    /// Streams the file record by record, so that memory holds one course's rows at a time, and
    /// hands out each course once its last row is read. A course's rows must follow one another: a
    /// later row of a course already handed out is an error and is left out. A file that cannot be
    /// read throws a ``CatalogueRefusal`` naming the line (and column) where reading stopped, which
    /// may come after courses were handed out: importers keep the file in one transaction.
    func read(path: String, handle: (Item) throws -> Void) throws {
        let reader: CSVReader
        do {
            reader = try CSVReader(path: path)
        } catch {
            throw Self.refusal(error, path: path, header: [])
        }
        var header: [String] = []
        func nextRow() throws(CatalogueRefusal) -> CSVRow? {
            do {
                return try reader.next().map { CSVRow(line: $0.line, fields: $0.strings) }
            } catch {
                throw Self.refusal(error, path: path, header: header)
            }
        }
        guard let headerRow = try nextRow() else {
            throw CatalogueRefusal(file: path, fr: "fichier vide", en: "empty file")
        }
        header = headerRow.fields
        var index: [Column: Int] = [:]
        for (position, name) in header.enumerated() {
            if let column = Column(rawValue: TitleKey.make(name).replacingOccurrences(of: " ", with: "_")) {
                index[column] = position
            }
        }
        let missing = Column.required.filter { index[$0] == nil }
        guard missing.isEmpty else {
            throw CatalogueRefusal(
                file: path, line: 1,
                fr:
                    "ce n'est pas un catalogue Parcours CSV : colonnes manquantes \(missing.map(\.rawValue).joined(separator: ", "))",
                en: "not a Parcours CSV catalogue: missing columns \(missing.map(\.rawValue).joined(separator: ", "))")
        }
        var rows: [CSVRow] = []
        var currentID: String?
        /// Line of the first row of each course handed out.
        var finished: [String: Int] = [:]
        while let row = try nextRow() {
            guard let id = value(row, .courseID, index) else {
                try handle(
                    .problem(
                        CatalogueDiagnostic(
                            severity: .error, line: row.line, path: Column.courseID.rawValue,
                            fr: "ligne sans formation_id : ignorée", en: "row without formation_id: left out")))
                continue
            }
            if let currentID, currentID != id, let first = rows.first {
                try handle(.course(course(id: currentID, rows: rows, index: index)))
                finished[currentID] = first.line
                rows = []
            }
            if let firstLine = finished[id] {
                try handle(
                    .problem(
                        CatalogueDiagnostic(
                            severity: .error, line: row.line, path: Column.courseID.rawValue,
                            fr: "les lignes de la formation \(id) doivent se suivre (sa première ligne est la ligne "
                                + "\(firstLine)) : ligne ignorée",
                            en: "the rows of course \(id) must follow one another (its first row is line "
                                + "\(firstLine)): row left out")))
                continue
            }
            currentID = id
            rows.append(row)
        }
        if let currentID, !rows.isEmpty { try handle(.course(course(id: currentID, rows: rows, index: index))) }
    }

    /// A CSV reading error as a refusal naming the line and the column (number and header name).
    private static func refusal(_ error: CSVError, path: String, header: [String]) -> CatalogueRefusal {
        func column(_ field: Int) -> (fr: String, en: String) {
            let name = field <= header.count ? " (\(header[field - 1]))" : ""
            return ("colonne \(field)\(name)", "column \(field)\(name)")
        }
        let message: (fr: String, en: String)
        switch error.kind {
        case .fileAccess(let reason):
            message = ("fichier illisible (\(reason))", "cannot read the file (\(reason))")
        case .unterminatedQuote:
            message = (
                "un champ entre guillemets n'est jamais fermé (il commence à cette ligne)",
                "a quoted field is never closed (it starts on this line)"
            )
        case .textAfterClosingQuote(let field):
            let name = column(field)
            message = ("\(name.fr) : texte après un guillemet fermant", "\(name.en): text after a closing quote")
        case .invalidUTF8(let field):
            let name = column(field)
            message = (
                "\(name.fr) : octets qui ne sont pas de l'UTF-8 dans un fichier UTF-8",
                "\(name.en): bytes that are not UTF-8 in a UTF-8 file"
            )
        }
        return CatalogueRefusal(
            file: path, line: error.line > 0 ? error.line : nil, fr: "CSV illisible : " + message.fr,
            en: "unreadable CSV: " + message.en)
    }

    private func value(_ row: CSVRow, _ column: Column, _ index: [Column: Int]) -> String? {
        guard let position = index[column], position < row.fields.count else { return nil }
        let text = row.fields[position].collapsingWhiteSpace
        return text.isEmpty ? nil : text
    }

    private func course(id: String, rows: [CSVRow], index: [Column: Int]) -> MappedCourse {
        var diagnostics: [CatalogueDiagnostic] = []
        func problem(_ severity: CatalogueDiagnostic.Severity, _ row: CSVRow, _ column: Column, fr: String, en: String)
        {
            diagnostics.append(
                CatalogueDiagnostic(severity: severity, line: row.line, path: column.rawValue, fr: fr, en: en))
        }
        let first = rows[0]
        func courseValue(_ column: Column) -> String? {
            let value = value(first, column, index)
            for row in rows.dropFirst() where self.value(row, column, index) != value && column != .sessionID {
                if [.provider, .title, .companyNumber, .price, .hours].contains(column) {
                    problem(
                        .warning, row, column, fr: "valeur différente de la première ligne de la formation : ignorée",
                        en: "value differs from the course's first row: ignored")
                }
            }
            return value
        }
        func extensionOf(_ row: CSVRow) -> ParcoursExtension {
            var result = ParcoursExtension()
            for column in Column.allCases {
                if let key = column.extensionKey, let text = value(row, column, index) {
                    result.add(key: ParcoursExtension.prefix + key.rawValue, value: text)
                }
            }
            return result
        }
        let title = courseValue(.title) ?? ""
        if title.isEmpty { problem(.error, first, .title, fr: "formation sans intitulé", en: "course without a title") }
        let countryCode = courseValue(.country)?.uppercased()
        let number = courseValue(.companyNumber)
        let belgian = countryCode == "BE" ? ProviderNumber.belgian(number) : nil
        let provider = courseValue(.provider).map {
            CatalogueProvider(
                name: $0, siret: belgian == nil ? ProviderNumber.siret(number) : nil, belgianCompanyNumber: belgian,
                country: countryCode.flatMap(Country.init(rawValue:)))
        }
        var extensionProblems: [ParcoursExtension.Problem] = []
        let courseExtension = extensionOf(first)
        let competences = courseExtension.competences(problems: &extensionProblems)
        var sessions: [CatalogueSession] = []
        for (number, row) in rows.enumerated() {
            let rowExtension = extensionOf(row)
            let format = Self.format(value(row, .format, index))
            func date(_ column: Column) -> SourceDate? {
                guard let text = value(row, column, index) else { return nil }
                guard let date = SourceDate.iso(text) else {
                    problem(
                        .error, row, column,
                        fr: "date illisible « \(text) » (attendu JJ/MM/AAAA, AAAA-MM-JJ ou AAAA-MM)",
                        en: "unreadable date '\(text)' (expected DD/MM/YYYY, YYYY-MM-DD or YYYY-MM)")
                    return nil
                }
                return date
            }
            var venue: CatalogueVenue?
            if format != .remote {
                var place = PlaceDescription()
                place.name = value(row, .venueName, index)
                place.addressLines = [value(row, .address, index)].compactMap { $0 }
                place.postalCode = value(row, .postalCode, index)
                place.city = value(row, .city, index)
                place.communeCode = value(row, .communeCode, index)
                place.country = countryCode.flatMap(Country.init(rawValue:))
                place.latitudeText = value(row, .latitude, index)
                place.longitudeText = value(row, .longitude, index)
                let outcome = locator.locate(place)
                for warning in outcome.warnings { problem(.warning, row, .postalCode, fr: warning.fr, en: warning.en) }
                if let unreadable = outcome.unreadable {
                    problem(.error, row, .city, fr: unreadable.fr, en: unreadable.en)
                }
                venue = outcome.venue
            }
            let seats = rowExtension.seats(problems: &extensionProblems)
            sessions.append(
                CatalogueSession(
                    id: value(row, .sessionID, index) ?? "\(id)-s\(number + 1)", start: date(.start) ?? .unknown,
                    end: date(.end) ?? .unknown, registrationStart: date(.registrationStart),
                    registrationEnd: date(.registrationEnd), format: format, venue: venue, minimumSeats: seats.minimum,
                    maximumSeats: seats.maximum,
                    fixedCost: rowExtension.amount(.fixedCost, problems: &extensionProblems),
                    seatCost: rowExtension.amount(.seatCost, problems: &extensionProblems),
                    equipmentProvided: rowExtension.equipment(.equipmentProvided, problems: &extensionProblems),
                    equipmentRequired: rowExtension.equipment(.equipmentRequired, problems: &extensionProblems),
                    eligibleStatuses: rowExtension.statuses,
                    schedule: rowExtension.schedule(problems: &extensionProblems),
                    line: row.line))
        }
        if !sessions.contains(where: { $0.start.precision != .unknown }) {
            problem(
                .error, first, .start, fr: "aucune session datée : la formation ne peut pas être proposée à des dates",
                en: "no dated session: the course cannot be offered at any date")
        }
        for item in extensionProblems {
            problem(
                .warning, first, .competences,
                fr: "valeur illisible pour \(item.key.rawValue) : « \(item.value) » (ignorée)",
                en: "unreadable value for \(item.key.rawValue): '\(item.value)' (ignored)")
        }
        var price: Price?
        if let text = courseValue(.price) {
            if let amount = Amount.parse(text) {
                price = Price(amount: amount, vat: courseExtension.vat ?? .unknown)
            } else {
                problem(.warning, first, .price, fr: "prix illisible « \(text) »", en: "unreadable price '\(text)'")
            }
        }
        if provider == nil {
            problem(.error, first, .provider, fr: "organisme absent", en: "provider missing")
        }
        let course = CatalogueCourse(
            id: id, providerID: provider?.id ?? "", title: title, objectives: courseValue(.objectives) ?? "",
            content: courseValue(.content) ?? "", prerequisites: courseValue(.prerequisites) ?? "",
            audience: [courseValue(.audience)].compactMap { $0 },
            formacodes: (courseValue(.formacodes) ?? "").split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            }, nsfCodes: [], romeCodes: [], hours: courseValue(.hours).flatMap(Amount.parse), price: price,
            format: LHEOMapper.courseFormat(sessions.map(\.format)) ?? .onSite,
            language: courseValue(.language)?.lowercased() ?? "fr", competences: competences, sessions: sessions,
            line: first.line)
        return MappedCourse(
            course: course, provider: provider, diagnostics: diagnostics, country: provider?.country)
    }

    /// `presentiel`, `hybride`, `distance` (or `on-site`, `hybrid`, `remote`); on site when empty.
    static func format(_ text: String?) -> TeachingFormat {
        switch text.map(TitleKey.make) {
        case "hybride", "hybrid", "mixte", "blended": .hybrid
        case "distance", "a distance", "remote", "en ligne", "online", "distanciel": .remote
        default: .onSite
        }
    }
}
