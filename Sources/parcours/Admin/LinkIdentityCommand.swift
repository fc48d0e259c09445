import ArgumentParser
import Foundation
import ParcoursStore

/// `parcours admin link-identity --user ID --issuer URL --subject SUB`: lets the person with that
/// identity at the OpenID Connect provider sign in as Parcours user ID (with that user's role and scope).
struct LinkIdentityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link-identity",
        abstract: "Link an OpenID Connect identity (issuer and subject) to an existing user of the service.",
        discussion: """
            The identity provider alone grants nothing: only a linked identity signs in, as the user it is \
            linked to. The person sees the issuer and subject on the page Parcours shows when it is not linked yet.
            """)

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: "The Parcours user's id (GET /api/users).")
    var user: Int64

    @Option(name: .long, help: "The provider's issuer URL, as in its ID tokens.")
    var issuer: String

    @Option(name: .long, help: "The person's subject (sub) at the provider.")
    var subject: String

    func run() async throws {
        let language = options.language
        let store = try await options.openStore()
        guard try await options.reportingFailures({ try await store.users() }).contains(where: { $0.id == user })
        else {
            throw CommandFailure(lines: [
                language.pick("--user \(user) : aucun utilisateur de ce numéro", "--user \(user): no user with this id")
            ])
        }
        try await options.reportingFailures {
            try await store.linkIdentity(issuer: issuer, subject: subject, userID: user)
        }
        print(
            language.pick(
                "Identité reliée à l’utilisateur \(user).", "Identity linked to user \(user)."))
    }
}
