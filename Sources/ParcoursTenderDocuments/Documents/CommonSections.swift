import ParcoursModel
import ParcoursTender

/// The sections both countries' documents share: lots, the technical specification, module sheets.
struct CommonSections {
    let package: TenderPackage
    let framework: CompetenceFramework

    /// One line per lot: what it is, how much of it, and what it is worth.
    func lotsTable(withValues: Bool) -> TextDocument.Table {
        var header = ["Lot", "Thème", "Zone (NUTS-3)", "Format", "Stagiaires", "Groupes", "Heures-groupe", "Niveaux"]
        if withValues { header += ["Valeur estimée \(package.netOfVATFR)", "Maximum \(package.netOfVATFR)"] }
        let rows = package.lots.map { lot in
            var row = [
                "\(lot.number)", lot.theme.titleFR, "\(lot.area.nameFR) (\(lot.area.nuts3.joined(separator: ", ")))",
                lot.format == .remote ? "à distance" : "présentiel", "\(lot.trainees)", "\(lot.groups.count)",
                FrenchText.number(lot.groupHours), "\(lot.levels.lowerBound) → \(lot.levels.upperBound)",
            ]
            if withValues {
                row += [FrenchText.euros(lot.estimate.estimatedValue), FrenchText.euros(lot.estimate.frameworkMaximum)]
            }
            return row
        }
        return TextDocument.Table(header: header, rows: rows)
    }

    func competenceTitle(_ code: CompetenceCode) -> String {
        "\(code.rawValue) \(framework.competence(code)?.titleFR ?? "")"
    }

