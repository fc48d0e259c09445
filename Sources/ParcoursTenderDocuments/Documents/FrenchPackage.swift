import ParcoursModel
import ParcoursTender

/// The French package: RC, CCAP (deviations from the CCAG-FCS), CCTP, acte d'engagement, BPU and DQE per
/// lot, the DUME request.
struct FrenchPackage {
    let package: TenderPackage
    let common: CommonSections
    let administrative: AdministrativeSections
    let schedules: PriceSchedules

    func documents() -> [TextDocument] {
        [
            rules(), administrativeClauses(), technicalClauses(), commitment(),
            administrative.espdRequest(
                service:
                    "(service DUME ou tout outil conforme) et déposé avec l'offre ; les formulaires DC1 et DC2 restent admis",
                legislation: "les articles L2141-1 à L2141-11 du Code de la commande publique"),
        ]
    }

    func spreadsheets() -> [Spreadsheet] {
        [
            schedules.schedule(
                fileName: "bpu", title: "Bordereau des prix unitaires (BPU) — \(package.subjectFR)",
                withQuantities: false,
                pricedAtReference: false),
            schedules.schedule(
                fileName: "dqe", title: "Détail quantitatif estimatif (DQE) — \(package.subjectFR)",
                withQuantities: true,
                pricedAtReference: false),
            schedules.communes(), schedules.estimate(),
        ]
    }

    private var title: String { package.subjectFR }

    /// A CCAG-FCS article the CCAP departs from; `confirmed` says whether its number was checked in a source.
    struct CCAGDerogation {
        let ccapArticle: String
        let ccagArticles: String
        let confirmed: Bool
    }

    /// Penalties: art. 14 (a commentary of the 2021 CCAGs cites 14.1.1 CCAG-FCS for delay penalties); verification
    /// and acceptance: their numbers were not found in a source, so the buyer's note asks to check them.
    static let penalties = CCAGDerogation(ccapArticle: "7 (Pénalités)", ccagArticles: "14", confirmed: true)
    static let acceptance = CCAGDerogation(
        ccapArticle: "8 (Vérification et admission)", ccagArticles: "30 à 32", confirmed: false)
    static let ccagDerogations = [penalties, acceptance]

    func rules() -> TextDocument {
        var document = TextDocument(
            fileName: "reglement-de-consultation", title: "Règlement de la consultation (RC)",
            subtitle: "\(title) — \(package.recommendation.tier.titleFR)")
        document.heading("1. Acheteur")
        document.paragraph(
            "\(package.buyerRoleFR) — \(package.buyerAddressFR)\(package.buyer.identifier.map { " — SIRET \($0)" } ?? " — SIRET \(FrenchText.blank("SIRET"))")."
        )
        if package.buyer.isCentralPurchasingBody {
            document.paragraph(
                "L'acheteur agit en qualité de centrale d'achat (articles L2113-2 à L2113-4 du Code de la commande publique) pour les communes listées en annexe du CCTP ; chacune émet ses bons de commande et règle ses factures."
            )
        }
        document.heading("2. Objet et allotissement")
        document.paragraph(
            "La consultation porte sur des services de formation aux compétences numériques (référentiel Pix) des agents communaux, en \(FrenchText.plural(package.lots.count, "lot")) :"
        )
        document.append([.table(common.lotsTable(withValues: false))])
        document.heading("3. Procédure")
        document.append(administrative.procedure())
        document.heading("4. Forme du marché")
        document.append(administrative.frameworkTerms())
        document.heading("5. Dossier de consultation")
        document.bullets([
            "Le présent règlement de la consultation.", "Le CCAP.",
            "Le CCTP et ses annexes (liste des communes, fiches modules).",
            "L'acte d'engagement.", "Le BPU et le DQE de chaque lot (tableurs).", "La demande de DUME.",
        ])
        document.heading("6. Candidature")
        document.paragraph(
            "DUME (ou DC1 et DC2), et pour apprécier les capacités : liste des principales formations d'adultes aux outils numériques des trois dernières années ; qualifications des formateurs proposés ; le cas échéant, numéro de déclaration d'activité d'organisme de formation."
        )
        document.heading("7. Offre")
        document.bullets([
            "L'acte d'engagement de chaque lot.", "Le BPU et le DQE de chaque lot, complétés (cellules jaunes).",
            "Un mémoire technique par lot : programme par groupe, supports, évaluation, formateurs, organisation et délais.",
        ])
        document.append(administrative.vat())
        document.heading("8. Jugement des offres")
        document.append(administrative.awardCriteria())
        document.paragraph(
            "Une offre anormalement basse fait l'objet d'une demande de précisions (articles R2152-3 et suivants).")
        document.heading("9. Remise des offres")
        document.paragraph(
            "Les offres sont remises par voie électronique sur le profil d'acheteur \(FrenchText.blank("adresse du profil d'acheteur")) avant le \(FrenchText.blank("date et heure limites")). Elles sont valables 120 jours à compter de cette date."
        )
        return document
    }

