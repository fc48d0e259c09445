import ParcoursModel
import Testing

@Suite struct LanguageTests {
    @Test(arguments: [
        (0, "0", "0"), (999, "999", "999"), (1411, "1\u{202F}411", "1,411"),
        (-1_234_567, "-1\u{202F}234\u{202F}567", "-1,234,567"),
    ])
    func integersGroupTheirThousands(_ value: Int, _ french: String, _ english: String) {
        #expect(Language.french.integer(value) == french)
        #expect(Language.english.integer(value) == english)
    }

    @Test func eurosUseTheSameGrouping() {
        #expect(EuroAmount(cents: 123_456_789).formatted(in: .french) == "1\u{202F}234\u{202F}567,89 €")
        #expect(EuroAmount(cents: -123_456).formatted(in: .english) == "-€1,234.56")
        #expect(Language.french.decimal(1.25) == "1,25" && Language.english.decimal(1.0) == "1")
    }
}