    /// The technical part (Belgian Part III, French CCTP): context, lots, modules, public, places,
    /// methods, evaluation and attendance, calendar.
    func technical(numbering prefix: String) -> [TextDocument.Block] {
        var document = TextDocument(fileName: "", title: "", subtitle: "")
        document.heading("\(prefix)1. Contexte")
        if let context = package.contextFR, !context.isEmpty { document.paragraph(context) }
        document.paragraph(
            "\(package.buyerTermCapitalizedFR), \(package.buyer.name), organise la formation aux compétences numériques des agents de ses communes\(package.buyer.isCentralPurchasingBody ? " et agit pour elles en qualité de centrale d'achat (liste en annexe)" : ""). Les niveaux des agents ont été mesurés avec Pix (référentiel de \(framework.competences.count) compétences, niveaux 0 à \(framework.maximumLevel)) ; le plan de formation mutualisé a d'abord fait appel aux catalogues existants. Le présent marché porte sur les besoins qu'aucune session de catalogue ne peut prendre."
        )
        document.paragraph(
            "Besoins à couvrir : \(FrenchText.plural(package.needsByCompetence.values.reduce(0, +), "besoin")) de \(FrenchText.plural(package.agents, "agent")) de \(FrenchText.plural(package.participatingCommunes.count, "commune"))\(package.addedTrainees > 0 ? ", auxquels la coordination ajoute \(FrenchText.plural(package.addedTrainees, "stagiaire"))" : ""). Aucun nom d'agent ne figure dans le présent dossier : les communes transmettent les listes nominatives au titulaire lors de chaque commande."
        )
        let competences = package.needsByCompetence.sorted { $0.key < $1.key }
            .map { "\(competenceTitle($0.key)) : \(FrenchText.plural($0.value, "besoin"))" }
        document.bullets(competences)
        let reasons = package.needsByReason.sorted { $0.key < $1.key }.map {
            "\(UnmetReasonGroups.describe($0.key, in: .french)) : \($0.value)"
        }
        if !reasons.isEmpty {
            document.paragraph("Pourquoi ces besoins ne sont pas couverts par les catalogues existants :")
            document.bullets(reasons)
        }

        document.heading("\(prefix)2. Allotissement")
        document.paragraph(
            "Le marché est divisé en \(FrenchText.plural(package.lots.count, "lot")), par thème de compétences, zone géographique et format. Les quantités sont présumées : elles engagent \(package.buyerTermFR) dans la limite du maximum de chaque lot."
        )
        document.append([.table(lotsTable(withValues: false))])

        for lot in package.lots {
            document.heading("\(prefix)3.\(lot.number) \(lot.titleFR)", level: 2)
            document.heading("Objectifs et compétences", level: 3)
            document.paragraph(lot.theme.objectivesFR)
            document.bullets(lot.theme.competences.map(competenceTitle))
            document.paragraph(
                "Niveaux Pix : \(FrenchText.levels(lot.levels)). Chaque groupe part du niveau le plus bas de ses membres et vise le niveau le plus haut attendu ; le titulaire adapte la progression à l'intérieur du groupe."
            )
            document.heading("Public et groupes", level: 3)
            document.paragraph(
                "\(FrenchText.plural(lot.trainees, "stagiaire")) (agents communaux), répartis en \(FrenchText.plural(lot.groups.count, "groupe")) ; \(FrenchText.number(lot.groupHours)) heures de formation en groupe au total, en séances de \(FrenchText.number(package.sessionHours)) heures."
            )
            document.table(
                header: [
                    "Groupe", "Tranche", "Niveaux", "Stagiaires", "Heures", "Séances", "Lieu", "Communes (stagiaires)",
                ],
                rows: lot.groups.enumerated().map { index, group in
                    [
                        "\(index + 1)\(group.belowMinimum ? " *" : "")", group.band.labelFR,
                        "\(group.fromLevel) → \(group.toLevel)", "\(group.participants)",
                        FrenchText.number(group.hours),
                        "\(group.sessions)", group.site.map { siteName($0) } ?? "à distance",
                        group.members.sorted { $0.key < $1.key }.map { "\(siteName($0.key)) (\($0.value))" }.joined(
                            separator: ", "),
                    ]
                })
            if lot.groups.contains(where: \.belowMinimum) {
                document.paragraph(
                    "* Groupe sous l'effectif minimal de la politique de groupes : il peut être complété par des agents d'autres communes lors des commandes."
                )
            }
            document.heading("Lieux", level: 3)
            if lot.format == .remote {
                document.paragraph(
                    "Formation à distance en classe virtuelle, en direct avec le formateur. Les stagiaires disposent d'un équipement et d'une connexion ; le titulaire fournit la plateforme, accessible sans installation depuis un navigateur récent, et une assistance technique avant la première séance."
                )
            } else {
                document.paragraph(
                    "Les séances ont lieu dans des locaux mis à disposition par les communes (salle équipée d'un vidéoprojecteur et d'un accès à internet), dans la zone du lot :"
                )
                document.bullets(
                    lot.sites.map {
                        "\($0.name) : \(FrenchText.plural($0.groups, "groupe")), \(FrenchText.plural($0.sessions, "séance"))"
                    })
                let devices = lot.devices.sorted { $0.key.rawValue < $1.key.rawValue }
                if devices.isEmpty {
                    document.paragraph("Matériel : les stagiaires disposent de leur poste de travail.")
                } else {
                    document.paragraph(
                        "Matériel à fournir par le titulaire : "
                            + devices.map { "\($0.value) \($0.key.label(in: .french))\($0.value > 1 ? "s" : "")" }
                            .joined(separator: ", ")
                            + " pour les stagiaires qui n'en disposent pas, soit \(FrenchText.plural(lot.deviceDays, "poste-jour")) au total, équipés des logiciels utilisés en formation."
                    )
                }
            }
            document.heading("Communes concernées et quantités présumées", level: 3)
            document.table(
                header: ["Code", "Commune", "Stagiaires", "Besoins"],
                rows: lot.communes.map { [$0.code, $0.name, "\($0.trainees)", "\($0.needs)"] })
        }

        document.heading("\(prefix)4. Méthodes pédagogiques")
        document.bullets([
            "Pédagogie active : au moins la moitié du temps en exercices pratiques sur des cas du service public local (courriers, tableaux, démarches en ligne des usagers).",
            "Supports remis à chaque stagiaire sous licence permettant leur réutilisation interne par les communes.",
            "Formateurs justifiant d'une expérience de formation d'adultes aux outils numériques ; un même formateur suit un groupe du début à la fin du module.",
            "Accessibilité : le titulaire adapte les supports et le rythme aux stagiaires en situation de handicap signalés par la commune.",
        ])
        document.heading("\(prefix)5. Évaluation et suivi des présences")
        document.bullets([
            "Positionnement en début de module et évaluation en fin de module sur les compétences Pix visées ; les communes peuvent proposer une nouvelle campagne Pix après la formation.",
            "Feuille de présence par séance (ou relevé de connexion pour la classe virtuelle), signée par le formateur et transmise à la commune de chaque stagiaire dans les 5 jours ouvrés.",
            "Attestation de fin de formation par stagiaire ; bilan par groupe (présences, acquis, difficultés) adressé au coordinateur.",
            "Les données personnelles des stagiaires sont traitées pour la seule exécution du marché (RGPD, art. 28 : le titulaire est sous-traitant).",
        ])
        document.heading("\(prefix)6. Calendrier et commandes")
        document.paragraph(
            "Les séances se déroulent du \(FrenchText.date(package.window.first)) au \(FrenchText.date(package.window.last)), les jours ouvrables, hors jours fériés et en évitant les congés scolaires. Chaque commune (ou le coordinateur pour plusieurs communes) passe commande par bon de commande indiquant le groupe, les stagiaires et les dates proposées ; le titulaire confirme les dates sous 10 jours ouvrés et tient un planning partagé."
        )
        return document.blocks
    }

    /// A one-page sheet per lot, in annex.
    func moduleSheets() -> [TextDocument.Block] {
        var document = TextDocument(fileName: "", title: "", subtitle: "")
        for lot in package.lots {
            document.pageBreak()
            document.heading("Fiche module — \(lot.titleFR)")
            document.table(
                header: ["Rubrique", "Contenu"],
                rows: [
                    ["Thème", lot.theme.titleFR],
                    ["Compétences Pix", lot.theme.competences.map(competenceTitle).joined(separator: " ; ")],
                    ["Objectifs", lot.theme.objectivesFR],
                    ["Niveaux", FrenchText.levels(lot.levels)],
                    ["Format", FrenchText.format(lot.format)],
                    [
                        "Durée par groupe",
                        lot.groups.map { "\(FrenchText.number($0.hours)) h" }.joined(separator: ", "),
                    ],
                    ["Zone", "\(lot.area.nameFR) (\(lot.area.nuts3.joined(separator: ", ")))"],
                    ["Stagiaires / groupes", "\(lot.trainees) / \(lot.groups.count)"],
                    ["Code CPV", "\(lot.theme.cpv)"],
                ])
        }
        return document.blocks
    }

    private func siteName(_ code: String) -> String { package.territory.commune(code: code)?.name ?? code }
}

extension TenderPackage {
    /// Length of one session in hours, read from the lots (every group has whole sessions).
    var sessionHours: Double {
        guard let group = lots.first?.groups.first, group.sessions > 0 else { return 0 }
        return group.hours / Double(group.sessions)
    }
}
