import Foundation
import ParcoursModel
import ParcoursTender

/// Writes the eForms contract notice (UBL 2.3, SDK 1.15) of a package: subtype 16 (standard regime) or
/// 20 (light regime) when EU publication is required, else the voluntary E3; the buyer as central
/// purchasing body and the communes it acts for as buyers, the lots with their CPV code, NUTS-3 places,
/// estimated value, framework maximum, duration and award criteria.
public struct ContractNotice {
    public let package: TenderPackage
    /// The notice and procedure identifiers (UUIDs): fixed by the caller so that a notice is reproducible.
    public let noticeID: String
    public let folderID: String
    public let issueDate: CalendarDay

    public init(package: TenderPackage, noticeID: String, folderID: String, issueDate: CalendarDay) {
        self.package = package
        self.noticeID = noticeID
        self.folderID = folderID
        self.issueDate = issueDate
    }

    static let namespaces: KeyValuePairs<String, String> = [
        "xmlns": "urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2",
        "xmlns:cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
        "xmlns:cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
        "xmlns:ext": "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2",
        "xmlns:efac": "http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1",
        "xmlns:efbc": "http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1",
        "xmlns:efext": "http://data.europa.eu/p27/eforms-ubl-extensions/1",
    ]

    /// ISO 3166-1 alpha-3, as eForms wants it.
    var countryCode: String { package.country == .belgium ? "BEL" : "FRA" }

    /// `ORG-0001` for the buyer, then one per commune it acts for.
    func organisationID(_ index: Int) -> String { String(format: "ORG-%04d", index + 1) }

    var subtype: String { package.recommendation.eFormsSubtype }

    public var xml: String {
        var xml = XMLWriter()
        xml.element("ContractNotice", Self.namespaces) { xml in
            extensions(&xml)
            xml.leaf("cbc:UBLVersionID", "2.3")
            xml.leaf("cbc:CustomizationID", "eforms-sdk-1.15")
            xml.leaf("cbc:ID", noticeID, ["schemeName": "notice-id"])
            xml.leaf("cbc:ContractFolderID", folderID)
            xml.leaf("cbc:IssueDate", "\(issueDate)Z")
            xml.leaf("cbc:IssueTime", "12:00:00Z")
            xml.leaf("cbc:VersionID", "01")
            xml.leaf("cbc:RegulatoryDomain", subtype == "E3" ? "other" : "32014L0024")
            xml.leaf("cbc:NoticeTypeCode", subtype == "20" ? "cn-social" : "cn-standard", ["listName": "competition"])
            xml.leaf("cbc:NoticeLanguageCode", "FRA")
            contractingParty(
                &xml, index: 0, legalType: package.buyer.legalType,
                centralPurchasing: package.buyer.isCentralPurchasingBody)
            for index in package.communesActedFor.indices {
                contractingParty(
                    &xml, index: index + 1, legalType: package.buyer.communeLegalType, centralPurchasing: nil)
            }
            xml.element("cac:TenderingTerms") { xml in
                requirement(&xml, list: "exclusion-grounds-source", code: "epo-procurement-document")
                xml.element("cac:LotDistribution") { xml in
                    xml.leaf("cbc:MaximumLotsSubmittedNumeric", "\(package.lots.count)")
                }
            }
            xml.element("cac:TenderingProcess") { xml in
                xml.leaf(
                    "cbc:ProcedureCode", package.recommendation.tier.eFormsProcedure,
                    ["listName": "procurement-procedure-type"])
            }
            project(
                &xml, id: folderID, name: package.subjectFR, description: description,
                estimated: package.estimatedTotal,
                maximum: package.maximumTotal, cpv: package.lots.first?.theme.cpv,
                places: Array(Set(package.lots.flatMap(\.area.nuts3))).sorted(), months: nil)
            for lot in package.lots { self.lot(&xml, lot) }
        }
        return xml.text
    }

    private var description: String {
        "Accords-cadres de formation aux compétences numériques (référentiel Pix) des agents de \(FrenchText.plural(package.communesActedFor.count, "commune")), passés par \(package.buyer.name)\(package.buyer.isCentralPurchasingBody ? " en qualité de centrale d'achat" : ""), en \(FrenchText.plural(package.lots.count, "lot")) par thème, zone et format."
    }

