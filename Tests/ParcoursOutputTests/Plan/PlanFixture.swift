import Foundation
import ParcoursModel
import ParcoursOutput
import ParcoursSolver

/// A small hand-made planning problem, solved by the engine: two Namur communes and one of Bastia,
/// sessions that fill, one that cannot reach its minimum, one too far, one for statutory staff only,
/// one that needs a smartphone, and a remote one.
enum PlanFixture {
    static let c31 = CompetenceCode("3.1")
    static let c41 = CompetenceCode("4.1")

    static let framework = CompetenceFramework(
        areas: [
            CompetenceArea(
                code: "3", titleFR: "Création de contenus", titleEN: "Content creation",
                competences: [
                    Competence(
                        code: c31, titleFR: "Développer des documents textuels", titleEN: "Develop text documents")
                ]),
            CompetenceArea(
                code: "4", titleFR: "Protection et sécurité", titleEN: "Protection and security",
                competences: [
                    Competence(
                        code: c41, titleFR: "Sécuriser l’environnement numérique",
                        titleEN: "Secure the digital environment")
                ]),
        ], levels: [])

    static let andenne = Commune(
        code: "92003", name: "Andenne", postalCodes: ["5300"],
        coordinate: Coordinate(latitude: 50.4896, longitude: 5.0943),
        population: 27_000, nuts3: "BE352", arrondissement: "Namur")
    static let namurCity = Commune(
        code: "92094", name: "Namur", postalCodes: ["5000"],
        coordinate: Coordinate(latitude: 50.4669, longitude: 4.8675),
        population: 113_000, nuts3: "BE352", arrondissement: "Namur")
    static let gesves = Commune(
        code: "92054", name: "Gesves", postalCodes: ["5340"],
        coordinate: Coordinate(latitude: 50.4017, longitude: 5.0753),
        population: 7_300, nuts3: "BE352", arrondissement: "Namur")
    static let bastia = Commune(
        code: "2B033", name: "Bastia", postalCodes: ["20200"],
        coordinate: Coordinate(latitude: 42.6973, longitude: 9.4509),
        population: 48_000, nuts3: "FRM02", arrondissement: nil)

    static let namur = Territory(
        id: "namur", name: "Province de Namur", country: .belgium, circuityFactor: 1.3,
        communes: [andenne, namurCity, gesves],
        statuses: [
            EmploymentStatus(id: "statutaire", labelFR: "Statutaire", labelEN: "Statutory"),
            EmploymentStatus(id: "contractuel", labelFR: "Contractuel", labelEN: "Contract"),
        ], nameEN: "Province of Namur",
        circuity: Circuity(factor: 1.3, shortTripBelowKilometres: 5, shortTripFactor: 1.5))
    static let bastiaTerritory = Territory(
        id: "bastia", name: "CA de Bastia", country: .france, circuityFactor: 1.4, communes: [bastia],
        statuses: [EmploymentStatus(id: "titulaire", labelFR: "Titulaire", labelEN: "Tenured")], nameEN: "Bastia")

    static let lastNames = [
        "Dubois", "Lambert", "Peeters", "Martin", "Leroy", "Renard", "Dupont", "Lejeune", "Simon", "Laurent",
        "Mercier", "Collin", "Santoni", "Filippi",
    ]

    static func agents() -> [PlanningAgent] {
        lastNames.enumerated().map { index, lastName in
            let commune = index < 6 ? andenne : index < 10 ? namurCity : index < 12 ? gesves : bastia
            let territory = commune.code == bastia.code ? bastiaTerritory : namur
            let agent = Agent(
                externalID: "M\(100 + index)", lastName: lastName, firstName: index % 2 == 0 ? "Camille" : "Alex",
                communeCode: commune.code, jobFamilyID: "administrative",
                statusID: commune.code == bastia.code ? "titulaire" : index % 3 == 0 ? "contractuel" : "statutaire",
                equipment: index % 4 == 0 ? [.workComputer] : [.workComputer, .smartphone, .homeInternet],
                workingTime: 1, workingDays: [.monday, .tuesday, .wednesday, .thursday, .friday], hasCar: index != 5,
                maximumTravelKilometres: 40, unavailable: [], languages: ["fr"])
            return PlanningAgent(
                agent: agent, origin: commune.coordinate, circuity: territory.circuity, publicHolidays: [])
        }
    }

