import Foundation
import ParcoursOutput
import Testing

@Suite struct DiagnosisJSONTests {
    /// The schema shipped beside the writer.
    static func loadSchema() -> [String: Any] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appending(path: "Sources/ParcoursOutput/Schemas/diagnosis-v1.schema.json")
        let data = (try? Data(contentsOf: url)) ?? Data()
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }

    /// Checks `value` against the schema's `required`, `properties`, `items`, `enum`, `const` and
    /// `$ref` keywords (the ones the schema uses); returns the problems found, as JSON paths.
    static func problems(_ value: Any, _ node: [String: Any], schema: [String: Any], path: String = "$") -> [String] {
        var node = node
        if let reference = node["$ref"] as? String, let name = reference.split(separator: "/").last,
            let definitions = schema["$defs"] as? [String: Any],
            let target = definitions[String(name)] as? [String: Any]
        {
            node = target
        }
        var found: [String] = []
        if let allowed = node["enum"] as? [Any], !allowed.contains(where: { "\($0)" == "\(value)" }) {
            found.append("\(path): \(value) not in enum")
        }
        if let constant = node["const"], "\(constant)" != "\(value)" { found.append("\(path): not \(constant)") }
        if let object = value as? [String: Any] {
            for key in node["required"] as? [String] ?? [] where object[key] == nil {
                found.append("\(path).\(key) missing")
            }
            let properties = node["properties"] as? [String: Any] ?? [:]
            for (key, child) in object {
                guard let property = properties[key] as? [String: Any] else {
                    found.append("\(path).\(key) not in the schema")
                    continue
                }
                found += problems(child, property, schema: schema, path: "\(path).\(key)")
            }
        }
        if let array = value as? [Any], let items = node["items"] as? [String: Any] {
            for (index, element) in array.enumerated() {
                found += problems(element, items, schema: schema, path: "\(path)[\(index)]")
            }
        }
        return found
    }

    static func document(_ audience: DiagnosisReport.Audience) throws -> [String: Any] {
        let data = try DiagnosisJSON.encode(ReportFixture.report(audience))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func bothAudiencesFollowTheSchema() throws {
        let schema = Self.loadSchema()
        #expect(!schema.isEmpty)
        #expect(Self.problems(try Self.document(.territories), schema, schema: schema) == [])
        #expect(Self.problems(try Self.document(.commune("92003")), schema, schema: schema) == [])
    }

    @Test func figuresAndPrivacy() throws {
        let document = try Self.document(.territories)
        #expect(document["schemaVersion"] as? Int == 1)
        let territory = try #require((document["territories"] as? [[String: Any]])?.first)
        let communes = try #require(territory["communes"] as? [[String: Any]])
        let andenne = try #require(communes.first { $0["code"] as? String == "92003" })
        #expect(andenne["fragile"] as? Int == 1 && andenne["latitude"] as? Double == 50.49)
        let assesse = try #require(communes.first { $0["code"] as? String == "92006" })
        #expect(assesse["suppressed"] as? Bool == true && assesse["fragile"] == nil && assesse["fragileShare"] == nil)
        let agents = try #require(territory["agents"] as? [[String: Any]])
        #expect(
            agents.count == 6
                && agents.allSatisfy { $0["lastName"] == nil && ($0["id"] as? String)?.hasPrefix("P-") == true })
        let own = try Self.document(.commune("92003"))
        let ownAgents = try #require(((own["territories"] as? [[String: Any]])?.first?["agents"]) as? [[String: Any]])
        #expect(ownAgents.map { $0["lastName"] as? String } == ["Dubois", "Lambert", "Peeters"])
    }
}
