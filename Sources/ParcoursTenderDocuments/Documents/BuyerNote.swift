import ParcoursModel
import ParcoursTender

/// The note to the procurement officer: the procedure and the rule applied, how the value was estimated,
/// what remains to verify or complete, and what the eForms check covers.
struct BuyerNote {
    let package: TenderPackage
    let rules: ProcurementRules
    let noticeProblems: [String]?

    func document() -> TextDocument {
        let recommendation = package.recommendation
        let tier = recommendation.tier
        var document = TextDocument(
            fileName: "note-acheteur", title: "Note à l'acheteur",
            subtitle: "\(package.subjectFR) — document interne, ne pas publier")
        document.heading("1. Procédure recommandée")
        document.emphasis("\(tier.titleFR) — \(tier.source).")
        document.paragraph(tier.ruleFR)
        document.paragraph(
            "Valeur comparée aux seuils : \(FrenchText.euros(recommendation.comparedValue)) \(package.netOfVATFR) (maximum des \(FrenchText.plural(package.lots.count, "lot")) sur \(package.buyer.frameworkMonths) mois), pour une procédure lancée le \(FrenchText.date(recommendation.launchDate)) ; seuil appliqué : à partir de \(FrenchText.euros(tier.from))\(tier.below.map { " et sous \(FrenchText.euros($0))" } ?? "") \(package.netOfVATFR), en vigueur du \(FrenchText.date(tier.validFrom))\(tier.validUntil.map { " au \(FrenchText.date($0))" } ?? "")."
        )
        document.paragraph(ProcedureRecommendation.valueRuleFR(for: package.country))
        document.paragraph(
            "Régime : \(recommendation.regime == .light ? "allégé (services sociaux et autres services spécifiques)" : "général"). \(recommendation.regimeReasonFR)"
        )
        document.paragraph(
            recommendation.europeanPublication
                ? "Publication au Journal officiel de l'Union européenne requise : l'avis eForms joint est de sous-type \(recommendation.eFormsSubtype)."
                : "Pas de publication européenne requise : l'avis eForms joint est un avis volontaire (sous-type E3), publiable sur TED si l'acheteur le souhaite ; la publicité nationale suit la règle ci-dessus."
        )

        document.heading("2. Estimation (hors TVA)")
        document.paragraph(
            "Chaque lot est estimé aux prix de référence de la configuration (quantités × prix unitaires, équipement compris) et comparé à la médiane des prix de catalogue comparables (formations du même format couvrant au moins une compétence du thème, prix hors taxe ou exonéré, ramenés au stagiaire-heure). La médiane est une indication de marché, donnée comme telle ; la valeur retenue est la plus élevée des deux, arrondie à la centaine supérieure."
        )
        document.table(
            header: [
                "Lot", "Prix de référence", "Équipement", "Médiane catalogue", "Comparables (écartés TTC)",
                "Valeur estimée", "Maximum",
            ],
            rows: package.lots.map { lot in
                let estimate = lot.estimate
                return [
                    "\(lot.number)", FrenchText.euros(estimate.referenceAmount),
                    FrenchText.euros(estimate.equipmentAmount),
                    estimate.catalogueAmount.map {
                        "\(FrenchText.euros($0)) (\(estimate.catalogueMedianPerTraineeHour.map(FrenchText.euros) ?? "") / stagiaire-heure)"
                    } ?? "aucun prix comparable",
                    "\(estimate.comparableCount) (\(estimate.excludedForVAT))",
                    FrenchText.euros(estimate.estimatedValue),
                    FrenchText.euros(estimate.frameworkMaximum),
                ]
            })
        document.paragraph(
            "Total : \(FrenchText.euros(package.estimatedTotal)) \(package.netOfVATFR) estimés, \(FrenchText.euros(package.maximumTotal)) \(package.netOfVATFR) de maximum."
        )
        let prices = Set(
            package.lots.flatMap { [$0.estimate.referencePrice] + ($0.estimate.devicePrice.map { [$0] } ?? []) })
        document.table(
            header: ["Prix de référence", "Montant \(package.netOfVATFR)", "Unité", "Source", "Date"],
            rows: prices.sorted { $0.id < $1.id }.map {
                [
                    $0.id + ($0.isChosenDefault ? " (valeur par défaut)" : ""), FrenchText.euros($0.amount),
                    $0.unit.labelFR, $0.source, FrenchText.date($0.date),
                ]
            })
        if let vat = package.vatRule { document.paragraph("TVA : \(vat.ruleFR) (\(vat.source)).") }

        document.heading("3. Points à vérifier ou à compléter")
        var checks: [String] = []
        if let toVerify = tier.toVerify { checks.append("Seuil appliqué : \(toVerify)") }
        let (_, doubt) =
            package.lots.map { rules.lightRegime.regime(of: $0.theme.cpv) }.first { $0.unconfirmed != nil }
            ?? (.standard, nil)
        if let doubt { checks.append("Régime des codes CPV de formation informatique : \(doubt.noteFR)") }
        for price in prices.sorted(by: { $0.id < $1.id }) where price.isChosenDefault {
            checks.append(
                "Le prix de référence « \(price.id) » est une valeur par défaut de Parcours : remplacez-le par un prix constaté (procurement/prices.yaml)."
            )
        }
        if package.buyer.identifier == nil {
            checks.append(
                "Numéro d'identification de l'acheteur (\(package.country == .belgium ? "numéro d'entreprise BCE" : "SIRET")) à compléter dans procurement/buyers.yaml : les documents le montrent « à compléter » et l'avis eForms l'omet (cbc:CompanyID, champ BT-501, que TED exige pour l'acheteur comme pour chaque commune pour laquelle il agit)."
            )
        }
        if package.country == .france {
            for derogation in FrenchPackage.ccagDerogations where !derogation.confirmed {
                checks.append(
                    "CCAG-FCS, art. \(derogation.ccagArticles), cité à l'article \(derogation.ccapArticle) du CCAP : numérotation à confirmer dans l'arrêté du 30 mars 2021 avant publication."
                )
            }
        }
        if package.buyer.street.isEmpty { checks.append("Adresse de l'acheteur à compléter.") }
        checks.append(
            "Date limite de remise des offres, adresse de la plateforme de dépôt et instance de recours à ajouter avant publication."
        )
        for lot in package.lots where lot.groups.contains(where: \.belowMinimum) {
            checks.append(
                "\(lot.titleFR) : au moins un groupe est sous l'effectif minimal ; le garder, le regrouper avec un autre lot ou le retirer."
            )
        }
        document.bullets(checks)

