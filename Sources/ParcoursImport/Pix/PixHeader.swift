import Foundation
import ParcoursCSV
import ParcoursModel

/// The columns of a Pix Orga export, found by header name (never by position) in every header
/// variant Pix has used, current and legacy (see `export-headers-fr.json` in the tests' fixtures).
///
/// - The organisation's external-id column (any label, e.g. "Matricule") is the last unrecognised
///   column after "Prénom du Participant" and before the first fixed column ("% de progression" or
///   "Envoi (O/N)"); other unrecognised columns, Pix's learner columns (Classe, Groupe, Numéro
///   Étudiant), the stage and the badge columns are kept as extra columns.
/// - In an assessment export, the unrecognised columns after the area columns are per-skill
///   results (OK, KO, Non testé).
/// - Competence and area titles are matched loosely (case, accents, ’ vs ').
struct PixHeader {
    let kind: PixCampaignKind
    let organization: Int
    let campaignID: Int
    let campaignCode: Int
    let campaignName: Int
    let targetProfile: Int?
    let lastName: Int
    let firstName: Int
    let externalID: Int?
    /// "Envoi (O/N)" or "Partage (O/N)".
    let shared: Int
    let sharedOn: Int?
    /// Profiles collection: level and pix columns per competence, in framework order.
    let profileCompetences: [(code: CompetenceCode, level: Int, pix: Int)]
    /// Assessment: mastery, skill total and mastered-skill columns per competence of the target profile.
    let assessedCompetences: [(code: CompetenceCode, mastery: Int?, total: Int, mastered: Int)]
    /// Kept as they are, by header: learner columns, stage, badges, other organisation columns.
    let extraColumns: [(index: Int, header: String)]
    /// Assessment per-skill result columns, by skill name.
    let skillColumns: [(index: Int, skill: String)]
    /// The headers as written (for messages).
    let headers: [String]

    /// The fixed labels, as ``TitleKey`` keys.
    private enum Label {
        static let organization = key("Nom de l'organisation")
        static let campaignID = key("ID Campagne")
        static let campaignCode = key("Code")
        static let campaignName = key("Nom de la campagne")
        static let targetProfile = [key("Parcours"), key("Nom du Profil Cible")]
        static let lastName = key("Nom du Participant")
        static let firstName = key("Prénom du Participant")
        static let learner = [key("Classe"), key("Groupe"), key("Numéro Étudiant")]
        static let progress = key("% de progression")
        static let startedOn = [key("Date et heure de début (Europe/Paris)"), key("Date de début")]
        static let isShared = key("Partage (O/N)")
        static let sharedOn = [key("Date et heure du partage (Europe/Paris)"), key("Date du partage")]
        static let overallMastery = key("% maitrise de l'ensemble des acquis du profil")
        static let isSent = key("Envoi (O/N)")
        static let sentOn = [key("Date et heure de l'envoi (Europe/Paris)"), key("Date de l'envoi")]
        static let pixTotal = key("Nombre de pix total")
        static let certifiable = key("Certifiable (O/N)")
        static let certifiableCount = key("Nombre de compétences certifiables")
        static let level = key("Niveau pour la compétence ")
        static let pix = key("Nombre de pix pour la compétence ")
        static let competenceMastery = key("% de maitrise des acquis de la compétence ")
        static let competenceTotal = key("Nombre d'acquis du profil cible dans la compétence ")
        static let competenceMastered = key("Acquis maitrisés dans la compétence ")
        static let areaMastery = key("% de maitrise des acquis du domaine ")
        static let areaTotal = key("Nombre d'acquis du profil cible du domaine ")
        static let areaMastered = key("Acquis maitrisés du domaine ")
        static let stagePrefix = key("Palier obtenu (/")
        static let badgeSuffix = key(" obtenu (O/N)")

        /// The loose key of a label; a prefix keeps its trailing space.
        static func key(_ label: String) -> String {
            TitleKey.make(label) + (label.hasSuffix(" ") ? " " : "")
        }
    }

    private enum Role {
        case organization, campaignID, campaignCode, campaignName, targetProfile, lastName, firstName
        case shared, sharedOn, fixed, extra
        case level(CompetenceCode)
        case pix(CompetenceCode)
        case mastery(CompetenceCode)
        case total(CompetenceCode)
        case mastered(CompetenceCode)
        case unrecognised
    }

