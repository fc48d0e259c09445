import ParcoursModel

/// What a catalogue says of a place, before its coordinate is settled.
struct PlaceDescription {
    var name: String?
    var addressLines: [String] = []
    var postalCode: String?
    var city: String?
    var communeCode: String?
    var country: Country?
    /// Latitude and longitude text as the standard field gives them (LHEO `geolocalisation`).
    var latitudeText: String?
    var longitudeText: String?
    var extensionCoordinate: (latitude: Double, longitude: Double)?
}

/// Settles a venue's coordinate, in this order: the standard coordinates, the extension's, the
/// commune (code, then name) from Config's tables, then the postal code when it names one commune
/// only. A postal code shared by several communes gives a warning, never a guess.
struct VenueLocator {
    let gazetteer: Gazetteer

    struct Outcome {
        let venue: CatalogueVenue?
        /// (fr, en) warnings; `unreadable` is set when no coordinate could be found at all.
        let warnings: [(fr: String, en: String)]
        let unreadable: (fr: String, en: String)?
    }

    func locate(_ place: PlaceDescription) -> Outcome {
        var warnings: [(fr: String, en: String)] = []
        let address = (place.addressLines + [place.postalCode, place.city].compactMap { $0 }).joined(separator: ", ")
        func venue(_ latitude: Double?, _ longitude: Double?, _ source: CatalogueVenue.CoordinateSource?, code: String?)
            -> CatalogueVenue
        {
            CatalogueVenue(
                name: place.name, address: address, postalCode: place.postalCode, city: place.city,
                communeCode: code ?? place.communeCode, country: place.country, latitude: latitude,
                longitude: longitude, coordinateSource: source)
        }
        if let latitudeText = place.latitudeText, let longitudeText = place.longitudeText {
            if let latitude = CoordinateText.parse(latitudeText), let longitude = CoordinateText.parse(longitudeText),
                CoordinateText.isPlausible(latitude: latitude, longitude: longitude)
            {
                return Outcome(
                    venue: venue(latitude, longitude, .geolocation, code: nil), warnings: [], unreadable: nil)
            }
            warnings.append(
                (
                    "coordonnées illisibles (\(latitudeText), \(longitudeText)) : ignorées",
                    "unreadable coordinates (\(latitudeText), \(longitudeText)): ignored"
                ))
        }
        if let coordinate = place.extensionCoordinate {
            return Outcome(
                venue: venue(coordinate.latitude, coordinate.longitude, .extension_, code: nil), warnings: warnings,
                unreadable: nil)
        }
        if let code = place.communeCode,
            let commune = gazetteer.commune(code: FastText.trimmed(Substring(code)).uppercased())
        {
            return Outcome(venue: found(commune, .commune), warnings: warnings, unreadable: nil)
        }
        if let city = place.city {
            var named = gazetteer.communes(named: city)
            if named.count > 1, let postalCode = place.postalCode {
                named = named.filter { $0.postalCodes.contains(postalCode) }
            }
            if named.count == 1 {
                return Outcome(venue: found(named[0], .commune), warnings: warnings, unreadable: nil)
            }
        }
        if let postalCode = place.postalCode {
            let communes = gazetteer.communes(
                postalCode: postalCode, country: place.country ?? Self.country(ofPostalCode: postalCode))
            if communes.count == 1 {
                return Outcome(venue: found(communes[0], .postalCode), warnings: warnings, unreadable: nil)
            }
            if communes.count > 1 {
                let names = communes.map(\.name).sorted().joined(separator: ", ")
                warnings.append(
                    (
                        "le code postal \(postalCode) couvre plusieurs communes (\(names)) : lieu non situé, "
                            + "précisez la commune (code INSEE/NIS) ou les coordonnées",
                        "postal code \(postalCode) covers several communes (\(names)): place not located, "
                            + "give the commune (INSEE/NIS code) or coordinates"
                    ))
                return Outcome(venue: venue(nil, nil, nil, code: nil), warnings: warnings, unreadable: nil)
            }
        }
        let described = address.isEmpty ? (place.name ?? "") : address
        let unreadable =
            described.isEmpty
            ? (
                "lieu absent : ni adresse, ni commune, ni coordonnées pour une session sur place",
                "no place: neither address, commune nor coordinates for an on-site session"
            )
            : (
                "lieu illisible : « \(described) » n'a ni coordonnées ni commune connue",
                "unreadable place: '\(described)' has neither coordinates nor a known commune"
            )
        return Outcome(venue: venue(nil, nil, nil, code: nil), warnings: warnings, unreadable: unreadable)

        func found(_ commune: Commune, _ source: CatalogueVenue.CoordinateSource) -> CatalogueVenue {
            CatalogueVenue(
                name: place.name, address: address, postalCode: place.postalCode, city: place.city ?? commune.name,
                communeCode: commune.code, country: place.country, latitude: commune.coordinate.latitude,
                longitude: commune.coordinate.longitude, coordinateSource: source)
        }
    }

    /// Belgian postal codes have 4 digits, French ones 5.
    static func country(ofPostalCode code: String) -> Country {
        code.count == 4 ? .belgium : .france
    }
}
