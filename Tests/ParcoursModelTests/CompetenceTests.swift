import ParcoursModel
import Testing

@Suite struct TitleKeyTests {
    @Test func foldsCaseAccentsApostrophesAndSpaces() {
        #expect(
            TitleKey.make("Mener une recherche et une veille d’information")
                == TitleKey.make("mener une  RECHERCHE et une veille d'information"))
        #expect(
            TitleKey.make("Développer des documents multimédia") == TitleKey.make("Developper des documents multimedia")
        )
        #expect(TitleKey.make("Gérer des données") != TitleKey.make("Traiter des données"))
    }

    @Test func ordersCompetenceCodesNumerically() {
        let codes = ["5.2", "1.10", "1.2", "3.4"].map(CompetenceCode.init)
        #expect(codes.sorted().map(\.rawValue) == ["1.2", "1.10", "3.4", "5.2"])
    }
}

@Suite struct CalendarDayTests {
    @Test func convertsDayNumbersBothWays() {
        let day = CalendarDay(year: 2027, month: 3, day: 15)
        #expect(CalendarDay(dayNumber: day.dayNumber) == day)
        #expect(CalendarDay(year: 1970, month: 1, day: 1).dayNumber == 0)
        #expect(CalendarDay(year: 2000, month: 3, day: 1).dayNumber == 11_017)
    }

    @Test func knowsTheWeekday() {
        #expect(CalendarDay(year: 2027, month: 3, day: 15).weekday == .monday)
        #expect(CalendarDay(year: 2026, month: 11, day: 29).weekday == .sunday)
    }

    @Test func parsesOnlyRealISODates() {
        #expect(CalendarDay(iso: "2024-02-29") == CalendarDay(year: 2024, month: 2, day: 29))
        #expect(CalendarDay(iso: "2023-02-29") == nil)
        #expect(CalendarDay(iso: "2023-2-01") == nil)
    }
}

@Suite struct CoordinateTests {
    @Test func measuresGreatCircleDistance() {
        // Namur (50.4674, 4.8718) to Dinant (50.2606, 4.9122): about 23 km as the crow flies.
        let namur = Coordinate(latitude: 50.4674, longitude: 4.8718)
        let dinant = Coordinate(latitude: 50.2606, longitude: 4.9122)
        #expect(abs(namur.distanceKilometres(to: dinant) - 23.2) < 0.5)
    }
}
