import Foundation
import ParcoursModel

/// Which tolerance applies to schema details that Belgian providers cannot meet.
public enum CatalogueProfile: String, Sendable, CaseIterable {
    /// From each course's provider (or venue) country.
    case auto
    /// Every schema error is an error.
    case fr
    /// Belgian details (4-digit postcode, company number where a SIRET is expected…) are warnings.
    case be
}

/// What reading a catalogue needs besides the file.
public struct CatalogueReadOptions: Sendable {
    public var profile: CatalogueProfile
    public var limits: XMLSafetyLimits
    /// Config's gazetteer, to place venues given by commune or postal code only.
    public var communes: Gazetteer
    /// Proposes competences for courses that declare none; nil: no proposals.
    public var tagger: CompetenceTagger?
    /// Declared competences outside this set are dropped with a warning; nil: no check.
    public var knownCompetences: Set<CompetenceCode>?
    /// The product's `Config/schemas` folder.
    public var schemaDirectory: URL

    public init(
        schemaDirectory: URL, profile: CatalogueProfile = .auto, limits: XMLSafetyLimits = .standard,
        communes: Gazetteer = Gazetteer(communes: [:]), tagger: CompetenceTagger? = nil,
        knownCompetences: Set<CompetenceCode>? = nil
    ) {
        self.schemaDirectory = schemaDirectory
        self.profile = profile
        self.limits = limits
        self.communes = communes
        self.tagger = tagger
        self.knownCompetences = knownCompetences
    }
}

/// A remark about the file as a whole (how it was validated), in both languages.
public struct CatalogueNote: Sendable, Hashable {
    public let fr: String
    public let en: String

    public func text(in language: Language) -> String { language.pick(fr, en) }
}

/// The outcome of reading a catalogue: counts, problems and notes (courses go to the caller one
/// by one, so that a large file is never held in memory).
public struct CatalogueSummary: Sendable {
    public let file: String
    public let format: CatalogueFormat
    public internal(set) var notes: [CatalogueNote] = []
    public internal(set) var providers: [CatalogueProvider] = []
    public internal(set) var acceptedCourses = 0
    public internal(set) var acceptedSessions = 0
    /// Identifiers of the courses left out because of an error.
    public internal(set) var rejectedCourses: [String] = []
    /// The problems found, in file order (the first ``maximumKeptDiagnostics`` of them).
    public internal(set) var diagnostics: [CatalogueDiagnostic] = []
    public internal(set) var errorCount = 0
    public internal(set) var warningCount = 0

    public static let maximumKeptDiagnostics = 10_000

    /// 0 when nothing is in error (warnings allowed), 1 when something is.
    public var exitStatus: Int32 { errorCount > 0 ? 1 : 0 }

    mutating func add(_ diagnostic: CatalogueDiagnostic) {
        if diagnostic.severity == .error { errorCount += 1 } else { warningCount += 1 }
        if diagnostics.count < Self.maximumKeptDiagnostics { diagnostics.append(diagnostic) }
    }
}

/// Reads a provider catalogue in any accepted format: detects the format, validates, maps each
/// course, applies the profile, proposes competences, and hands every accepted course to the
/// caller. A file that cannot be used at all throws a ``CatalogueRefusal``.
public struct CatalogueReader: Sendable {
    public let options: CatalogueReadOptions

    public init(options: CatalogueReadOptions) { self.options = options }

