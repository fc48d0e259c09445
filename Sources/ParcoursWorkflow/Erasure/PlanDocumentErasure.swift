import Foundation
import ParcoursStore

/// The substitution of erased agents in a stored plan's JSON document: every string equal to an erased
/// agent's id, and every object key equal to one, becomes its surrogate; the agent's own record (the
/// object whose `externalID` is a surrogate) loses its names, equipment, unavailabilities and
/// languages. Everything else — sessions, assignments, costs, progress — stays as it was.
enum PlanDocumentErasure {
    /// The document with `surrogates` (erased id → surrogate id) applied; nil when it names none of them.
    static func rewrite(_ document: Data, surrogates: [String: String]) throws -> Data? {
        let tree = try JSONSerialization.jsonObject(with: document, options: [.fragmentsAllowed])
        var changed = false
        let rewritten = rewrite(tree, surrogates: surrogates, replacements: Set(surrogates.values), changed: &changed)
        guard changed else { return nil }
        return try JSONSerialization.data(withJSONObject: rewritten, options: [.sortedKeys, .fragmentsAllowed])
    }

    private static func rewrite(
        _ value: Any, surrogates: [String: String], replacements: Set<String>, changed: inout Bool
    ) -> Any {
        switch value {
        case let text as String:
            guard let surrogate = surrogates[text] else { return text }
            changed = true
            return surrogate
        case let array as [Any]:
            return array.map { rewrite($0, surrogates: surrogates, replacements: replacements, changed: &changed) }
        case let object as [String: Any]:
            var result: [String: Any] = [:]
            for (key, member) in object {
                let newKey = surrogates[key] ?? key
                if newKey != key { changed = true }
                result[newKey] = rewrite(member, surrogates: surrogates, replacements: replacements, changed: &changed)
            }
            if let id = result["externalID"] as? String, replacements.contains(id), result["lastName"] != nil {
                result["lastName"] = ""
                result["firstName"] = ""
                result["equipment"] = [Any]()
                result["unavailable"] = [Any]()
                result["languages"] = [Any]()
            }
            return result
        default:
            return value
        }
    }
}
