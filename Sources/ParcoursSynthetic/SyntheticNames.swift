import ParcoursModel

/// Invented people's names, common in each territory, for synthetic agents. Any resemblance to a real
/// person is the chance of common names.
enum SyntheticNames {
    static func lastNames(for country: Country) -> [String] {
        switch country {
        case .belgium:
            [
                "Dubois", "Lambert", "Dupont", "Martin", "Simon", "Laurent", "Leclercq", "Lejeune", "Renard", "Mathieu",
                "Collard", "François", "Gilles", "Henrard", "Jacquet", "Lemaire", "Dumont", "Pirard", "Wautier",
                "Piette", "Marchal", "Delvaux", "Thiry", "Henry", "Hubert", "Rousseau", "Noël", "Bodart", "D'Hondt",
                "Van Damme", "De Smet", "Lefèvre", "Poncelet", "Dethier", "Materne", "Gérard", "Bertrand", "Goffin",
                "Baudoin", "Colignon", "Denis", "Gobert", "Jadot", "Lecomte", "Massart", "Nicolay", "Pierret",
                "Rasquin", "Servais", "Toussaint", "Wilmet", "Mottet", "Hallet", "El Amrani", "Kabongo", "Rossi",
            ]
        case .france:
            [
                "Santoni", "Casanova", "Rossi", "Pieri", "Giudicelli", "Luciani", "Mattei", "Antonetti", "Albertini",
                "Ortoli", "Peretti", "Leca", "Paoli", "Franceschi", "Agostini", "Bartoli", "Cristofari", "Filippi",
                "Nicolai", "Poli", "Susini", "Vincenti", "Orsini", "Simeoni", "Tomasi", "Marchetti", "Colonna",
                "Battesti", "Grimaldi", "Martin", "Bernard", "Moreau", "Benali", "Ferrandi", "Pietri", "Acquaviva",
                "Sanguinetti", "Negroni", "Ceccaldi", "Dominici", "Guerrini", "N'Diaye", "Da Silva", "Le Bihan",
            ]
        }
    }

    static func firstNames(for country: Country) -> [String] {
        switch country {
        case .belgium:
            [
                "Marie", "Nathalie", "Isabelle", "Sophie", "Julie", "Catherine", "Véronique", "Anne", "Christine",
                "Laurence", "Sarah", "Céline", "Aurélie", "Émilie", "Manon", "Laura", "Camille", "Chloé",
                "Anne-Sophie", "Marie-Claire", "Jean", "Philippe", "Michel", "Pierre", "Luc", "Marc", "Olivier",
                "Thierry", "Laurent", "David", "Nicolas", "Christophe", "Benoît", "Frédéric", "Maxime", "Thomas",
                "Kevin", "Jean-Pierre", "Jean-Marc", "Youssef", "Grégory", "Fabienne",
            ]
        case .france:
            [
                "Jean-Baptiste", "Ange", "Marc", "Paul", "Pierre", "Dominique", "Jean-François", "François", "Laurent",
                "Antoine", "Jérôme", "Sébastien", "Julien", "Stéphane", "Xavier", "Ghjuvanni", "Petru", "Lisandru",
                "Marie", "Paule", "Laetitia", "Sandrine", "Valérie", "Catherine", "Christelle", "Audrey", "Julie",
                "Élodie", "Stéphanie", "Anne-Marie", "Marie-Ange", "Jeanne", "Carine", "Nathalie", "Émilie", "Céline",
                "Karim", "Fatima",
            ]
        }
    }
}
