import ParcoursModel
import ParcoursTender

/// The price schedules of a package as spreadsheets whose totals are formulas: the Belgian *inventaire*,
/// the French BPU and DQE, and the buyer's confidential estimate (the same lines priced at the
/// reference prices).
struct PriceSchedules {
    let package: TenderPackage
    let rules: ProcurementRules

    /// A line of a lot's schedule: what is bought, in which unit, how much, at which reference price.
    struct Line {
        let designation: String
        let unit: String
        let quantity: Double
        let referencePrice: EuroAmount
    }

    func lines(of lot: TenderLot) -> [Line] {
        let price = lot.estimate.referencePrice
        var lines: [Line] = []
        switch price.unit {
        case .groupHour:
            lines.append(
                Line(
                    designation: lot.format == .remote
                        ? "Heure de formation en classe virtuelle pour un groupe (formateur, plateforme, supports)"
                        : "Heure de formation en présentiel pour un groupe (formateur, déplacements, supports)",
                    unit: price.unit.labelFR, quantity: lot.groupHours, referencePrice: price.amount))
        case .traineeDay, .deviceDay:
            lines.append(
                Line(
                    designation: lot.format == .remote
                        ? "Journée de formation en classe virtuelle par stagiaire"
                        : "Journée de formation par stagiaire",
                    unit: PriceUnit.traineeDay.labelFR, quantity: lot.traineeHours / rules.groups.hoursPerDay,
                    referencePrice: price.amount))
        }
        if lot.deviceDays > 0, let device = lot.estimate.devicePrice {
            lines.append(
                Line(
                    designation:
                        "Mise à disposition d'un ordinateur portable équipé, par stagiaire et par jour de formation",
                    unit: device.unit.labelFR, quantity: Double(lot.deviceDays), referencePrice: device.amount))
        }
        return lines
    }

    static let widths = [1.2, 9.0, 3.0, 2.6, 3.2, 3.4]

    /// One sheet per lot: quantities × unit prices (to be filled, or the reference prices), line totals
    /// and the lot total as formulas, then VAT and total including VAT; a summary sheet adds the lots up.
    func schedule(fileName: String, title: String, withQuantities: Bool, pricedAtReference: Bool) -> Spreadsheet {
        var spreadsheet = Spreadsheet(fileName: fileName, title: title)
        let vatRate = (package.vatRule?.standardRatePercent ?? 0) / 100
        var totals: [(sheet: String, row: Int, value: Double)] = []
        for lot in package.lots {
            var sheet = Spreadsheet.Sheet(name: "Lot \(lot.number)", widths: Self.widths)
            sheet.rows.append([.bold(lot.titleFR)])
            sheet.rows.append([
                .note(
                    "Prix hors TVA. \(pricedAtReference ? "Prix de référence de l'acheteur (document interne, ne pas diffuser)." : "Les cellules jaunes sont à compléter par le soumissionnaire.")"
                )
            ])
            sheet.rows.append(
                withQuantities
                    ? [
                        .header("N°"), .header("Désignation"), .header("Unité"), .header("Quantité présumée"),
                        .header("Prix unitaire \(package.netOfVATFR)"), .header("Total \(package.netOfVATFR)"),
                    ]
                    : [
                        .header("N°"), .header("Désignation"), .header("Unité"),
                        .header("Prix unitaire \(package.netOfVATFR)"),
                    ])
            let first = sheet.nextRow
            var sum = 0.0
            for (index, line) in lines(of: lot).enumerated() {
                let row = sheet.nextRow
                let price: Spreadsheet.Cell = pricedAtReference ? .euros(line.referencePrice.euros) : .input
                let value = pricedAtReference ? (line.quantity * line.referencePrice.euros * 100).rounded() / 100 : 0
                sum += value
                sheet.rows.append(
                    withQuantities
                        ? [
                            .text("\(lot.number).\(index + 1)"), .text(line.designation), .text(line.unit),
                            .number(line.quantity), price,
                            .formula("ROUND([.D\(row)]*[.E\(row)];2)", value: value, euros: true),
                        ]
                        : [.text("\(lot.number).\(index + 1)"), .text(line.designation), .text(line.unit), price])
            }
            guard withQuantities else {
                spreadsheet.sheets.append(sheet)
                continue
            }
            let last = sheet.nextRow - 1
            let totalRow = sheet.nextRow
            sheet.rows.append([
                .empty, .bold("Total \(package.netOfVATFR) du lot"), .empty, .empty, .empty,
                .formula("SUM([.F\(first):.F\(last)])", value: sum, euros: true),
            ])
            let vat = (sum * vatRate * 100).rounded() / 100
            sheet.rows.append([
                .empty, .text("TVA au taux normal (\(FrenchText.number(vatRate * 100)) %), sauf exonération déclarée"),
                .empty, .empty,
                .percent(vatRate), .formula("ROUND([.F\(totalRow)]*[.E\(totalRow + 1)];2)", value: vat, euros: true),
            ])
            sheet.rows.append([
                .empty, .bold("Total \(package.withVATFR) du lot"), .empty, .empty, .empty,
                .formula("[.F\(totalRow)]+[.F\(totalRow + 1)]", value: sum + vat, euros: true),
            ])
            totals.append((sheet.name, totalRow, sum))
            spreadsheet.sheets.append(sheet)
        }
        if withQuantities {
            var summary = Spreadsheet.Sheet(name: "Récapitulatif", widths: [1.2, 12.0, 3.4])
            summary.rows.append([.bold(title)])
            summary.rows.append([.header("Lot"), .header("Intitulé"), .header("Total \(package.netOfVATFR)")])
            let first = summary.nextRow
            for (lot, total) in zip(package.lots, totals) {
                summary.rows.append([
                    .number(Double(lot.number)), .text(lot.titleFR),
                    .formula("[$'\(total.sheet)'.F\(total.row)]", value: total.value, euros: true),
                ])
            }
            let last = summary.nextRow - 1
            summary.rows.append([
                .empty, .bold("Total \(package.netOfVATFR), tous lots"),
                .formula("SUM([.C\(first):.C\(last)])", value: totals.map(\.value).reduce(0, +), euros: true),
            ])
            spreadsheet.sheets.insert(summary, at: 0)
        }
        return spreadsheet
    }

