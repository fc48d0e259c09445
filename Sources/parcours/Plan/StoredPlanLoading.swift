import ArgumentParser
import ParcoursModel
import ParcoursStore
import ParcoursWorkflow

extension PlanReference: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension GlobalOptions {
    /// The stored plan `reference` names, with its record; a plain failure when there is none.
    func loadPlan(_ reference: PlanReference, from store: some PlanStore, territoryID: String? = nil) async throws
        -> (StoredPlan, PlanRecord)
    {
        guard let stored = try await reportingFailures({ try await store.plan(reference, territoryID: territoryID) })
        else {
            throw CommandFailure(lines: [
                language.pick(
                    "aucun plan \(reference) dans \(databaseName) : faites-en un avec « parcours plan »",
                    "no plan \(reference) in \(databaseName): make one with 'parcours plan'")
            ])
        }
        do {
            return (stored, try PlanRecord(stored: stored))
        } catch {
            throw CommandFailure(lines: [error.message(in: language)])
        }
    }

    /// The day of `--date` (YYYY-MM-DD), nil when not given; a plain failure when it is no date.
    func planningDate(_ text: String?) throws -> CalendarDay? {
        guard let text else { return nil }
        guard let day = CalendarDay(iso: text) else {
            throw CommandFailure(lines: [
                language.pick(
                    "--date : date invalide (AAAA-MM-JJ) : \(text)", "--date: invalid date (YYYY-MM-DD): \(text)")
            ])
        }
        return day
    }
}