    /// Reads `path`; `accept` receives each accepted course with its provider, in file order.
    public func read(path: String, accept: (CatalogueCourse, CatalogueProvider) throws -> Void) throws
        -> CatalogueSummary
    {
        let locator = VenueLocator(gazetteer: options.communes)
        if path.lowercased().hasSuffix(".csv") {
            var summary = CatalogueSummary(file: path, format: .parcoursCSV)
            try CatalogueCSVMapper(locator: locator).read(path: path) { item in
                switch item {
                case .course(let course):
                    try settle(course, schemaProblems: [], schemaTolerance: nil, summary: &summary, accept: accept)
                case .problem(let problem):
                    summary.add(problem)
                }
            }
            return summary
        }
        let reader = StreamingRecordReader(path: path, limits: options.limits)
        let root = try reader.root()
        let schemas = try CatalogueSchemas.load(from: options.schemaDirectory)
        let doctypeNote =
            root.hasBareDoctype
            ? [
                CatalogueNote(
                    fr: "DOCTYPE sans DTD (ni identifiant ni déclarations) : accepté, rien n'est chargé",
                    en: "DOCTYPE without a DTD (no identifier, no declarations): accepted, nothing is loaded")
            ] : []
        switch (root.name, Self.isLHEO(root.namespace), root.namespace == XCRIMapper.namespace) {
        case ("lheo", true, _), ("lheo-index", true, _):
            var summary = CatalogueSummary(file: path, format: root.name == "lheo" ? .lheo : .lheoIndex)
            summary.notes = doctypeNote
            var mapping: (from: String, to: String)?
            let edof = root.namespace == Self.edofNamespace
            if edof {
                summary.notes.append(
                    CatalogueNote(
                        fr: "profil EDOF (Mon Compte Formation) reconnu à son espace de noms : ses écarts au schéma "
                            + "LHEO 2.3 (le schéma EDOF n'est pas livré) sont des avertissements, le prix est lu dans "
                            + "les extras frais-pedagogiques (frais-ttc, frais-ht, taux-tva), l'organisme sans nom est "
                            + "identifié par son SIRET",
                        en: "EDOF profile (Mon Compte Formation) recognised by its namespace: its departures from the "
                            + "LHEO 2.3 schema (the EDOF schema is not shipped) are warnings, the price is read from "
                            + "the frais-pedagogiques extras (frais-ttc, frais-ht, taux-tva), a provider without a "
                            + "name is identified by its SIRET"))
            }
            if root.namespace != Self.lheoNamespace {
                if root.isUTF16 {
                    summary.notes.append(
                        CatalogueNote(
                            fr: "espace de noms \(root.namespace) dans un fichier UTF-16 : non validé par le schéma",
                            en: "namespace \(root.namespace) in a UTF-16 file: not validated against the schema"))
                } else {
                    mapping = (root.namespace, Self.lheoNamespace)
                    summary.notes.append(
                        CatalogueNote(
                            fr: "espace de noms \(root.namespace) ramené à LHEO 2.3 (\(Self.lheoNamespace)) pour la "
                                + "validation : seul le schéma 2.3 est livré",
                            en: "namespace \(root.namespace) mapped to LHEO 2.3 (\(Self.lheoNamespace)) for "
                                + "validation: only the 2.3 schema is shipped"))
                }
            }
            let mapper = LHEOMapper(locator: locator)
            let validated = !(root.isUTF16 && mapping == nil && root.namespace != Self.lheoNamespace)
            let outside = try stream(
                path, plan: LHEOMapper.plan, schema: validated ? (schemas, .lheo) : nil, mapping: mapping
            ) { (record: StreamedRecord) throws(CatalogueRefusal) in
                guard record.isCourse else {
                    record.diagnostics.forEach { summary.add($0) }
                    return
                }
                do {
                    try settle(
                        mapper.course(record.element, ancestors: record.ancestors), schemaProblems: record.diagnostics,
                        schemaTolerance: edof ? .edof : nil, summary: &summary, accept: accept)
                } catch let refusal as CatalogueRefusal {
                    throw refusal
                } catch {
                    throw CatalogueRefusal(file: path, fr: "\(error)", en: "\(error)")
                }
            }
            outside.forEach { summary.add($0) }
            return summary
        case ("catalog", _, true):
            var summary = CatalogueSummary(file: path, format: .xcriCap)
            summary.notes = doctypeNote
            summary.notes.append(
                CatalogueNote(
                    fr: "le XHTML des descriptions n'est pas vérifié (schéma XHTML 1.0 non livré, remplacé par un "
                        + "schéma permissif)",
                    en: "XHTML inside descriptions is not checked (XHTML 1.0 schema not shipped, replaced by a lax "
                        + "stand-in)"))
            let mapper = XCRIMapper(locator: locator)
            var details = XCRIMapper.ProviderDetails()
            let outside = try stream(path, plan: XCRIMapper.plan, schema: (schemas, .xcri), mapping: nil) {
                (record: StreamedRecord) throws(CatalogueRefusal) in
                guard record.isCourse else {
                    if record.ancestors.last == "provider" {
                        mapper.note(record.element, serial: record.containerSerial, into: &details)
                    }
                    record.diagnostics.forEach { summary.add($0) }
                    return
                }
                if details.serial != record.containerSerial {
                    details = XCRIMapper.ProviderDetails(serial: record.containerSerial)
                }
                do {
                    try settle(
                        mapper.course(record.element, ancestors: record.ancestors, provider: details.provider),
                        schemaProblems: record.diagnostics, schemaTolerance: nil, summary: &summary, accept: accept)
                } catch let refusal as CatalogueRefusal {
                    throw refusal
                } catch {
                    throw CatalogueRefusal(file: path, fr: "\(error)", en: "\(error)")
                }
            }
            outside.forEach { summary.add($0) }
            return summary
        default:
            throw CatalogueRefusal(
                file: path,
                fr:
                    "ce n'est pas un catalogue reconnu (racine « \(root.name) », espace de noms « \(root.namespace) ») : "
                    + "attendu LHEO (lheo, lheo-index), XCRI-CAP 1.2 (catalog) ou le CSV Parcours",
                en: "not a known catalogue (root '\(root.name)', namespace '\(root.namespace)'): expected LHEO "
                    + "(lheo, lheo-index), XCRI-CAP 1.2 (catalog) or the Parcours CSV")
        }
    }