    /// The buyer's internal estimate: the schedule priced at the reference prices, with the comparison to
    /// the catalogue median and the values retained.
    func estimate() -> Spreadsheet {
        var spreadsheet = schedule(
            fileName: "estimation-confidentielle", title: "Estimation du marché — document interne à l'acheteur",
            withQuantities: true, pricedAtReference: true)
        var method = Spreadsheet.Sheet(name: "Méthode", widths: [1.2, 7.5, 3.4, 3.4, 3.4, 3.4])
        method.rows.append([.bold("Valeurs retenues par lot (hors TVA)")])
        method.rows.append([
            .header("Lot"), .header("Intitulé"), .header("Prix de référence"), .header("Médiane catalogue"),
            .header("Valeur estimée"), .header("Maximum"),
        ])
        for lot in package.lots {
            let estimate = lot.estimate
            method.rows.append([
                .number(Double(lot.number)), .text(lot.titleFR),
                .euros((estimate.referenceAmount + estimate.equipmentAmount).euros),
                estimate.catalogueAmount.map { .euros(($0 + estimate.equipmentAmount).euros) }
                    ?? .text("aucun prix comparable"),
                .euros(estimate.estimatedValue.euros), .euros(estimate.frameworkMaximum.euros),
            ])
        }
        method.rows.append([.empty])
        method.rows.append([
            .note(
                "Valeur estimée = le plus élevé du montant aux prix de référence et du montant à la médiane des prix catalogue comparables (prix HT ou exonérés, par stagiaire-heure), équipement compris, arrondi à la centaine supérieure."
            )
        ])
        method.rows.append([
            .note(
                "Maximum = valeur estimée × \(FrenchText.number(package.buyer.frameworkMaximumFactor)), arrondi à la centaine supérieure ; c'est la somme des maximums qui est comparée aux seuils."
            )
        ])
        spreadsheet.sheets.append(method)
        return spreadsheet
    }

    /// The participating communes and their presumed quantities per lot.
    func communes() -> Spreadsheet {
        let participating = Dictionary(uniqueKeysWithValues: package.participatingCommunes.map { ($0.code, $0) })
        var sheet = Spreadsheet.Sheet(
            name: "Communes", widths: [2.0, 6.0, 2.0, 3.5] + package.lots.map { _ in 1.6 } + [2.0])
        sheet.rows.append([.bold("Communes pour lesquelles \(package.buyer.name) agit — stagiaires présumés par lot")])
        sheet.rows.append(
            [.header("Code"), .header("Commune"), .header("NUTS-3"), .header("Arrondissement")]
                + package.lots.map { .header("Lot \($0.number)") } + [.header("Total")])
        let first = sheet.nextRow
        let lastColumn = Spreadsheet.column(3 + package.lots.count)
        for commune in package.communesActedFor {
            let row = sheet.nextRow
            let counts = package.lots.map { lot in lot.communes.first { $0.code == commune.code }?.trainees ?? 0 }
            sheet.rows.append(
                [.text(commune.code), .text(commune.name), .text(commune.nuts3), .text(commune.arrondissement ?? "")]
                    + counts.map { .number(Double($0)) }
                    + [
                        .formula(
                            "SUM([.E\(row):.\(lastColumn)\(row)])",
                            value: Double(participating[commune.code]?.trainees ?? 0), euros: false)
                    ])
        }
        let last = sheet.nextRow - 1
        var totals: [Spreadsheet.Cell] = [.empty, .bold("Total"), .empty, .empty]
        for (index, lot) in package.lots.enumerated() {
            let column = Spreadsheet.column(4 + index)
            totals.append(
                .formula("SUM([.\(column)\(first):.\(column)\(last)])", value: Double(lot.trainees), euros: false))
        }
        let totalColumn = Spreadsheet.column(4 + package.lots.count)
        totals.append(
            .formula(
                "SUM([.\(totalColumn)\(first):.\(totalColumn)\(last)])",
                value: Double(package.lots.map(\.trainees).reduce(0, +)), euros: false))
        sheet.rows.append(totals)
        return Spreadsheet(fileName: "communes-participantes", title: "Communes participantes", sheets: [sheet])
    }
}
