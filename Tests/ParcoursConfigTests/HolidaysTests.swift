import Foundation
import ParcoursConfig
import ParcoursModel
import Testing

/// Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
func easterSunday(_ year: Int) -> CalendarDay {
    let a = year % 19
    let b = year / 100
    let c = year % 100
    let d = b / 4
    let e = b % 4
    let f = (b + 8) / 25
    let g = (b - f + 1) / 3
    let h = (19 * a + b - d - g + 15) % 30
    let i = c / 4
    let k = c % 4
    let l = (32 + 2 * e + 2 * i - h - k) % 7
    let m = (a + 11 * h + 22 * l) / 451
    let month = (h + l - 7 * m + 114) / 31
    let day = (h + l - 7 * m + 114) % 31 + 1
    return CalendarDay(year: year, month: month, day: day)
}

@Suite struct HolidaysTests {
    @Test func easterAlgorithmMatchesKnownDates() {
        #expect(easterSunday(2024) == CalendarDay(year: 2024, month: 3, day: 31))
        #expect(easterSunday(2025) == CalendarDay(year: 2025, month: 4, day: 20))
    }

    @Test(arguments: [Country.belgium, .france])
    func easterBasedHolidaysMatchTheComputus(country: Country) throws {
        let holidays = try #require(try shippedConfiguration.get().publicHolidays[country])
        for year in 2026...2028 {
            let easter = easterSunday(year)
            let named = Dictionary(
                uniqueKeysWithValues: holidays.filter { $0.day.year == year }.map { ($0.nameEN, $0.day) })
            #expect(named["Easter Monday"] == easter.adding(days: 1), "\(country) \(year)")
            #expect(named["Ascension Day"] == easter.adding(days: 39), "\(country) \(year)")
            #expect(named["Whit Monday"] == easter.adding(days: 50), "\(country) \(year)")
        }
    }

    @Test func countsTheLegalHolidaysOfEachCountry() throws {
        let holidays = try shippedConfiguration.get().publicHolidays
        for year in 2026...2028 {
            #expect(holidays[.belgium]?.filter { $0.day.year == year && $0.kind == .legal }.count == 10)
            #expect(holidays[.france]?.filter { $0.day.year == year && $0.kind == .legal }.count == 11)
        }
        #expect(holidays[.france]?.contains { $0.day == CalendarDay(year: 2027, month: 7, day: 14) } == true)
        #expect(holidays[.belgium]?.first { $0.day == CalendarDay(year: 2026, month: 11, day: 15) }?.kind == .customary)
    }

    @Test func marksUnconfirmedSchoolHolidays() throws {
        let calendars = try shippedConfiguration.get().schoolCalendars
        let fwb = try #require(calendars.first { $0.id == "fwb" })
        let published = try #require(fwb.schoolYears.first { $0.label == "2025-2026" })
        #expect(published.isPublished)
        #expect(published.periods.filter { !$0.toVerify }.count == 5)
        let autumn2025 = fwb.period(containing: CalendarDay(year: 2025, month: 10, day: 31))
        #expect(
            autumn2025?.days == DayRange(first: CalendarDay(iso: "2025-10-20")!, last: CalendarDay(iso: "2025-11-02")!))
        #expect(autumn2025?.toVerify == false)
        let next = try #require(fwb.schoolYears.first { $0.label == "2026-2027" })
        #expect(!next.isPublished && next.periods.allSatisfy(\.toVerify))
        let corse = try #require(calendars.first { $0.id == "corse" })
        #expect(corse.period(containing: CalendarDay(year: 2026, month: 2, day: 20))?.nameFR == "Vacances d'hiver")
        #expect(corse.period(containing: CalendarDay(year: 2026, month: 3, day: 2)) == nil)
    }

    @Test func refusesAPeriodOutsideItsSchoolYear() throws {
        let error = try configErrorAfterEditing("calendars/school-holidays.yaml") {
            $0.replacingOccurrences(
                of: "{first: \"2026-02-16\", last: \"2026-03-01\"", with: "{first: \"2027-02-16\", last: \"2027-03-01\""
            )
        }
        #expect(error?.field == "calendars[0].school_years[0].periods[3].first")
        #expect(
            error?.line
                == (try shippedLine(
                    of: "Congé de détente (Carnaval)\", en: \"Mid-winter", in: "calendars/school-holidays.yaml")))
    }

    @Test func refusesAnImpossibleDate() throws {
        let error = try configErrorAfterEditing("calendars/public-holidays.yaml") {
            $0.replacingOccurrences(of: "date: \"2027-07-21\"", with: "date: \"2027-02-30\"")
        }
        #expect(error?.message == "\"2027-02-30\" is not a date written YYYY-MM-DD")
        #expect(error?.field?.hasPrefix("BE[") == true)
    }
}
