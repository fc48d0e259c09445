import Foundation
import ParcoursConfig
import ParcoursModel
import Testing

@Suite struct RetentionTests {
    @Test func readsThePeriodAndCountsCalendarMonths() throws {
        let retention = try shippedConfiguration.get().retention
        #expect(retention == RetentionPolicy(months: 36))
        // 36 calendar months before 31 May 2029 is 31 May 2026; before 29 Feb 2028, 28 Feb 2025.
        let iso = ISO8601DateFormatter()
        #expect(retention.cutoff(at: iso.date(from: "2029-05-31T10:00:00Z")!) == iso.date(from: "2026-05-31T10:00:00Z"))
        #expect(retention.cutoff(at: iso.date(from: "2028-02-29T00:00:00Z")!) == iso.date(from: "2025-02-28T00:00:00Z"))
    }

    @Test func refusesAPeriodUnderOneMonth() throws {
        let error = try configErrorAfterEditing("retention.yaml") {
            $0.replacingOccurrences(of: "personal_data_months: 36", with: "personal_data_months: 0")
        }
        #expect(error?.field == "personal_data_months")
        #expect(error?.line == (try shippedLine(of: "personal_data_months: 36", in: "retention.yaml")))
    }
}
