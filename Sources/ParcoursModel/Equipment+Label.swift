extension Equipment {
    /// The equipment's name for people: `ordinateur`, `tablette`… or `computer`, `tablet`….
    public func label(in language: Language) -> String {
        switch self {
        case .workComputer: language.pick("ordinateur", "computer")
        case .tablet: language.pick("tablette", "tablet")
        case .smartphone: language.pick("smartphone", "smartphone")
        case .homeInternet: language.pick("connexion Internet", "internet connection")
        }
    }
}
