import Foundation
import ParcoursModel
import ParcoursOutput
import ParcoursSolver
import Testing

/// How the engine's facts read, in French and English, and where the documents show them: the nearest
/// change of each unmet need, what a re-plan changed.
@Suite struct PlanWordingTests {
    static let french = PlanWording(context: PlanFixture.context())
    static let english = PlanWording(context: PlanFixture.context(.english))

    @Test func eligibilityFailuresReadAsSentences() {
        let travel = EligibilityFailure.travel(
            straightLineKilometres: 111.2, circuityFactor: 1.3, roadKilometres: 144.56, agentLimitKilometres: 140,
            noCarLimitKilometres: nil, limitKilometres: 140)
        #expect(
            Self.french.failure(travel)
                == "144,6\u{A0}km par la route (111,2\u{A0}km à vol d’oiseau × 1,3), au-delà de la limite de 140\u{A0}km de l’agent"
        )
        let noCar = EligibilityFailure.travel(
            straightLineKilometres: 40, circuityFactor: 1.5, roadKilometres: 60, agentLimitKilometres: 200,
            noCarLimitKilometres: 30, limitKilometres: 30)
        #expect(Self.english.failure(noCar).hasSuffix("beyond the 30\u{A0}km limit for agents without a car"))
        #expect(
            Self.french.failure(.status(statusID: "apprenti", eligibleStatuses: ["contractuel", "titulaire"]))
                == "statut apprenti non admis (admis : contractuel, titulaire)")
        let ascension = PublicHoliday(
            day: CalendarDay(year: 2027, month: 5, day: 6), nameFR: "Ascension", nameEN: "Ascension Day",
            kind: .legal)
        #expect(
            Self.english.failure(.publicHoliday(holidays: [ascension]))
                == "public holiday: Thursday 6 May 2027 (Ascension Day)")
        #expect(
            Self.french.failure(
                .levelFit(competence: PlanFixture.c41, currentLevel: 1, targetLevel: 3, entryLevel: nil, exitLevel: nil)
            )
                == "le cours n’enseigne pas « Sécuriser l’environnement numérique »")
    }

    @Test func aReasonNamesItsSessionByCourseDateAndPlace() {
        let reason = UnmetReason.capacity(sessionID: "WORD-NAM-1", maximumSeats: 5, waitlistPosition: 2)
        #expect(
            Self.french.reason(reason)
                == "Traitement de texte : bien démarrer — mardi 16 mars 2027, Espace Rogier (Namur) : complète (5 places), liste d’attente n° 2"
        )
        #expect(Self.english.labels(reason) == "session full")
    }

    @Test func nearestChangesSayTheSettingWantedAndTodays() {
        let travel = NearestChange.travelLimit(sessionID: "WORD-NAM-1", kilometres: 41.2, currentLimit: 35)
        #expect(
            Self.french.nearestChange(travel).hasPrefix(
                "serait couvert avec une limite de trajet de 42\u{A0}km au lieu de 35\u{A0}km (session Traitement de texte"
            ))
        #expect(
            Self.english.nearestChange(travel).hasPrefix(
                "would be met with a travel limit of 42\u{A0}km instead of 35\u{A0}km"))
        let grouped = Self.french.nearestChanges([
            travel, .travelLimit(sessionID: "WORD-AND-1", kilometres: 38, currentLimit: 35),
            .moreSeats(sessionID: "WORD-NAM-1", seats: 2, maximumSeats: 5),
        ])
        #expect(grouped.map(\.needs) == [2, 1])
        #expect(grouped.first?.change == "une limite de trajet de 38\u{A0}km à 42\u{A0}km au lieu de 35\u{A0}km")
    }

    @Test func summariesWordTheFactsTheEngineGives() {
        let need = Need(
            agentID: "M100", competence: PlanFixture.c31, currentLevel: 3, targetLevel: 4, levelSource: .measured,
            weight: 1)
        let explanation = UnmetNeedExplanation(
            need: need, communeCode: "92003", reasons: [], summary: .noCourseAbove(level: 3), nearestChange: nil,
            constraintNames: ["level-fit"])
        #expect(
            Self.english.summary(explanation)
                == "no course teaches “Develop text documents” above level 3 (the agent is at level 3)")
        #expect(Self.french.cause(nil) == "choix du plan (meilleur regroupement)")
        #expect(Self.english.cause(.agentRemoved) == "agent removed from the plan")
    }

    /// Each unmet need with a nearest change shows it, worded, in its commune's document; the report puts
    /// them together without naming anyone.
    @Test func documentsShowTheNearestChangeOfEachUnmetNeed() throws {
        let context = PlanFixture.context()
        let explainer = PlanExplainer(problem: context.problem, plan: context.plan)
        let withChange = context.plan.unmetNeeds.compactMap { unmet in
            explainer.explain(unmet).nearestChange.map { (unmet, $0) }
        }
        #expect(!withChange.isEmpty, "the fixture must have a need a single change would cover")
        for (unmet, change) in withChange {
            let commune = PlanCommuneHTML.render(context, commune: try #require(unmet.communeCode))
            #expect(commune.contains(HTMLText.escape(Self.french.nearestChange(change))))
        }
        let report = PlanReportHTML.render(context)
        #expect(report.contains("Ce qu’un seul changement couvrirait"))
        for (line, needs) in Self.french.nearestChanges(withChange.map(\.1)) {
            #expect(report.contains(HTMLText.escape(line)) && needs > 0)
        }
    }

    /// After a re-plan, the report counts what changed by cause and each commune lists its own agents
    /// concerned, by name.
    @Test func documentsOfAReplanSayWhatChanged() throws {
        let changes = ReplanFixture.changes
        #expect(!changes.moved.isEmpty || !changes.dropped.isEmpty, "cancelling an open session changes something")
        let context = ReplanFixture.context()
        let report = PlanReportHTML.render(context)
        #expect(report.contains("Ce que cette version change") && report.contains("plan-1"))
        #expect(
            report.contains(
                HTMLText.escape(PlanWording(context: context).cause(.sessionCancelled(ReplanFixture.cancelled)))))
        let agents = Dictionary(PlanFixture.problem.agents.map { ($0.agent.externalID, $0.agent) }) { first, _ in first
        }
        let concerned = changes.moved.map(\.previous.agentID) + changes.dropped.map(\.previous.agentID)
        for id in Set(concerned) {
            let agent = try #require(agents[id])
            #expect(!report.contains(agent.lastName))
            let own = PlanCommuneHTML.render(context, commune: agent.communeCode)
            #expect(own.contains("Changements depuis le plan plan-1") && own.contains(agent.lastName))
            for other in ["92003", "92094", "92054", "2B033"] where other != agent.communeCode {
                #expect(!PlanCommuneHTML.render(context, commune: other).contains(agent.lastName))
            }
        }
        // A first plan has no such section.
        #expect(!PlanReportHTML.render(PlanFixture.context()).contains("Ce que cette version change"))
    }
}
