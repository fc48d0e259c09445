import Foundation
import ParcoursModel

/// Writes participations to stdout as the JSON array `inspect pix --json` promises: one object
/// per row, keys in this order —
/// `externalId` (string or null), `lastName`, `firstName`, `shared` (bool),
/// `levels` and `pix` (code → integer, all 16 codes, profiles collections' shared rows; else null),
/// `mastery` (code → ratio 0…1) and `skills` (code → [total, mastered]) for the target profile's
/// codes, and `estimatedLevels` (code → integer), for assessments' shared rows; else null.
final class PixParticipationJSON {
    private let codes: [CompetenceCode]
    private var buffer: [UInt8] = []
    private var count = 0

    init(framework: CompetenceFramework) {
        codes = framework.codes
        buffer.reserveCapacity(1 << 20)
        buffer.append(UInt8(ascii: "["))
    }

    func append(_ row: PixParticipation) {
        buffer.append(contentsOf: (count == 0 ? "\n{" : ",\n{").utf8)
        count += 1
        key("externalId")
        if let id = row.externalID { string(id) } else { raw("null") }
        key("lastName", comma: true)
        string(row.lastName)
        key("firstName", comma: true)
        string(row.firstName)
        key("shared", comma: true)
        raw(row.shared ? "true" : "false")
        key("levels", comma: true)
        map(row.levels) { raw(String($0)) }
        key("pix", comma: true)
        map(row.pix) { raw(String($0)) }
        key("mastery", comma: true)
        map(row.mastery) { raw(String($0)) }
        key("skills", comma: true)
        map(row.skills) { raw("[\($0.total),\($0.mastered)]") }
        key("estimatedLevels", comma: true)
        map(row.estimatedLevels) { raw(String($0)) }
        buffer.append(UInt8(ascii: "}"))
        if buffer.count >= 1 << 20 { flush() }
    }

    func finish() {
        buffer.append(contentsOf: (count == 0 ? "]\n" : "\n]\n").utf8)
        flush()
    }

    private func flush() {
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    private func raw(_ text: String) { buffer.append(contentsOf: text.utf8) }

    private func key(_ name: String, comma: Bool = false) {
        if comma { buffer.append(UInt8(ascii: ",")) }
        string(name)
        buffer.append(UInt8(ascii: ":"))
    }

    /// A JSON object keyed by competence code in framework order, or null.
    private func map<Value>(_ values: [CompetenceCode: Value]?, _ write: (Value) -> Void) {
        guard let values else { return raw("null") }
        buffer.append(UInt8(ascii: "{"))
        var first = true
        for code in codes {
            guard let value = values[code] else { continue }
            if !first { buffer.append(UInt8(ascii: ",")) }
            first = false
            key(code.rawValue)
            write(value)
        }
        buffer.append(UInt8(ascii: "}"))
    }

    private func string(_ text: String) {
        buffer.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case UInt8(ascii: "\n"): raw("\\n")
            case UInt8(ascii: "\r"): raw("\\r")
            case UInt8(ascii: "\t"): raw("\\t")
            case 0..<0x20: raw(String(format: "\\u%04x", byte))
            default: buffer.append(byte)
            }
        }
        buffer.append(UInt8(ascii: "\""))
    }
}
