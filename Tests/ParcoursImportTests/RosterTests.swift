import Foundation
import ParcoursConfig
import ParcoursImport
import ParcoursModel
import Testing

/// The vocabulary of the repository's Config folder.
let vocabulary: RosterVocabulary = {
    do {
        return RosterVocabulary(configuration: try Configuration(directory: repositoryRoot.appending(path: "Config")))
    } catch {
        fatalError("Config/ does not load: \(error)")
    }
}()

private let frenchHeader =
    "Matricule;Nom;Prénom;Commune;Famille de métiers;Statut;Ordinateur au travail;Tablette;Smartphone;Internet à domicile;Temps de travail;Jours travaillés;Voiture;Distance maximale (km);Indisponibilités;Langues\n"

private func rosterProblems(_ text: String) -> [String] {
    do {
        _ = try RosterReader.read(bytes: Array(text.utf8), file: "roster.csv", vocabulary: vocabulary)
        return []
    } catch {
        return error.lines(in: .english)
    }
}

@Suite struct RosterTests {
    @Test func readsTheFrenchRoster() throws {
        let agents = try RosterReader.read(
            path: fixtures.appending(path: "roster-fr.csv").path, file: "roster-fr.csv", vocabulary: vocabulary)
        #expect(agents.map(\.externalID) == ["92094-00017", "00123", "040001", "91015-00002", "91015-00003"])
        let claire = agents[0]
        #expect(
            claire.communeCode == "92094" && claire.jobFamilyID == "administrative" && claire.statusID == "statutaire")
        #expect(claire.equipment == [.workComputer, .smartphone, .homeInternet])
        #expect(claire.workingTime == 0.8 && claire.workingDays == [.monday, .tuesday, .wednesday, .thursday])
        #expect(claire.hasCar && claire.maximumTravelKilometres == 25)
        #expect(
            claire.unavailable == [
                DayRange(
                    first: CalendarDay(year: 2027, month: 7, day: 1), last: CalendarDay(year: 2027, month: 7, day: 31)),
                DayRange(
                    first: CalendarDay(year: 2027, month: 12, day: 24),
                    last: CalendarDay(year: 2027, month: 12, day: 24)),
            ])
        #expect(claire.languages == ["fr", "nl"])
        let marie = agents[1]
        #expect(marie.communeCode == "91015" && marie.jobFamilyID == "reception" && marie.statusID == "contractuel")
        #expect(marie.workingTime == 0.8 && marie.workingDays == [.tuesday, .wednesday, .thursday, .friday])
        #expect(!marie.hasCar && marie.maximumTravelKilometres == 10.5 && marie.unavailable.isEmpty)
        #expect(marie.languages == ["fr"])
        #expect(agents[2].communeCode == "2B033" && agents[2].statusID == "elu" && agents[2].languages == ["fr", "co"])
    }

    @Test func readsAnEnglishRosterInWindows1252WithColumnsInAnotherOrder() throws {
        let agents = try RosterReader.read(
            path: fixtures.appending(path: "roster-en-windows-1252.csv").path, vocabulary: vocabulary)
        #expect(agents.count == 2)
        #expect(agents[0].lastName == "Lefèvre" && agents[0].firstName == "Hélène")
        #expect(
            agents[0].communeCode == "92003" && agents[0].jobFamilyID == "managers"
                && agents[0].statusID == "statutaire")
        #expect(agents[0].workingDays.count == 5 && agents[0].languages == ["fr"])
        #expect(agents[1].communeCode == "2B120" && agents[1].statusID == "titulaire" && agents[1].workingTime == 0.5)
        #expect(agents[1].workingDays == [.monday, .tuesday] && !agents[1].hasCar)
    }

    @Test func reportsEveryFaultyCellWithItsLineAndColumn() {
        let problems = rosterProblems(
            frenchHeader
                + "A1;N;P;Atlantis;administrative;statutaire;Oui;Non;Oui;Oui;1;lun-ven;Oui;25;;fr\n"
                + "A2;N;P;Namur;plombier;titulaire;Peut-être;Non;Oui;Oui;1,5;lun-dim-mar;Oui;loin;2027-02-30;french\n"
                + "A1;N;P;92094;administrative;statutaire;Oui;Non;Oui;Oui;1;lun-ven;Oui;25;;fr\n")
        #expect(
            problems == [
                "roster.csv:2: column \"Commune\": commune unknown to the territories of Config",
                "roster.csv:3: column \"Famille de métiers\": expected a job family of Config/job-families.yaml (administrative, reception, managers, study-development, digital-referents, communication, education-sport-culture, medico-social, field-technical, elected)",
                "roster.csv:3: column \"Statut\": expected a status of Province de Namur (statutaire, contractuel, ape, article-60, stagiaire, mandataire, conseiller)",
                "roster.csv:3: column \"Ordinateur au travail\": expected Oui/Yes or Non/No",
                "roster.csv:3: column \"Temps de travail\": expected a fraction of full time (0.8 or 80 %)",
                "roster.csv:3: column \"Jours travaillés\": expected days (mon tue wed… or mon-fri)",
                "roster.csv:3: column \"Distance maximale (km)\": expected a distance in km (e.g. 25)",
                "roster.csv:3: column \"Indisponibilités\": expected periods YYYY-MM-DD/YYYY-MM-DD",
                "roster.csv:3: column \"Langues\": expected ISO 639-1 language codes (fr nl co)",
                "roster.csv:4: column \"Matricule\": external id already given on line 2",
            ])
    }

    @Test func namesMissingColumnsAndUnknownHeaders() {
        #expect(
            rosterProblems("Matricule;Commune;Couleur préférée\nA;Namur;bleu\n").prefix(2) == [
                "roster.csv:1: column \"Couleur préférée\": unknown column (see Config/templates/README.md)",
                "roster.csv:1: column \"Famille de métiers / Job family\": required column missing",
            ])
    }

    @Test func theShippedTemplateHasEveryColumnAndReadsAsAnEmptyRoster() throws {
        let template = repositoryRoot.appending(path: "Config/templates/roster-template.csv").path
        #expect(try RosterReader.read(path: template, vocabulary: vocabulary).isEmpty)
    }
}