        document.heading("4. Avis eForms")
        let validity: String
        switch noticeProblems {
        case .none: validity = "Le schéma eForms n'a pas été trouvé dans la configuration : l'avis n'a pas été validé."
        case .some(let problems) where problems.isEmpty:
            validity =
                "L'avis est valide au regard des schémas XSD du SDK eForms 1.15.1 (vérifié par Parcours avec libxml2)."
        case .some(let problems):
            validity =
                "L'avis n'est pas valide au regard des schémas XSD du SDK eForms 1.15.1 : \(problems.prefix(5).joined(separator: " ; "))."
        }
        document.paragraph(validity)
        document.emphasis(
            "Les règles Schematron de TED (champs obligatoires par sous-type, cohérence entre champs, codes) ne sont pas vérifiées par Parcours : faites valider l'avis par l'outil de saisie eForms ou l'API de validation de TED avant de le publier."
        )

        document.heading("5. Besoins non repris")
        document.bullets(
            [
                package.leftOut.withoutTheme > 0
                    ? "\(FrenchText.plural(package.leftOut.withoutTheme, "besoin")) sur des compétences qu'aucun thème ne couvre (procurement/themes.yaml)."
                    : nil,
                package.leftOut.removed > 0
                    ? "\(FrenchText.plural(package.leftOut.removed, "besoin")) retiré\(package.leftOut.removed > 1 ? "s" : "") par la coordination."
                    : nil,
                package.leftOut.outsideBuyer > 0
                    ? "\(FrenchText.plural(package.leftOut.outsideBuyer, "besoin")) d'agents de communes pour lesquelles l'acheteur n'agit pas."
                    : nil,
            ].compactMap { $0 }
                + package.leftOut.setAside.sorted { $0.key < $1.key }.map { reason, count in
                    "\(FrenchText.plural(count, "besoin")) qu'une session de catalogue pouvait prendre, écarté\(count > 1 ? "s" : "") par le plan : \(UnmetReasonGroups.describe(reason, in: .french)). Un nouveau marché n'y répondrait pas ; voir le plan de formation."
                })
        document.paragraph(
            "Le dossier ne contient aucun nom d'agent : les stagiaires y sont comptés par commune et par groupe ; les listes nominatives restent dans Parcours et sont transmises au titulaire avec chaque bon de commande."
        )
        return document
    }
}
