import Testing

@testable import ParcoursModel

/// Time slots as catalogues write them; the ASCII fast path gives what the general path gives.
@Suite struct DailySlotTests {
    @Test func slotsAreReadInEveryUsualForm() {
        #expect(DailySlot(text: "09:00-12:30") == DailySlot(startMinute: 540, endMinute: 750))
        #expect(DailySlot(text: "9h-12h30") == DailySlot(startMinute: 540, endMinute: 750))
        #expect(DailySlot(text: " 9H00 - 12H30 ") == DailySlot(startMinute: 540, endMinute: 750))
        #expect(DailySlot(text: "12:30-09:00") == nil)
        #expect(DailySlot.list("09:00-12:30,13:30-16:30")?.map(\.minutes) == [210, 180])
    }

    @Test func theFastPathAgreesWithTheGeneralOne() {
        // Digits, ':' and 'h' only take the fast path; the others the general one.
        let cases: [(String, Int?)] = [
            ("09:00", 540), ("9h", 540), ("9:", 540), ("23:59", 1439), ("00009:00", 540), ("0:0", 0),
            ("24:00", nil), ("9:60", nil), ("h30", nil), ("", nil), ("::", nil), ("99999999999999999999", nil),
            ("9:00:30", 540), (" 9:00", 540), ("9.30", nil),
        ]
        for (text, minute) in cases { #expect(DailySlot.minuteOfDay(text) == minute, "\(text)") }
    }
}