@Suite struct RosterLinkTests {
    private func row(_ externalID: String?, _ last: String, _ first: String, organization: String) -> PixParticipation {
        PixParticipation(
            campaign: PixCampaign(
                organizationName: organization, campaignID: "1", code: "C", name: "N", kind: .profilesCollection,
                targetProfileName: nil),
            externalID: externalID, lastName: last, firstName: first, shared: true, sharedAt: nil, levels: nil,
            pix: nil, mastery: nil, skills: nil, estimatedLevels: nil, extraColumns: [:], line: 7)
    }

    @Test func linksByExternalIdElseByNameWithinTheCommuneAndNeverGuesses() throws {
        let agents = try RosterReader.read(path: fixtures.appending(path: "roster-fr.csv").path, vocabulary: vocabulary)
        let linker = RosterLinker(agents: agents, vocabulary: vocabulary)
        let bievre = "Administration communale de Bièvre"
        #expect(linker.communeCode(ofOrganization: bievre) == "91015")
        #expect(linker.communeCode(ofOrganization: "Mairie de Bastia") == "2B033")
        #expect(linker.communeCode(ofOrganization: "Province de Namur") == nil)
        #expect(linker.communeCode(ofOrganization: "CAB - Communauté d'Agglomération de Bastia") == nil)
        #expect(linker.communeCode(ofOrganization: "Ville de Sainte-Anne") == nil)

        func link(_ participation: PixParticipation) -> RosterLink {
            linker.link(
                participation, communeCode: linker.communeCode(ofOrganization: participation.campaign.organizationName))
        }
        #expect(link(row("00123", "X", "Y", organization: "Province de Namur")) == .externalID(agentID: "00123"))
        #expect(link(row(nil, "dupont", "MARIE", organization: bievre)) == .name(agentID: "00123"))
        #expect(link(row("123", "Dupont", "Marie", organization: bievre)) == .name(agentID: "00123"))
        #expect(link(row(nil, "Dupont", "Marie", organization: "Administration communale de Namur")) == .unmatched)
        #expect(link(row(nil, "Dupont", "Marie", organization: "Province de Namur")) == .unmatched)
        #expect(
            link(row(nil, "Martin", "Luc", organization: bievre))
                == .ambiguous(agentIDs: ["91015-00002", "91015-00003"]))

        let linking = RosterLinking(
            files: [
                (
                    "bievre.csv",
                    [
                        row(nil, "Martin", "Luc", organization: bievre),
                        row(nil, "Dupont", "Marie", organization: bievre),
                    ]
                )
            ],
            linker: linker)
        #expect(linking.entries.map(\.link.agentID) == [nil, "00123"])
        #expect(
            linking.problems.map { $0.description(in: .english) } == [
                "bievre.csv:7: several agents of the commune bear these names (external ids 91015-00002, 91015-00003): row not linked; add the external id in Pix"
            ])
    }
}

@Suite struct RosterSampleTests {
    /// The rosters `parcours generate` writes for the bundled samples read back without a problem.
    @Test(arguments: ["namur", "bastia"]) func readsTheGeneratedSampleRoster(territory: String) throws {
        let path = repositoryRoot.appending(path: "Samples/\(territory)/roster.csv").path
        let agents = try RosterReader.read(path: path, vocabulary: vocabulary)
        #expect(!agents.isEmpty)
        #expect(Set(agents.map(\.externalID)).count == agents.count)
    }
}