    func administrativeClauses() -> TextDocument {
        var document = TextDocument(
            fileName: "ccap", title: "Cahier des clauses administratives particulières (CCAP)", subtitle: title)
        document.paragraph(
            "Le présent marché est soumis au cahier des clauses administratives générales des marchés publics de fournitures courantes et de services (CCAG-FCS, arrêté du 30 mars 2021). Les articles ci-dessous le complètent ; les dérogations sont récapitulées à l'article 9."
        )
        document.heading("1. Forme et durée")
        document.append(administrative.frameworkTerms())
        document.paragraph(
            "Accords-cadres à bons de commande (articles R2162-13 et R2162-14 du Code de la commande publique) ; l'accord-cadre prend fin par anticipation lorsque son maximum est atteint."
        )
        document.heading("2. Pièces contractuelles")
        document.bullets([
            "L'acte d'engagement et ses annexes (BPU, DQE).", "Le présent CCAP.", "Le CCTP et ses annexes.",
            "Le CCAG-FCS.",
            "Le mémoire technique du titulaire.",
        ])
        document.heading("3. Prix")
        document.paragraph(
            "Prix unitaires du BPU, appliqués aux quantités réellement commandées. Les prix sont fermes pendant douze mois à compter de la notification, puis révisables à chaque date anniversaire selon la formule P = P0 × (0,15 + 0,85 × I/I0), I étant \(FrenchText.blank("indice INSEE des prix de production des services de formation continue"))"
        )
        document.append(administrative.vat())
        document.heading("4. Bons de commande et exécution")
        document.paragraph(
            "Chaque commune bénéficiaire ou la centrale émet des bons de commande précisant le groupe, les stagiaires, le lieu et les dates proposées. Le titulaire confirme les dates sous 10 jours ouvrés."
        )
        document.heading("5. Avance")
        document.paragraph(
            "Une avance est versée dans les conditions des articles R2191-3 et suivants du Code de la commande publique lorsque le montant du bon de commande dépasse 50 000 € HT et sa durée deux mois, sauf renonciation du titulaire dans l'acte d'engagement."
        )
        document.heading("6. Règlement")
        document.paragraph(
            "Paiement par virement dans un délai de 30 jours (article R2192-10) à réception de la facture déposée sur Chorus Pro, accompagnée des feuilles de présence."
        )
        document.heading("7. Pénalités")
        document.paragraph(
            "Par dérogation à l'article \(Self.penalties.ccagArticles) du CCAG-FCS : séance non assurée sans préavis de 5 jours ouvrés : pénalité égale au prix de la séance ; retard de transmission des feuilles de présence au-delà de 5 jours ouvrés : 20 € par jour. Les pénalités ne sont pas plafonnées à 10 % du montant du bon de commande."
        )
        document.heading("8. Vérification et admission")
        document.paragraph(
            "Par dérogation aux articles \(Self.acceptance.ccagArticles) du CCAG-FCS, l'admission de chaque module résulte des feuilles de présence et de l'attestation de fin de formation transmises à la commune."
        )
        document.heading("9. Récapitulatif des dérogations au CCAG-FCS")
        document.table(
            header: ["Article du CCAP", "Article du CCAG-FCS auquel il est dérogé"],
            rows: Self.ccagDerogations.map { [$0.ccapArticle, $0.ccagArticles] })
        return document
    }

    func technicalClauses() -> TextDocument {
        var document = TextDocument(
            fileName: "cctp", title: "Cahier des clauses techniques particulières (CCTP)", subtitle: title)
        document.append(common.technical(numbering: ""))
        document.pageBreak()
        document.heading("Annexe 1 — Communes membres pour lesquelles la centrale agit")
        document.table(
            header: ["Code INSEE", "Commune", "NUTS-3"],
            rows: package.communesActedFor.map { [$0.code, $0.name, $0.nuts3] })
        document.heading("Annexe 2 — Fiches modules")
        document.append(common.moduleSheets())
        return document
    }

    func commitment() -> TextDocument {
        var document = TextDocument(
            fileName: "acte-engagement", title: "Acte d'engagement (AE)", subtitle: package.subjectAndBuyerFR)
        for lot in package.lots {
            if lot.number > 1 { document.pageBreak() }
            document.heading(
                "Lot \(lot.number) — \(lot.theme.titleFR), \(lot.area.nameFR), \(lot.format == .remote ? "à distance" : "présentiel")"
            )
            document.heading("A. Acheteur", level: 2)
            document.paragraph("\(package.buyerRoleFR). Objet : \(lot.titleFR).")
            document.heading("B. Titulaire", level: 2)
            for label in [
                "Nom, prénom et qualité du signataire", "Raison sociale et forme juridique", "Adresse", "SIRET",
                "Numéro de déclaration d'activité (organisme de formation), le cas échéant",
            ] { document.field(label) }
            document.heading("C. Engagement", level: 2)
            document.paragraph(
                "Le signataire s'engage, sur la base de son offre, à exécuter les prestations aux prix unitaires du BPU, dans la limite du montant maximum de \(FrenchText.euros(lot.estimate.frameworkMaximum)) HT sur \(package.buyer.frameworkMonths) mois. Le montant du DQE de son offre est de :"
            )
            document.field("Montant du DQE hors taxes")
            document.field("Régime de TVA (exonération : fondement ; sinon taux) et montant TTC")
            document.field("Renonciation à l'avance (oui / non)")
            document.heading("D. Paiement", level: 2)
            document.field("Compte à créditer (IBAN, BIC)")
            document.heading("E. Signature", level: 2)
            document.field("Fait à, le — signature du titulaire")
            document.field("Décision de l'acheteur : offre acceptée pour le lot \(lot.number), le — signature")
        }
        return document
    }
}