    static func needs() -> [Need] {
        lastNames.indices.flatMap { index -> [Need] in
            var needs = [
                Need(
                    agentID: "M\(100 + index)", competence: c31, currentLevel: index % 3, targetLevel: 3,
                    levelSource: .measured, weight: Double(3 - index % 3))
            ]
            if index % 2 == 0 {
                needs.append(
                    Need(
                        agentID: "M\(100 + index)", competence: c41, currentLevel: 1, targetLevel: 3,
                        levelSource: .estimated, weight: 2))
            }
            return needs
        }
    }

    static func course(_ id: String, _ provider: String, _ title: String, _ code: CompetenceCode, hours: Double)
        -> Course
    {
        Course(
            id: id, providerID: provider, title: title, objectives: "", content: "",
            competences: [TaughtCompetence(code: code, entryLevel: 0, exitLevel: 3, source: .declared, confidence: 1)],
            hours: hours, price: nil, format: .onSite, language: "fr")
    }

    static let courses = [
        course("WORD", "technobel", "Traitement de texte : bien démarrer", c31, hours: 7),
        course("SECU", "technobel", "Sécurité numérique au quotidien", c41, hours: 3.5),
        course("CNFPT-TXT", "cnfpt", "Écrire des documents administratifs", c31, hours: 7),
    ]

    static func day(_ month: Int, _ day: Int, _ start: Int, _ end: Int) -> SessionDay {
        SessionDay(day: CalendarDay(year: 2027, month: month, day: day), startMinute: start, endMinute: end)
    }

    static let andenneHall = Venue(
        name: "Hôtel de ville d’Andenne", address: "Place des Tilleuls 1, 5300 Andenne", communeCode: "92003",
        coordinate: Coordinate(latitude: 50.4890, longitude: 5.0950))
    static let namurHall = Venue(
        name: "Espace Rogier", address: "Rue de Fer 42, 5000 Namur", communeCode: "92094",
        coordinate: Coordinate(latitude: 50.4660, longitude: 4.8660))

    static func sessions() -> [TrainingSession] {
        func session(
            _ id: String, _ course: String, _ days: [SessionDay], _ venue: Venue?, minimum: Int, maximum: Int,
            fixed: Double, seat: Double, provided: Set<Equipment> = [.workComputer], required: Set<Equipment> = [],
            statuses: Set<String> = []
        ) -> TrainingSession {
            TrainingSession(
                id: id, courseID: course, days: days, venue: venue, minimumSeats: minimum, maximumSeats: maximum,
                fixedCost: fixed, seatCost: seat, equipmentProvided: provided, equipmentRequired: required,
                eligibleStatuses: statuses, registration: nil)
        }
        return [
            session(
                "WORD-AND-1", "WORD", [day(3, 15, 540, 750), day(3, 22, 540, 750)], andenneHall, minimum: 3, maximum: 6,
                fixed: 900, seat: 20),
            session(
                "WORD-NAM-1", "WORD", [day(3, 16, 780, 990)], namurHall, minimum: 3, maximum: 5, fixed: 600, seat: 15),
            session(
                "SECU-NAM-1", "SECU", [day(4, 12, 540, 750)], namurHall, minimum: 2, maximum: 8, fixed: 400, seat: 10,
                required: [.smartphone, .workComputer]),
            session(
                "SECU-AND-STAT", "SECU", [day(4, 13, 540, 750)], andenneHall, minimum: 2, maximum: 8, fixed: 350,
                seat: 10, statuses: ["statutaire"]),
            session(
                "CNFPT-TXT-BASTIA", "CNFPT-TXT", [day(5, 4, 540, 1020)],
                Venue(
                    name: "Délégation CNFPT", address: "Rue Luce de Casabianca, 20200 Bastia", communeCode: "2B033",
                    coordinate: Coordinate(latitude: 42.7030, longitude: 9.4490)), minimum: 1, maximum: 12, fixed: 0,
                seat: 0),
            session("SECU-REMOTE", "SECU", [day(6, 1, 540, 750)], nil, minimum: 1, maximum: 30, fixed: 150, seat: 5),
            session(
                "WORD-FAR", "WORD", [day(9, 6, 540, 750)],
                Venue(
                    name: "Centre culturel", address: "Rue de la Gare, 6600 Bastogne", communeCode: nil,
                    coordinate: Coordinate(latitude: 50.0000, longitude: 5.7167)), minimum: 8, maximum: 10, fixed: 900,
                seat: 20),
        ]
    }

