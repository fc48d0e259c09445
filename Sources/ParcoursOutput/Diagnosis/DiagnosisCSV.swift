import Foundation
import ParcoursCSV
import ParcoursDiagnose
import ParcoursModel

/// The diagnosis as CSV tables for Excel (through the project's one writer, `CSVWriter`; French
/// conventions in French, comma and decimal point in English):
/// `groups.csv` (a row per territory, commune and job family), `gaps.csv` (a row per group and
/// competence, for pivot tables) and `needs.csv` (a row per need of an agent, pseudonymised
/// unless the report is a commune's own). Hidden figures are empty cells.
public enum DiagnosisCSV {
    /// The tables, by file name.
    public static func tables(_ report: DiagnosisReport) -> [(name: String, data: Data)] {
        [("groups.csv", groups(report)), ("gaps.csv", gaps(report)), ("needs.csv", needs(report))]
    }

    static func groups(_ report: DiagnosisReport) -> Data {
        let l = report.language
        let writer = SpreadsheetCSV.writer(report.language)
        writer.write([
            l.pick("Territoire", "Territory"), l.pick("Niveau", "Level"), l.pick("Code", "Code"),
            l.pick("Nom", "Name"), l.pick("Agents", "Agents"), l.pick("Évalués", "Assessed"),
            l.pick("Fragiles", "Fragile"), l.pick("Part de fragiles", "Share fragile"),
        ])
        for (diagnosis, label, aggregate) in groupRows(report) {
            writer.write([
                .text(diagnosis.territory.id), .text(label.kind), .text(GroupNaming.code(aggregate.scope)),
                .text(label.name), .integer(aggregate.agents), .integer(aggregate.assessed),
                aggregate.fragile.map(CSVCell.integer) ?? .empty,
                aggregate.fragileShare.map { .decimal($0, fractionDigits: 3) } ?? .empty,
            ])
        }
        return writer.data
    }

    static func gaps(_ report: DiagnosisReport) -> Data {
        let l = report.language
        let writer = SpreadsheetCSV.writer(report.language)
        writer.write([
            l.pick("Territoire", "Territory"), l.pick("Niveau", "Level"), l.pick("Code", "Code"),
            l.pick("Nom", "Name"), l.pick("Compétence", "Competence"), l.pick("Intitulé", "Title"),
            l.pick("Agents visés", "Agents targeted"), l.pick("Sous le niveau visé", "Below target"),
            l.pick("Part sous le niveau visé", "Share below target"), l.pick("Écart moyen", "Mean gap"),
            l.pick("Niveaux estimés", "Estimated levels"),
        ])
        for (diagnosis, label, aggregate) in groupRows(report) {
            for cell in aggregate.competences {
                let share = cell.belowTarget.map { Double($0) / Double(max(1, cell.agentsWithTarget)) }
                writer.write([
                    .text(diagnosis.territory.id), .text(label.kind), .text(GroupNaming.code(aggregate.scope)),
                    .text(label.name), .text(cell.competence.rawValue), .text(report.competenceTitle(cell.competence)),
                    .integer(cell.agentsWithTarget), cell.belowTarget.map(CSVCell.integer) ?? .empty,
                    share.map { .decimal($0, fractionDigits: 3) } ?? .empty,
                    cell.meanGap.map { .decimal($0, fractionDigits: 2) } ?? .empty,
                    cell.estimated.map(CSVCell.integer) ?? .empty,
                ])
            }
        }
        return writer.data
    }

    static func needs(_ report: DiagnosisReport) -> Data {
        let l = report.language
        let writer = SpreadsheetCSV.writer(report.language)
        var header = [l.pick("Territoire", "Territory")]
        header +=
            report.namesAgents
            ? [l.pick("Matricule", "Id"), l.pick("Nom", "Last name"), l.pick("Prénom", "First name")]
            : [l.pick("Pseudonyme", "Pseudonym")]
        header += [
            l.pick("Commune", "Commune"), l.pick("Famille de métiers", "Job family"),
            l.pick("Compétence", "Competence"), l.pick("Intitulé", "Title"), l.pick("Niveau actuel", "Current level"),
            l.pick("Source du niveau", "Level source"), l.pick("Niveau visé", "Target level"), l.pick("Écart", "Gap"),
            l.pick("Priorité", "Priority"), l.pick("Poids", "Weight"),
        ]
        writer.write(header)
        for diagnosis in report.territories {
            for agent in report.listedAgents(of: diagnosis) {
                var identity: [CSVCell] = [.text(report.identifier(of: agent.agent))]
                if report.namesAgents { identity += [.text(agent.agent.lastName), .text(agent.agent.firstName)] }
                for standing in agent.standings where standing.gap > 0 {
                    writer.write(
                        [.text(diagnosis.territory.id)] + identity + [
                            .text(report.communeName(agent.agent.communeCode)),
                            .text(report.familyName(agent.agent.jobFamilyID)),
                            .text(standing.competence.rawValue), .text(report.competenceTitle(standing.competence)),
                            .integer(standing.current.level), .text(report.levelSourceLabel(standing.current.source)),
                            .integer(standing.targetLevel), .integer(standing.gap), .decimal(standing.priority),
                            .decimal(standing.weight, fractionDigits: 2),
                        ])
                }
            }
        }
        return writer.data
    }

    /// Every group of the report with its kind and name, territory first, then communes, then
    /// job families; a commune's own report keeps its territory, itself and the job families.
    private static func groupRows(_ report: DiagnosisReport)
        -> [(TerritoryDiagnosis, (kind: String, name: String), GroupAggregate)]
    {
        var rows: [(TerritoryDiagnosis, (kind: String, name: String), GroupAggregate)] = []
        for diagnosis in report.territories {
            rows.append(
                (
                    diagnosis,
                    (report.language.pick("territoire", "territory"), report.territoryName(diagnosis.territory)),
                    diagnosis.overall
                ))
            for aggregate in diagnosis.communes {
                let code = GroupNaming.code(aggregate.scope)
                if case .commune(let own) = report.audience, own != code { continue }
                rows.append(
                    (diagnosis, (report.language.pick("commune", "commune"), report.communeName(code)), aggregate))
            }
            for aggregate in diagnosis.jobFamilies {
                let name = report.familyName(GroupNaming.code(aggregate.scope))
                rows.append((diagnosis, (report.language.pick("métier", "job family"), name), aggregate))
            }
        }
        return rows
    }
}