    /// Streams the records of `path` on a reader thread of their own (``RecordPipeline``): libxml2
    /// parses and validates there while `handle` maps and settles each record here, in file order.
    private func stream(
        _ path: String, plan: RecordPlan, schema: (schemas: CatalogueSchemas, kind: CatalogueSchemas.Kind)?,
        mapping: (from: String, to: String)?, handle: (StreamedRecord) throws(CatalogueRefusal) -> Void
    ) throws(CatalogueRefusal) -> [CatalogueDiagnostic] {
        let limits = options.limits
        return try RecordPipeline.run(
            read: { (yield) throws(CatalogueRefusal) in
                try StreamingRecordReader(path: path, limits: limits).read(
                    plan: plan, schema: schema.map { $0.schemas[$0.kind] },
                    mapping: mapping, handle: yield)
            }, consume: handle)
    }

    static let lheoNamespace = "http://lheo.gouv.fr/2.3"
    /// The namespace of EDOF's LHEO files (the Mon Compte Formation catalogue, ISO-8859-1).
    static let edofNamespace = "https://www.of.moncompteformation.gouv.fr"

    /// LHEO 2.3, the older `http://www.lheo.org/2.x` ones, and EDOF's.
    static func isLHEO(_ namespace: String) -> Bool {
        namespace.lowercased().contains("lheo") || namespace == edofNamespace
    }

    /// Schema errors a whole file is allowed, as warnings.
    private enum SchemaTolerance {
        /// EDOF's own schema departs from LHEO 2.3 (provider given by SIRET only, fewer elements).
        case edof
    }

    /// Applies the profile, decides whether the course is accepted, proposes competences.
    private func settle(
        _ mapped: MappedCourse, schemaProblems: [CatalogueDiagnostic], schemaTolerance: SchemaTolerance?,
        summary: inout CatalogueSummary, accept: (CatalogueCourse, CatalogueProvider) throws -> Void
    ) throws {
        let belgian =
            options.profile == .be || (options.profile == .auto && mapped.country == .belgium)
        var problems = schemaProblems.map { problem -> CatalogueDiagnostic in
            guard problem.severity == .error else { return problem }
            if schemaTolerance == .edof {
                return problem.lowered(fr: "toléré : profil EDOF", en: "tolerated: EDOF profile")
            }
            guard belgian, let element = problem.path?.split(separator: "/").last.map(String.init),
                LHEOMapper.belgianDetails.contains(element)
            else { return problem }
            return problem.lowered(fr: "toléré : profil belge", en: "tolerated: Belgian profile")
        }
        problems += mapped.diagnostics
        var course = mapped.course
        // The same competence declared on several actions of a course counts once (the first).
        var seen = Set<CompetenceCode>()
        course = course.with(competences: course.competences.filter { seen.insert($0.code).inserted })
        if let known = options.knownCompetences {
            for competence in course.competences where !known.contains(competence.code) {
                problems.append(
                    CatalogueDiagnostic(
                        severity: .warning, line: course.line, path: "parcours:competence",
                        fr: "compétence inconnue \(competence.code) : ignorée",
                        en: "unknown competence \(competence.code): ignored"))
            }
            course = course.with(competences: course.competences.filter { known.contains($0.code) })
        }
        let inError = problems.contains { $0.severity == .error }
        if !inError, course.competences.isEmpty, let tagger = options.tagger {
            let proposals = tagger.propose(
                title: course.title, texts: [course.objectives, course.content, course.prerequisites],
                formacodes: course.formacodes)
            course = course.with(competences: proposals.map(\.competence))
            if proposals.isEmpty {
                problems.append(
                    CatalogueDiagnostic(
                        severity: .warning, line: course.line,
                        fr:
                            "aucune compétence Pix déclarée ni reconnue : la formation ne sera proposée pour aucun besoin",
                        en: "no Pix competence declared or recognised: the course will not be matched to any need"))
            }
        }
        problems.forEach { summary.add($0.about(course: course.id)) }
        guard !inError, let provider = mapped.provider else {
            summary.rejectedCourses.append(course.id)
            return
        }
        if !summary.providers.contains(where: { $0.id == provider.id }) { summary.providers.append(provider) }
        summary.acceptedCourses += 1
        summary.acceptedSessions += course.sessions.count
        try accept(course, provider)
    }
}
