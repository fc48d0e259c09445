import Foundation
import Testing

/// `parcours admin erase-agent` and `parcours admin purge`, as an operator runs them.
@Suite struct AdminErasureCommandTests {
    @Test func erasesAnAgentOnceAndCountsWhoTheRetentionPeriodWouldPurge() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = samples.appending(path: "namur/roster.csv").path
        let imported = try CommandRunner.run(["import", "roster", roster, "--database", "p.sqlite"], in: folder)
        #expect(imported.status == 0, "\(imported.standardError)")

        // A roster imported today is within the retention period.
        let dryRun = try CommandRunner.run(["admin", "purge", "--dry-run", "--database", "p.sqlite"], in: folder)
        #expect(dryRun.status == 0, "\(dryRun.standardError)")
        #expect(
            dryRun.standardOutput
                == "0 agent(s) sans nouvelles depuis plus de 36 mois : seraient effacés (rien n’est modifié)\n")

        let erase = ["admin", "erase-agent", "--commune", "92045", "--agent", "92045-00002", "--database", "p.sqlite"]
        let erased = try CommandRunner.run(erase, in: folder)
        #expect(erased.status == 0, "\(erased.standardError)")
        #expect(
            erased.standardOutput.hasPrefix(
                "Effacé : 1 agent(s), 0 participation(s) Pix rattachée(s), 0 plan(s) réécrit(s)\n"))
        let again = try CommandRunner.run(erase, in: folder)
        #expect(again.status == 1)
        #expect(again.standardError == "aucun agent 92045-00002 dans le registre de la commune 92045\n")
    }
}
