import ParcoursModel
import ParcoursTender

/// The Belgian package: *cahier spécial des charges* (Parts I, II, III and module sheets), tender form,
/// *inventaire*, ESPD request and the list of participating communes.
struct BelgianPackage {
    let package: TenderPackage
    let common: CommonSections
    let administrative: AdministrativeSections
    let schedules: PriceSchedules

    func documents() -> [TextDocument] {
        [
            specification(), tenderForm(),
            administrative.espdRequest(
                service: "sur la plateforme e-Procurement (DUME/ESPD) et joint à l'offre",
                legislation: "les articles 67 à 70 de la loi du 17 juin 2016"),
        ]
    }

    func spreadsheets() -> [Spreadsheet] {
        [
            schedules.schedule(
                fileName: "inventaire", title: "Inventaire — \(package.subjectFR)", withQuantities: true,
                pricedAtReference: false),
            schedules.communes(), schedules.estimate(),
        ]
    }

    func specification() -> TextDocument {
        var document = TextDocument(
            fileName: "cahier-special-des-charges", title: "Cahier spécial des charges",
            subtitle: "\(package.subjectFR) — \(package.recommendation.tier.titleFR)")
        document.table(
            header: ["Rubrique", "Renseignement"],
            rows: [
                ["Pouvoir adjudicateur", "\(package.buyerRoleFR)"],
                ["Adresse", package.buyerAddressFR],
                ["Numéro d'entreprise", package.buyer.identifier ?? FrenchText.blank("numéro BCE")],
                ["Objet", package.subjectFR],
                ["Procédure", package.recommendation.tier.titleFR],
                [
                    "Code CPV principal",
                    Array(Set(package.lots.map(\.theme.cpv.description))).sorted().joined(separator: ", "),
                ],
                ["Lots", "\(package.lots.count)"],
                ["Date limite de réception des offres", FrenchText.blank("date et heure")],
            ])

        document.pageBreak()
        document.heading("Partie I — Dispositions administratives")
        document.heading("I.1 Pouvoir adjudicateur et centrale d'achat", level: 2)
        document.paragraph(
            "Le pouvoir adjudicateur, \(package.buyer.name) (\(package.buyerAddressFR)), passe le présent marché\(package.buyer.isCentralPurchasingBody ? " en qualité de centrale d'achat au sens de l'article 2, 6° et 47 de la loi du 17 juin 2016, pour le compte des communes dont la liste figure en annexe. Chaque commune adhérente passe ses commandes et paie ses factures ; elle est dispensée d'organiser elle-même une procédure" : "")."
        )
        document.heading("I.2 Objet et lots", level: 2)
        document.paragraph(
            "Le marché porte sur des services de formation aux compétences numériques (référentiel Pix) pour les agents des communes. Il est divisé en lots ; un soumissionnaire peut remettre offre pour un, plusieurs ou tous les lots."
        )
        document.append([.table(common.lotsTable(withValues: false))])
        document.append(administrative.frameworkTerms())
        document.heading("I.3 Réglementation applicable", level: 2)
        document.bullets([
            "Loi du 17 juin 2016 relative aux marchés publics.",
            "Arrêté royal du 18 avril 2017 relatif à la passation des marchés publics dans les secteurs classiques.",
            "Arrêté royal du 14 janvier 2013 établissant les règles générales d'exécution des marchés publics.",
            "Loi du 17 juin 2013 relative à la motivation, à l'information et aux voies de recours.",
            "Règlement (UE) 2016/679 (RGPD) pour les données des stagiaires.",
        ])
        document.heading("I.4 Procédure de passation", level: 2)
        document.append(administrative.procedure())
        document.heading("I.5 Motifs d'exclusion", level: 2)
        document.paragraph(
            "Les motifs d'exclusion des articles 67 à 70 de la loi du 17 juin 2016 s'appliquent. Le soumissionnaire les déclare dans le DUME ; le pouvoir adjudicateur vérifie lui-même la situation fiscale et sociale de l'attributaire pressenti par l'application Telemarc."
        )
        document.heading("I.6 Sélection qualitative", level: 2)
        document.bullets([
            "Capacité technique : au moins trois références de formation d'adultes aux outils numériques au cours des trois dernières années, dont une pour un pouvoir public.",
            "Formateurs : curriculum vitae des formateurs proposés, montrant une expérience de formation d'adultes aux outils bureautiques et à internet.",
        ])
        document.heading("I.7 Critères d'attribution", level: 2)
        document.append(administrative.awardCriteria())
        document.heading("I.8 Forme et contenu de l'offre", level: 2)
        document.bullets([
            "Le formulaire d'offre et l'inventaire de chaque lot, complétés et signés.",
            "Le DUME.",
            "Une note méthodologique par lot : programme détaillé par groupe, supports, modalités d'évaluation, formateurs, organisation et délais.",
        ])
        document.paragraph(
            "Les offres sont déposées par voie électronique sur la plateforme e-Procurement du SPF BOSA ; elles restent valables 120 jours calendrier à compter de la date limite de réception."
        )
        document.heading("I.9 Prix et TVA", level: 2)
        document.paragraph(
            "Le marché est à bordereau de prix : les prix unitaires de l'inventaire sont forfaitaires et les quantités présumées."
        )
        document.append(administrative.vat())

        document.pageBreak()
        document.heading("Partie II — Dispositions contractuelles")
        document.paragraph(
            "Les règles générales d'exécution de l'arrêté royal du 14 janvier 2013 s'appliquent, sous réserve des dispositions suivantes."
        )
        document.bullets([
            "Fonctionnaire dirigeant : \(FrenchText.blank("nom et service")) pour \(package.buyer.name) ; chaque commune désigne un correspondant pour ses commandes.",
            "Cautionnement (art. 25 à 33) : \(FrenchText.blank("à fixer par le pouvoir adjudicateur ; 5 % du montant initial HTVA sauf dispense de l'article 25"))",
            "Commandes : par bon de commande écrit de la commune ou du coordinateur (groupe, stagiaires, lieu, dates proposées) ; confirmation des dates par le prestataire sous 10 jours ouvrables.",
            "Annulation : une séance annulée par la commune moins de 5 jours ouvrables à l'avance peut être facturée à 50 % ; une séance annulée par le prestataire est reprogrammée à ses frais.",
            "Facturation : par commande, adressée à la commune qui a commandé, en facture électronique ; paiement dans les 30 jours selon les règles générales d'exécution (AR du 14 janvier 2013).",
            "Révision des prix : les prix sont fermes la première année puis révisables à chaque date anniversaire selon la formule P = P0 × (0,8 × S/S0 + 0,2), S étant l'indice des salaires conventionnels des employés (SPF Économie). \(FrenchText.blank("formule à confirmer"))",
            "Réception : les feuilles de présence et l'attestation de fin de formation valent réception de chaque module.",
            "Données personnelles : le prestataire agit comme sous-traitant (RGPD, art. 28) et n'utilise les listes de stagiaires que pour l'exécution du marché.",
        ])

        document.pageBreak()
        document.heading("Partie III — Prescriptions techniques")
        document.append(common.technical(numbering: "III."))

        document.pageBreak()
        document.heading("Annexe A — Communes pour lesquelles la centrale agit")
        document.table(
            header: ["Code INS", "Commune", "Arrondissement", "NUTS-3"],
            rows: package.communesActedFor.map { [$0.code, $0.name, $0.arrondissement ?? "", $0.nuts3] })
        document.heading("Annexe B — Fiches modules")
        document.append(common.moduleSheets())
        return document
    }