    private func extensions(_ xml: inout XMLWriter) {
        xml.element("ext:UBLExtensions") { xml in
            xml.element("ext:UBLExtension") { xml in
                xml.element("ext:ExtensionContent") { xml in
                    xml.element("efext:EformsExtension") { xml in
                        xml.element("efac:NoticeSubType") { xml in
                            xml.leaf("cbc:SubTypeCode", subtype, ["listName": "notice-subtype"])
                        }
                        xml.element("efac:Organizations") { xml in
                            organisation(
                                &xml, index: 0, name: package.buyer.name, street: package.buyer.street,
                                city: package.buyer.city, postalCode: package.buyer.postalCode,
                                nuts3: package.buyer.nuts3,
                                identifier: package.buyer.identifier, email: package.buyer.email,
                                website: package.buyer.website,
                                awardingCPB: package.buyer.isCentralPurchasingBody)
                            for (index, commune) in package.communesActedFor.enumerated() {
                                organisation(
                                    &xml, index: index + 1, name: commune.name, street: "", city: commune.name,
                                    postalCode: commune.postalCodes.first ?? "", nuts3: commune.nuts3, identifier: nil,
                                    email: nil, website: nil, awardingCPB: false)
                            }
                        }
                    }
                }
            }
        }
    }

    private func organisation(
        _ xml: inout XMLWriter, index: Int, name: String, street: String, city: String, postalCode: String,
        nuts3: String, identifier: String?, email: String?, website: String?, awardingCPB: Bool
    ) {
        xml.element("efac:Organization") { xml in
            if awardingCPB { xml.leaf("efbc:AwardingCPBIndicator", "true") }
            xml.element("efac:Company") { xml in
                if let website { xml.leaf("cbc:WebsiteURI", website) }
                xml.element("cac:PartyIdentification") { xml in
                    xml.leaf("cbc:ID", organisationID(index), ["schemeName": "organization"])
                }
                xml.element("cac:PartyName") { xml in xml.leaf("cbc:Name", name, ["languageID": "FRA"]) }
                xml.element("cac:PostalAddress") { xml in
                    if !street.isEmpty { xml.leaf("cbc:StreetName", street) }
                    xml.leaf("cbc:CityName", city)
                    if !postalCode.isEmpty { xml.leaf("cbc:PostalZone", postalCode) }
                    xml.leaf("cbc:CountrySubentityCode", nuts3, ["listName": "nuts"])
                    xml.element("cac:Country") { xml in
                        xml.leaf("cbc:IdentificationCode", countryCode, ["listName": "country"])
                    }
                }
                if let identifier {
                    xml.element("cac:PartyLegalEntity") { xml in xml.leaf("cbc:CompanyID", identifier) }
                }
                if let email {
                    xml.element("cac:Contact") { xml in xml.leaf("cbc:ElectronicMail", email) }
                }
            }
        }
    }

    private func contractingParty(_ xml: inout XMLWriter, index: Int, legalType: String, centralPurchasing: Bool?) {
        xml.element("cac:ContractingParty") { xml in
            xml.element("cac:ContractingPartyType") { xml in
                xml.leaf("cbc:PartyTypeCode", legalType, ["listName": "buyer-legal-type"])
            }
            if let centralPurchasing {
                xml.element("cac:ContractingPartyType") { xml in
                    xml.leaf(
                        "cbc:PartyTypeCode", centralPurchasing ? "cpb" : "not-cpb",
                        ["listName": "buyer-contracting-type"])
                }
            }
            xml.element("cac:ContractingActivity") { xml in
                xml.leaf("cbc:ActivityTypeCode", "gen-pub", ["listName": "authority-activity"])
            }
            xml.element("cac:Party") { xml in
                xml.element("cac:PartyIdentification") { xml in
                    xml.leaf("cbc:ID", organisationID(index), ["schemeName": "organization"])
                }
            }
        }
    }

    private func requirement(_ xml: inout XMLWriter, list: String, code: String) {
        xml.element("cac:TendererQualificationRequest") { xml in
            xml.element("cac:SpecificTendererRequirement") { xml in
                xml.leaf("cbc:TendererRequirementTypeCode", code, ["listName": list])
            }
        }
    }

    private func amount(_ value: EuroAmount) -> String { value.plainDecimal }

