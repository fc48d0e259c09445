import Foundation
import ParcoursModel

/// Model values from rows, shared by both stores (each store selects the columns named here).
package enum StoredValues {
    package static func importedFile(_ row: some StoredRow) throws -> ImportedFile {
        ImportedFile(
            name: try row.text("name"), contentHash: try row.text("contentHash"),
            kind: ImportKind(rawValue: try row.text("kind")) ?? .pixExport, importedAt: try row.date("importedAt"),
            rows: try row.integer("rowCount"))
    }

    package static func provider(_ row: some StoredRow) throws -> CatalogueProvider {
        CatalogueProvider(
            id: try row.text("id"), name: try row.text("name"), siret: try row.optionalText("siret"),
            belgianCompanyNumber: try row.optionalText("belgianCompanyNumber"),
            country: try row.optionalText("country").flatMap(Country.init(rawValue:)))
    }

    /// A version row joined with its file's name as `fileName`.
    package static func catalogueVersion(_ row: some StoredRow) throws -> CatalogueVersion {
        CatalogueVersion(
            providerID: try row.text("providerID"), fileName: try row.text("fileName"),
            format: try row.text("format"), importedAt: try row.date("importedAt"),
            isCurrent: try row.flag("isCurrent"), courseCount: try row.integer("courseCount"),
            sessionCount: try row.integer("sessionCount"))
    }

    package static func planSummary(_ row: some StoredRow) throws -> PlanSummary {
        PlanSummary(
            id: try row.identifier("id"), createdAt: try row.date("createdAt"),
            territoryID: try row.text("territoryID"), label: try row.text("label"),
            previousPlanID: try row.optionalInteger("previousPlanID").map(Int64.init))
    }

    package static func planInput(_ row: some StoredRow) throws -> PlanInput {
        PlanInput(kind: try row.text("kind"), name: try row.text("name"), contentHash: try row.text("contentHash"))
    }

    package static func campaign(_ row: some StoredRow) throws -> PixCampaign {
        PixCampaign(
            organizationName: try row.text("organizationName"), campaignID: try row.text("pixCampaignID"),
            code: try row.text("code"), name: try row.text("name"),
            kind: PixCampaignKind(rawValue: try row.text("kind")) ?? .profilesCollection,
            targetProfileName: try row.optionalText("targetProfileName"))
    }
}