    static let policy = PlanningPolicy(
        valuePerWeight: 400, travelCostPerKilometre: 0.3, noCarMaximumKilometres: 10, trainingHoursPerFullTime: 35,
        timeLimitSeconds: 2, seed: 7)

    static let problem = PlanningProblem(
        agents: agents(), needs: needs(), courses: courses, sessions: sessions(),
        planningDate: CalendarDay(year: 2027, month: 1, day: 10), policy: policy)

    /// The engine's plan of the problem, solved once for every test.
    static let plan = TrainingPlanner(problem: problem).solve()

    static let providers = [
        CatalogueProvider(id: "technobel", name: "Technobel", siret: nil, belgianCompanyNumber: nil, country: .belgium),
        CatalogueProvider(id: "cnfpt", name: "CNFPT", siret: nil, belgianCompanyNumber: nil, country: .france),
    ]

    static func context(_ language: Language = .french) -> PlanContext {
        PlanContext(
            plan: plan, problem: problem, territories: [namur, bastiaTerritory], framework: framework,
            families: [
                JobFamily(
                    id: "administrative", nameFR: "Gestionnaires administratifs", nameEN: "Administrative managers",
                    targets: [c31: 3, c41: 3], priorities: [c31: 1, c41: 1])
            ],
            providers: providers, language: language, pseudonymizer: Pseudonymizer(secret: Array("fixture".utf8)),
            minimumCellSize: 1, generatedAt: Date(timeIntervalSince1970: 1_800_000_000), planID: "plan-1")
    }
}

/// A re-plan of the fixture's plan after its first open session was cancelled, solved by the engine with
/// the other assignments pinned, and its changes.
enum ReplanFixture {
    static var cancelled: String { PlanFixture.plan.sessions[0].sessionID }

    static let problem: PlanningProblem = {
        var problem = PlanFixture.problem
        problem.sessions.removeAll { $0.id == cancelled }
        problem.previousAssignments = PlanFixture.plan.assignments.filter { $0.sessionID != cancelled }.map {
            PreviousAssignment(agentID: $0.agentID, competence: $0.competence, sessionID: $0.sessionID, isPinned: true)
        }
        return problem
    }()

    static let plan = TrainingPlanner(problem: problem).solve()

    /// Kept, moved, dropped and added, assignment by assignment; a move or drop off the cancelled session
    /// has that cause.
    static let changes: PlanChanges = {
        let now = Dictionary(plan.assignments.map { ("\($0.agentID)|\($0.competence)", $0) }) { first, _ in first }
        let unmet = Dictionary(plan.unmetNeeds.map { ("\($0.need.agentID)|\($0.need.competence)", $0.reasons) }) {
            first, _ in first
        }
        var kept: [PlanAssignment] = []
        var moved: [PlanChanges.Moved] = []
        var dropped: [PlanChanges.Dropped] = []
        for previous in PlanFixture.plan.assignments {
            let key = "\(previous.agentID)|\(previous.competence)"
            let cause: ChangeCause? = previous.sessionID == cancelled ? .sessionCancelled(cancelled) : nil
            if let current = now[key] {
                if current.sessionID == previous.sessionID {
                    kept.append(current)
                } else {
                    moved.append(PlanChanges.Moved(previous: previous, current: current, cause: cause))
                }
            } else {
                dropped.append(PlanChanges.Dropped(previous: previous, cause: cause, reasons: unmet[key] ?? []))
            }
        }
        let before = Set(PlanFixture.plan.assignments.map { "\($0.agentID)|\($0.competence)" })
        return PlanChanges(
            kept: kept, moved: moved, dropped: dropped,
            added: plan.assignments.filter { !before.contains("\($0.agentID)|\($0.competence)") })
    }()

    static func context(_ language: Language = .french) -> PlanContext {
        let first = PlanFixture.context(language)
        return PlanContext(
            plan: plan, problem: problem, territories: first.territories, framework: first.framework,
            families: first.families, providers: first.providers, language: language,
            pseudonymizer: first.pseudonymizer, minimumCellSize: 1, generatedAt: first.generatedAt, planID: "plan-2",
            revision: 1,
            changes: PlanRevisionChanges(
                previousPlanID: "plan-1", previousProblem: PlanFixture.problem, changes: changes))
    }
}