    private func project(
        _ xml: inout XMLWriter, id: String, name: String, description: String, estimated: EuroAmount,
        maximum: EuroAmount, cpv: CPVCode?, places: [String], months: Int?
    ) {
        xml.element("cac:ProcurementProject") { xml in
            xml.leaf("cbc:ID", id, ["schemeName": "InternalID"])
            xml.leaf("cbc:Name", name, ["languageID": "FRA"])
            xml.leaf("cbc:Description", description, ["languageID": "FRA"])
            xml.leaf("cbc:ProcurementTypeCode", "services", ["listName": "contract-nature"])
            xml.element("cac:RequestedTenderTotal") { xml in
                xml.element("ext:UBLExtensions") { xml in
                    xml.element("ext:UBLExtension") { xml in
                        xml.element("ext:ExtensionContent") { xml in
                            xml.element("efext:EformsExtension") { xml in
                                xml.leaf("efbc:FrameworkMaximumAmount", amount(maximum), ["currencyID": "EUR"])
                            }
                        }
                    }
                }
                xml.leaf("cbc:EstimatedOverallContractAmount", amount(estimated), ["currencyID": "EUR"])
            }
            if let cpv {
                xml.element("cac:MainCommodityClassification") { xml in
                    xml.leaf("cbc:ItemClassificationCode", cpv.digits, ["listName": "cpv"])
                }
            }
            for place in places {
                xml.element("cac:RealizedLocation") { xml in
                    xml.element("cac:Address") { xml in
                        xml.leaf("cbc:CountrySubentityCode", place, ["listName": "nuts"])
                        xml.element("cac:Country") { xml in
                            xml.leaf("cbc:IdentificationCode", countryCode, ["listName": "country"])
                        }
                    }
                }
            }
            if let months {
                xml.element("cac:PlannedPeriod") { xml in
                    xml.leaf("cbc:DurationMeasure", "\(months)", ["unitCode": "MONTH"])
                }
            }
        }
    }

    private func lot(_ xml: inout XMLWriter, _ lot: TenderLot) {
        xml.element("cac:ProcurementProjectLot") { xml in
            xml.leaf("cbc:ID", String(format: "LOT-%04d", lot.number), ["schemeName": "Lot"])
            xml.element("cac:TenderingTerms") { xml in
                requirement(&xml, list: "reserved-procurement", code: "none")
                requirement(&xml, list: "selection-criteria-source", code: "epo-procurement-document")
                xml.element("cac:AwardingTerms") { xml in
                    xml.element("cac:AwardingCriterion") { xml in
                        for criterion in package.buyer.awardCriteria { self.criterion(&xml, criterion) }
                    }
                }
                xml.element("cac:TenderValidityPeriod") { xml in
                    xml.leaf("cbc:DurationMeasure", "120", ["unitCode": "DAY"])
                }
                xml.element("cac:Language") { xml in xml.leaf("cbc:ID", "FRA") }
            }
            xml.element("cac:TenderingProcess") { xml in
                xml.leaf("cbc:SubmissionMethodCode", "required", ["listName": "esubmission"])
                xml.element("cac:ContractingSystem") { xml in
                    xml.leaf("cbc:ContractingSystemTypeCode", "fa-wo-rc", ["listName": "framework-agreement"])
                }
                xml.element("cac:ContractingSystem") { xml in
                    xml.leaf("cbc:ContractingSystemTypeCode", "none", ["listName": "dps-usage"])
                }
            }
            project(
                &xml, id: "\(lot.number)", name: lot.titleFR,
                description:
                    "\(lot.theme.objectivesFR) \(FrenchText.plural(lot.trainees, "stagiaire")), \(FrenchText.plural(lot.groups.count, "groupe")), \(FrenchText.number(lot.groupHours)) heures de formation en groupe, \(FrenchText.format(lot.format)), niveaux Pix \(lot.levels.lowerBound) à \(lot.levels.upperBound).",
                estimated: lot.estimate.estimatedValue, maximum: lot.estimate.frameworkMaximum, cpv: lot.theme.cpv,
                places: lot.area.nuts3, months: package.buyer.frameworkMonths)
        }
    }

    private func criterion(_ xml: inout XMLWriter, _ criterion: AwardCriterion) {
        xml.element("cac:SubordinateAwardingCriterion") { xml in
            xml.element("ext:UBLExtensions") { xml in
                xml.element("ext:UBLExtension") { xml in
                    xml.element("ext:ExtensionContent") { xml in
                        xml.element("efext:EformsExtension") { xml in
                            xml.element("efac:AwardCriterionParameter") { xml in
                                xml.leaf("efbc:ParameterCode", "per-exa", ["listName": "number-weight"])
                                xml.leaf("efbc:ParameterNumeric", "\(criterion.weight)")
                            }
                        }
                    }
                }
            }
            xml.leaf("cbc:AwardingCriterionTypeCode", criterion.kind, ["listName": "award-criterion-type"])
            xml.leaf("cbc:Name", criterion.nameFR, ["languageID": "FRA"])
            xml.leaf("cbc:Description", criterion.scoringFR, ["languageID": "FRA"])
        }
    }
}
