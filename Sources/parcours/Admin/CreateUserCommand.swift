import ArgumentParser
import Foundation
import ParcoursService
import ParcoursStore

extension Role: ExpressibleByArgument {}

/// `parcours admin create-user --role R [--territory T] [--commune C] [--provider P] --name N`: a user of
/// the service with one role and its scope, checked against Config. Prints the user's token once on
/// stdout: the database keeps only its hash.
struct CreateUserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-user",
        abstract: "Create a user of the service and print its token (shown once, kept only as a hash).")

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: "coordinator, commune-hr, provider, procurement or admin.")
    var role: Role

    @Option(name: .long, help: "The territory (for coordinator and procurement), an id of Config/territories.yaml.")
    var territory: String?

    @Option(name: .long, help: "The commune (for commune-hr): its NIS or INSEE code.")
    var commune: String?

    @Option(name: .long, help: "The provider (for provider): its identity in the catalogues.")
    var provider: String?

    @Option(name: .long, help: "The user's name, as people recognise it.")
    var name: String

    func run() async throws {
        let language = options.language
        let configuration = try options.loadConfiguration()
        if let territory, configuration.territory(id: territory) == nil {
            throw CommandFailure(lines: [
                language.pick(
                    "--territory \(territory) : territoire inconnu de Config/territories.yaml",
                    "--territory \(territory): not a territory of Config/territories.yaml")
            ])
        }
        if let commune, configuration.territory(ofCommune: commune) == nil {
            throw CommandFailure(lines: [
                language.pick(
                    "--commune \(commune) : commune inconnue des territoires de Config/territories.yaml",
                    "--commune \(commune): not a commune of the territories in Config/territories.yaml")
            ])
        }
        let user: NewUser
        do {
            user = try NewUser(
                name: name, role: role, territoryID: territory, communeCode: commune, providerID: provider)
        } catch {
            throw CommandFailure(lines: [error.message])
        }
        let store = try await options.openStore()
        let token = AccessToken.generate()
        try await options.reportingFailures {
            let account = try await store.createUser(user)
            try await store.addToken(hash: AccessToken.hash(token), kind: .api, userID: account.id, expiresAt: nil)
        }
        print(token)
    }
}