    /// Analyses the header record; the problems name the column.
    init(headers rawHeaders: [String], file: String, framework: CompetenceFramework) throws(ImportFailure) {
        let headers = rawHeaders.map { $0.trimmingCharacters(in: .whitespaces) }
        var problems: [ImportProblem] = []
        func problem(_ column: String?, _ french: String, _ english: String) {
            problems.append(ImportProblem(file: file, line: 1, column: column, messageFR: french, messageEN: english))
        }
        func competence(_ title: Substring, in header: String) -> CompetenceCode? {
            if let found = framework.competence(titled: String(title)) { return found.code }
            problem(
                header, "compétence inconnue « \(title) » (voir Config/competences.yaml)",
                "unknown competence \"\(title)\" (see Config/competences.yaml)")
            return nil
        }
        func role(of header: String) -> Role {
            let key = TitleKey.make(header)
            switch key {
            case Label.organization: return .organization
            case Label.campaignID: return .campaignID
            case Label.campaignCode: return .campaignCode
            case Label.campaignName: return .campaignName
            case _ where Label.targetProfile.contains(key): return .targetProfile
            case Label.lastName: return .lastName
            case Label.firstName: return .firstName
            case _ where Label.learner.contains(key): return .extra
            case Label.isShared, Label.isSent: return .shared
            case _ where Label.sharedOn.contains(key) || Label.sentOn.contains(key): return .sharedOn
            case Label.progress, Label.overallMastery, Label.pixTotal, Label.certifiable, Label.certifiableCount:
                return .fixed
            case _ where Label.startedOn.contains(key): return .fixed
            default: break
            }
            let prefixed: [(String, (CompetenceCode) -> Role)] = [
                (Label.level, Role.level), (Label.pix, Role.pix), (Label.competenceMastery, Role.mastery),
                (Label.competenceTotal, Role.total), (Label.competenceMastered, Role.mastered),
            ]
            for (prefix, make) in prefixed where key.hasPrefix(prefix) {
                return competence(key.dropFirst(prefix.count), in: header).map(make) ?? .fixed
            }
            for prefix in [Label.areaMastery, Label.areaTotal, Label.areaMastered] where key.hasPrefix(prefix) {
                let title = key.dropFirst(prefix.count)
                if framework.area(titled: String(title)) == nil {
                    problem(
                        header, "domaine inconnu « \(title) » (voir Config/competences.yaml)",
                        "unknown area \"\(title)\" (see Config/competences.yaml)")
                }
                return .fixed
            }
            if key.hasPrefix(Label.stagePrefix) && key.hasSuffix(")") || key.hasSuffix(Label.badgeSuffix) {
                return .extra
            }
            return .unrecognised
        }

        let roles = headers.map(role(of:))
        func index(where matches: (Role) -> Bool) -> Int? {
            let found = roles.indices.filter { matches(roles[$0]) }
            if found.count > 1 {
                problem(
                    headers[found[1]], "colonne en double (déjà en position \(found[0] + 1))",
                    "duplicate column (already at position \(found[0] + 1))")
            }
            return found.first
        }
        func required(_ label: String, where matches: (Role) -> Bool) -> Int {
            guard let found = index(where: matches) else {
                problem(label, "colonne obligatoire absente", "required column missing")
                return 0
            }
            return found
        }
        let sent = headers.firstIndex { TitleKey.make($0) == Label.isSent }
        let isShared = headers.firstIndex { TitleKey.make($0) == Label.isShared }
        switch (sent, isShared) {
        case (.some, nil): kind = .profilesCollection
        case (nil, .some): kind = .assessment
        default:
            problem(
                nil, "ni « Envoi (O/N) » ni « Partage (O/N) » en en-tête : ce n'est pas un export Pix Orga reconnu",
                "neither \"Envoi (O/N)\" nor \"Partage (O/N)\" in the header: not a recognised Pix Orga export")
            throw ImportFailure(problems: problems)
        }
        organization = required("Nom de l'organisation") { if case .organization = $0 { true } else { false } }
        campaignID = required("ID Campagne") { if case .campaignID = $0 { true } else { false } }
        campaignCode = required("Code") { if case .campaignCode = $0 { true } else { false } }
        campaignName = required("Nom de la campagne") { if case .campaignName = $0 { true } else { false } }
        targetProfile = index { if case .targetProfile = $0 { true } else { false } }
        lastName = required("Nom du Participant") { if case .lastName = $0 { true } else { false } }
        firstName = required("Prénom du Participant") { if case .firstName = $0 { true } else { false } }
        shared = sent ?? isShared ?? 0
        sharedOn = index { if case .sharedOn = $0 { true } else { false } }

        // The external id: the last unrecognised column between the first name and the first fixed column.
        let namesEnd = firstName
        let progress = headers.firstIndex { TitleKey.make($0) == Label.progress }
        let firstFixed = min(progress ?? shared, shared)
        let idCandidates = roles.indices.filter { index in
            guard index > namesEnd, index < firstFixed, case .unrecognised = roles[index] else { return false }
            return true
        }
        let externalIndex = idCandidates.last
        externalID = externalIndex

        let isAssessment = kind == .assessment
        var levels: [CompetenceCode: Int] = [:]
        var pix: [CompetenceCode: Int] = [:]
        var mastery: [CompetenceCode: Int] = [:]
        var totals: [CompetenceCode: Int] = [:]
        var mastered: [CompetenceCode: Int] = [:]
        var extras: [(index: Int, header: String)] = []
        var skills: [(index: Int, skill: String)] = []
        for (index, role) in roles.enumerated() {
            func store(_ code: CompetenceCode, in table: inout [CompetenceCode: Int]) {
                if let previous = table[code] {
                    problem(
                        headers[index], "colonne en double (déjà en position \(previous + 1))",
                        "duplicate column (already at position \(previous + 1))")
                }
                table[code] = index
            }
            switch role {
            case .level(let code): store(code, in: &levels)
            case .pix(let code): store(code, in: &pix)
            case .mastery(let code): store(code, in: &mastery)
            case .total(let code): store(code, in: &totals)
            case .mastered(let code): store(code, in: &mastered)
            case .extra: extras.append((index, headers[index]))
            case .unrecognised where index == externalIndex: break
            case .unrecognised where isAssessment && index > firstFixed:
                skills.append((index, FormulaNeutralisation.restore(headers[index])))
            case .unrecognised: extras.append((index, headers[index]))
            default: break
            }
        }
        // A column whose competence is unknown has already been reported: its twin is not missing.
        guard problems.isEmpty else { throw ImportFailure(problems: problems) }
        let profileCodes = framework.codes.filter { levels[$0] != nil || pix[$0] != nil }
        var profile: [(code: CompetenceCode, level: Int, pix: Int)] = []
        for code in profileCodes {
            guard let level = levels[code], let points = pix[code] else {
                let title = framework.competence(code)?.titleFR ?? code.rawValue
                problem(
                    levels[code] == nil
                        ? "Niveau pour la compétence \(title)" : "Nombre de pix pour la compétence \(title)",
                    "colonne absente alors que sa jumelle est présente", "column missing while its twin is present")
                continue
            }
            profile.append((code, level, points))
        }
        var assessed: [(code: CompetenceCode, mastery: Int?, total: Int, mastered: Int)] = []
        for code in framework.codes where mastery[code] != nil || totals[code] != nil || mastered[code] != nil {
            guard let total = totals[code], let done = mastered[code] else {
                let title = framework.competence(code)?.titleFR ?? code.rawValue
                problem(
                    totals[code] == nil
                        ? "Nombre d'acquis du profil cible dans la compétence \(title)"
                        : "Acquis maitrisés dans la compétence \(title)",
                    "colonne absente alors que la compétence a d'autres colonnes",
                    "column missing while the competence has other columns")
                continue
            }
            assessed.append((code, mastery[code], total, done))
        }
        if kind == .profilesCollection && !assessed.isEmpty || kind == .assessment && !profile.isEmpty {
            problem(
                nil, "colonnes d'évaluation et de collecte de profils mêlées",
                "assessment and profiles-collection columns mixed")
        }
        if kind == .profilesCollection && profile.isEmpty || kind == .assessment && assessed.isEmpty {
            problem(nil, "aucune colonne de compétence", "no competence column")
        }
        guard problems.isEmpty else { throw ImportFailure(problems: problems) }
        profileCompetences = profile
        assessedCompetences = assessed
        extraColumns = extras
        skillColumns = skills
        self.headers = headers
    }
}
