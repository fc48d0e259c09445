import ParcoursModel
import ParcoursTender

/// Administrative clauses both countries state in their own words: procedure, criteria, VAT, the ESPD.
struct AdministrativeSections {
    let package: TenderPackage

    var recommendation: ProcedureRecommendation { package.recommendation }

    /// The procedure chosen, the rule applied and its source.
    func procedure() -> [TextDocument.Block] {
        var document = TextDocument(fileName: "", title: "", subtitle: "")
        let tier = recommendation.tier
        document.paragraph("Procédure : \(tier.titleFR).")
        document.paragraph("\(tier.ruleFR) (\(tier.source)).")
        document.paragraph(
            "Montant maximum de l'accord-cadre, tous lots et toute sa durée : \(FrenchText.euros(recommendation.comparedValue)) hors TVA (valeur estimée des besoins connus : \(FrenchText.euros(recommendation.estimatedTotal)) hors TVA)."
        )
        document.paragraph(recommendation.regimeStatementFR)
        document.paragraph(
            recommendation.allowsNegotiation
                ? "\(package.buyerTermCapitalizedFR) se réserve la possibilité de négocier avec les soumissionnaires ayant remis une offre ; il peut aussi attribuer le marché sur la base des offres initiales, sans négociation."
                : "Aucune négociation n'est possible : \(package.buyerTermFR) peut seulement demander aux soumissionnaires de préciser ou de compléter la teneur de leur offre."
        )
        return document.blocks
    }

    func awardCriteria() -> [TextDocument.Block] {
        var document = TextDocument(fileName: "", title: "", subtitle: "")
        document.paragraph(
            "L'offre économiquement la plus avantageuse est déterminée pour chaque lot selon les critères suivants :")
        document.table(
            header: ["Critère", "Pondération", "Appréciation"],
            rows: package.buyer.awardCriteria.map { [$0.nameFR, "\($0.weight) %", $0.scoringFR] })
        return document.blocks
    }

    func vat() -> [TextDocument.Block] {
        guard let rule = package.vatRule else { return [] }
        return [.paragraph("\(rule.ruleFR) (\(rule.source)).")]
    }

    func frameworkTerms() -> [TextDocument.Block] {
        var document = TextDocument(fileName: "", title: "", subtitle: "")
        document.paragraph(
            "Chaque lot fait l'objet d'un accord-cadre avec un seul opérateur économique, exécuté par bons de commande, d'une durée de \(package.buyer.frameworkMonths) mois à compter de sa notification. Les quantités sont présumées ; le montant maximum de chaque lot est :"
        )
        document.table(
            header: ["Lot", "Intitulé", "Maximum \(package.netOfVATFR)"],
            rows: package.lots.map { ["\($0.number)", $0.titleFR, FrenchText.euros($0.estimate.frameworkMaximum)] })
        return document.blocks
    }

    /// The request for the European single procurement document (ESPD / DUME).
    func espdRequest(service: String, legislation: String) -> TextDocument {
        var document = TextDocument(
            fileName: "demande-dume", title: "Demande de Document unique de marché européen (DUME / ESPD)",
            subtitle: package.subjectAndBuyerFR)
        document.paragraph(
            "Le candidat présente sa candidature au moyen du DUME (règlement d'exécution (UE) 2016/7), rempli en ligne \(service). \(package.buyerTermCapitalizedFR) demande les parties suivantes :"
        )
        document.table(
            header: ["Partie", "Contenu demandé"],
            rows: [
                [
                    "I",
                    "Informations sur la procédure : reprises par \(package.buyerTermFR) (objet, lots, référence du présent dossier).",
                ],
                [
                    "II",
                    "Informations concernant l'opérateur économique : identification, représentants, recours à d'autres entités et sous-traitants.",
                ],
                [
                    "III",
                    "Motifs d'exclusion : A (condamnations pénales), B (impôts et cotisations sociales), C (insolvabilité, conflits d'intérêts, fautes professionnelles), D (motifs d'exclusion nationaux prévus par \(legislation)).",
                ],
                [
                    "IV",
                    "Critères de sélection : section C (capacités techniques et professionnelles) — liste des principales formations d'adultes aux outils numériques réalisées au cours des trois dernières années, avec montants, dates et destinataires publics ou privés ; titres et expérience des formateurs proposés.",
                ],
                ["VI", "Déclarations finales, datées et signées."],
            ])
        document.paragraph("Lots pour lesquels le candidat se présente :")
        document.bullets(package.lots.map(\.titleFR))
        document.paragraph(
            "Un groupement d'opérateurs remet un DUME par membre ; un sous-traitant dont les capacités sont invoquées remet aussi le sien. Les pièces justificatives ne sont demandées qu'à l'attributaire pressenti."
        )
        return document
    }
}
