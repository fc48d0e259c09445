import Foundation
import ParcoursOutput
import Testing

@Suite struct DiagnosisHTMLTests {
    @Test func theTerritoryReportIsSelfContainedAndNamesNobody() {
        let html = DiagnosisHTML.render(ReportFixture.report(.territories))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<html lang=\"fr\">"))
        for forbidden in ["<script", "<link", "src=", "url(http", "@import"] { #expect(!html.contains(forbidden)) }
        // Every http reference is an SVG namespace, never a resource to fetch.
        let references = html.components(separatedBy: "http").count - 1
        #expect(references == html.components(separatedBy: "http://www.w3.org/2000/svg").count - 1)
        for name in ["Dubois", "Lambert", "Peeters", "Zeller"] { #expect(!html.contains(name)) }
        // Three SVG graphics per territory: map, heatmap, distribution.
        #expect(
            html.contains("class=\"map\"") && html.contains("class=\"heatmap\"")
                && html.contains("class=\"distribution\""))
    }

    @Test func theHeatmapShowsSharesAndHidesSmallCells() {
        let html = DiagnosisHTML.render(ReportFixture.report(.territories))
        // Andenne, 2.1: 2 of 3 below target → 67 %, mean gap 1.
        #expect(html.contains("Andenne · 2.1 Interagir: 2 sur 3 sous le niveau visé, écart moyen 1"))
        #expect(html.contains(">67\u{202F}%</text>"))
        // Assesse has one agent: hatched cells, no figure.
        #expect(html.contains("Assesse · 2.1 Interagir: moins de 3 agents : non affiché"))
        #expect(!html.contains("Assesse · 2.1 Interagir: 1 sur"))
        // The map gives Assesse's circle the hatch, Andenne's a colour from the scale (1 fragile of 3: 001).
        #expect(html.contains("Assesse: 1 agents, 1 évalués : trop peu pour être affiché"))
        #expect(html.contains("Andenne: 3 agents, 3 évalués, 33,3\u{202F}% fragiles"))
    }

    @Test func aCommunesOwnReportNamesOnlyItsAgents() {
        let html = DiagnosisHTML.render(ReportFixture.report(.commune("92003")))
        for name in ["Dubois", "Lambert", "Peeters"] { #expect(html.contains(name)) }
        #expect(!html.contains("Zeller"))
        // Peeters's 2.1 level was estimated, and says so.
        #expect(html.contains("2.1</abbr> 2 (estimé) → 3"))
    }

    @Test func englishOnRequest() {
        let html = DiagnosisHTML.render(ReportFixture.report(.territories, language: .english))
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("<h2>Province of Namur</h2>"))
        #expect(html.contains("Andenne · 2.1 Interact: 2 of 3 below target, mean gap 1"))
        #expect(!html.contains("sous le niveau visé"))
    }
}
