/// What an agent needs to follow a remote session, from the roster's equipment.
extension Agent {
    /// A device to follow a remote session on: a work computer or a tablet.
    public var hasRemoteDevice: Bool { !equipment.isDisjoint(with: [.workComputer, .tablet]) }

    /// A connection: home internet, or the one the work computer comes with.
    public var hasConnection: Bool { !equipment.isDisjoint(with: [.homeInternet, .workComputer]) }

    /// A device and a connection: what a remote session needs.
    public var hasRemoteAccess: Bool { hasRemoteDevice && hasConnection }
}
