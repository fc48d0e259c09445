import ArgumentParser
import Foundation
import ParcoursConfig
import ParcoursModel
import ParcoursSynthetic

/// `parcours generate`: writes a synthetic population (Pix Orga exports and a roster) for a territory.
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic, seeded population of agents: Pix Orga exports and a roster.",
        discussion: """
            Agents are invented (about 1.5 per 100 inhabitants per commune, the job-family mix of a commune,
            levels calibrated on the 2020 survey: about two thirds below what their work needs). The same seed
            gives the same files. Each commune is a Pix organisation: pix/<code>-collecte-profils.csv and
            pix/<code>-evaluation-cybersecurite.csv, then roster.csv for all the communes drawn.
            """)

    @OptionGroup var options: GlobalOptions

    @Option(help: "The territory: an id of Config/territories.yaml (namur, bastia).")
    var territory: String

    @Option(help: "The folder to write into (created if missing).")
    var out: String

    @Option(help: "Seed of the random draw: the same seed gives the same files.")
    var seed: UInt64 = 1

    @Option(
        help: "Only these communes (NIS or INSEE codes, comma-separated); default: every commune of the territory.")
    var communes: String?

    @Option(help: "Agents per 100 inhabitants.")
    var rate: Double = 1.5

    @Option(help: "First day of the planning period in which unavailability is drawn (YYYY-MM-DD).")
    var periodStart: String = "2027-01-04"

    @Option(help: "Last day of that period (YYYY-MM-DD).")
    var periodEnd: String = "2027-06-30"

    func run() async throws {
        let language = options.language
        let configuration = try options.loadConfiguration()
        guard let territory = configuration.territory(id: territory) else {
            let known = configuration.territories.map(\.id).joined(separator: ", ")
            throw CommandFailure(lines: [
                language.pick(
                    "--territory : territoire inconnu « \(self.territory) » (connus : \(known))",
                    "--territory: unknown territory \"\(self.territory)\" (known: \(known))")
            ])
        }
        guard let first = CalendarDay(iso: periodStart), let last = CalendarDay(iso: periodEnd), first <= last else {
            throw CommandFailure(lines: [
                language.pick(
                    "--period-start / --period-end : deux dates AAAA-MM-JJ dans l'ordre",
                    "--period-start / --period-end: two dates YYYY-MM-DD in order")
            ])
        }
        guard rate > 0, rate.isFinite else {
            throw CommandFailure(lines: [language.pick("--rate : un nombre positif", "--rate: a positive number")])
        }
        let codes = communes?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let population: SyntheticPopulation
        do {
            population = try SyntheticPopulation(
                territory: territory, communes: codes, jobFamilies: configuration.jobFamilies,
                framework: configuration.framework, period: DayRange(first: first, last: last), seed: seed,
                agentsPer100Inhabitants: rate)
        } catch {
            throw CommandFailure(lines: ["generate: \(error)"])
        }
        let summary: SampleWriter.Summary
        do {
            summary = try SampleWriter.write(
                population, framework: configuration.framework, to: URL(fileURLWithPath: out))
        } catch {
            throw CommandFailure(lines: ["\(out): \(error)"])
        }
        print(
            language.pick(
                "\(summary.agents) agents dans \(population.communes.count) communes ; \(summary.profileRows) lignes de collecte de profils, \(summary.assessmentRows) d'évaluation ; \(summary.files.count) fichiers dans \(out)",
                "\(summary.agents) agents in \(population.communes.count) communes; \(summary.profileRows) profiles-collection rows, \(summary.assessmentRows) assessment rows; \(summary.files.count) files in \(out)"
            ))
    }
}
