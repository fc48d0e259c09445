import ParcoursStore

/// Who may call a route: its roles. Scope (which territory, commune or provider) is checked by the route
/// against the ids it is asked about, since only it knows them.
struct AccessRule: Sendable {
    let roles: Set<Role>

    init(_ roles: Role...) {
        self.roles = Set(roles)
    }

    /// The signed-in user when their role may call the route: 401 when nobody is signed in, 403 for
    /// another role.
    func user(of context: ServiceRequestContext) throws -> UserAccount {
        guard let user = context.user else { throw APIError.unauthorized }
        guard roles.contains(user.role) else { throw APIError.forbidden }
        return user
    }
}