    func tenderForm() -> TextDocument {
        var document = TextDocument(
            fileName: "formulaire-offre", title: "Formulaire d'offre",
            subtitle: package.subjectAndBuyerFR)
        document.heading("Identification du soumissionnaire")
        for label in [
            "Dénomination et forme juridique", "Numéro d'entreprise (BCE)", "Adresse du siège",
            "Personne habilitée à signer",
            "Téléphone et adresse électronique", "Numéro de compte (IBAN) et institution financière",
        ] { document.field(label) }
        document.heading("Engagement")
        document.paragraph(
            "Le soumissionnaire s'engage à exécuter, conformément au cahier spécial des charges, les lots ci-dessous aux prix unitaires de l'inventaire joint, dont les montants totaux sont :"
        )
        document.table(
            header: ["Lot", "Intitulé", "Total HTVA (inventaire)", "TVA", "Total TVAC"],
            rows: package.lots.map { ["\($0.number)", $0.titleFR, "", "", ""] })
        document.field("Régime de TVA applicable (exonération : base légale ; sinon taux)")
        document.field("Sous-traitants éventuels et part du marché confiée")
        document.paragraph(
            "L'offre reste valable 120 jours calendrier à compter de la date limite de réception des offres.")
        document.field("Fait à, le")
        document.field("Signature")
        return document
    }
}
