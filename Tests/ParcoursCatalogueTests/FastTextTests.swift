import ParcoursModel
import Testing

@testable import ParcoursCatalogue

/// The byte-level text helpers of the reading path agree with the plain definitions.
@Suite struct FastTextTests {
    @Test func byteSearchFindsEveryOccurrenceAndNothingElse() {
        let text = Array(" le traitement de texte et le tableur ".utf8)
        for term in [" le ", " tableur ", " traitement de texte ", " texte ", " t", "r ", " ", "x"] {
            #expect(FastText.contains(text, Array(term.utf8)), "\(term)")
        }
        for term in [" tableurs ", " texte et la ", " x ", "  ", " le traitement de texte et le tableur  "] {
            #expect(!FastText.contains(text, Array(term.utf8)), "\(term)")
        }
        #expect(FastText.contains(text, []))
        #expect(FastText.contains(text, text))
        #expect(!FastText.contains([], Array(" a".utf8)))
    }

    @Test func lheoDatesAreReadAtTheirPrecision() {
        #expect(SourceDate.lheo("20171003") == SourceDate(year: 2017, month: 10, day: 3))
        #expect(SourceDate.lheo("20170900") == SourceDate(year: 2017, month: 9, day: nil))
        #expect(SourceDate.lheo("00000000") == .unknown)
        #expect(SourceDate.lheo("99999999") == .unknown)
        for unreadable in ["2017100", "201710031", "2017-10-03", "20171303", "20170231", "2017 003", "", "２0171003"] {
            #expect(SourceDate.lheo(unreadable) == nil, "\(unreadable)")
        }
    }
}
