import ParcoursModel
import ParcoursOutput
import Testing

@Suite struct DateTextTests {
    let day = SessionDay(day: CalendarDay(year: 2027, month: 3, day: 15), startMinute: 540, endMinute: 750)

    @Test func asPeopleWriteThem() {
        #expect(
            DateText(language: .french).sessionDay(day)
                == "lundi 15 mars 2027, 9\u{A0}h\u{A0}00\u{A0}–\u{2060}\u{A0}12\u{A0}h\u{A0}30")
        #expect(DateText(language: .english).sessionDay(day) == "Monday 15 March 2027, 9:00\u{2060}–\u{2060}12:30")
        #expect(DateText(language: .french).day(CalendarDay(year: 2027, month: 8, day: 1)) == "dimanche 1er août 2027")
        #expect(DateText(language: .english).day(CalendarDay(year: 2027, month: 8, day: 1)) == "Sunday 1 August 2027")
    }

    @Test func aMorningAndAnAfternoonAreOneDay() {
        let afternoon = SessionDay(day: day.day, startMinute: 810, endMinute: 990)
        let next = SessionDay(day: CalendarDay(year: 2027, month: 3, day: 16), startMinute: 540, endMinute: 750)
        #expect(
            DateText(language: .english).dayLines([afternoon, next, day]) == [
                "Monday 15 March 2027, 9:00\u{2060}–\u{2060}12:30 and 13:30\u{2060}–\u{2060}16:30",
                "Tuesday 16 March 2027, 9:00\u{2060}–\u{2060}12:30",
            ])
    }

    @Test func sessionDatesInOneLine() {
        let later = SessionDay(day: CalendarDay(year: 2027, month: 3, day: 22), startMinute: 540, endMinute: 750)
        #expect(DateText(language: .french).sessionDates([later, day]) == "du 15 au 22 mars 2027 (2 jours)")
        let april = SessionDay(day: CalendarDay(year: 2027, month: 4, day: 1), startMinute: 540, endMinute: 750)
        #expect(DateText(language: .english).sessionDates([day, april]) == "15 March to 1 April 2027 (2 days)")
        let next = SessionDay(day: CalendarDay(year: 2028, month: 1, day: 1), startMinute: 540, endMinute: 750)
        #expect(
            DateText(language: .french).sessionDates([day, next]) == "du 15 mars 2027 au 1er janvier 2028 (2 jours)")
        #expect(DateText(language: .english).sessionDates([day]) == "Monday 15 March 2027")
    }
}
