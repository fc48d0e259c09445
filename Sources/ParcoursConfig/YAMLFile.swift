import Foundation
import Yams

/// One step of a path to a field of a YAML file: a mapping key or a sequence index.
enum FieldKey: Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case key(String)
    case index(Int)

    init(stringLiteral value: String) { self = .key(value) }
    init(integerLiteral value: Int) { self = .index(value) }
}

/// A parsed YAML file of `Config/`: decodes it and turns any problem into a ``ConfigError`` that names
/// the file, the field and the 1-based line of that field.
struct YAMLFile {
    let path: String
    let root: Node

    /// Reads and parses the file (UTF-8).
    init(url: URL) throws {
        path = url.path
        let text: String
        do {
            let data = try Data(contentsOf: url)
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw ConfigError(file: path, message: "not UTF-8 text", fr: "pas du texte UTF-8")
            }
            text = decoded
        } catch let error as ConfigError {
            throw error
        } catch {
            throw ConfigError(
                file: path, message: "cannot be read (\(error.localizedDescription))",
                fr: "illisible (\(error.localizedDescription))")
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ConfigError(file: path, line: 1, message: "the file is empty", fr: "le fichier est vide")
            }
            root = node
        } catch let error as YamlError {
            throw ConfigError(file: path, line: error.line, message: error.shortDescription)
        }
    }

    /// Decodes the whole file.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try YAMLDecoder().decode(T.self, from: root)
        } catch let error as DecodingError {
            throw problem(decoding: error, under: [])
        } catch let error as YamlError {
            throw ConfigError(file: path, line: error.line, message: error.shortDescription)
        }
    }

    /// A problem with the field at `path`, located on its line.
    func error(at path: [FieldKey], _ message: String, fr french: String? = nil) -> ConfigError {
        ConfigError(file: self.path, line: line(of: path), field: Self.fieldName(path), message: message, fr: french)
    }

    /// The 1-based line of the field at `path`, or of its deepest ancestor present in the file.
    func line(of path: [FieldKey]) -> Int? {
        var node = root
        var line = node.mark?.line
        for step in path {
            guard let next = Self.child(of: node, at: step) else { break }
            node = next
            line = node.mark?.line ?? line
        }
        return line
    }

    /// The node at `path`, if present.
    func node(at path: [FieldKey]) -> Node? {
        var node = root
        for step in path {
            guard let next = Self.child(of: node, at: step) else { return nil }
            node = next
        }
        return node
    }

    /// Decodes every value of the mapping at `path`, keyed by the keys' text, in file order. Keys are
    /// compared as written: `"1.1"` stays the text `1.1` (Yams' own lookup would resolve it as a number).
    func decodeMapping<T: Decodable>(_ type: T.Type, at path: [FieldKey]) throws -> [(key: String, value: T)] {
        guard case .mapping(let mapping) = node(at: path) else {
            throw error(at: path, "expected a mapping", fr: "table clé: valeur attendue")
        }
        return try mapping.map { pair in
            let key = pair.key.string ?? ""
            do {
                return (key, try YAMLDecoder().decode(T.self, from: pair.value))
            } catch let decoding as DecodingError {
                throw problem(decoding: decoding, under: path + [.key(key)])
            }
        }
    }

    private static func child(of node: Node, at step: FieldKey) -> Node? {
        switch (step, node) {
        case (.key(let key), .mapping(let mapping)):
            return mapping.first { $0.key.string == key }?.value
        case (.index(let index), .sequence(let sequence)):
            return sequence.indices.contains(index) ? sequence[index] : nil
        default:
            return nil
        }
    }

    /// `families[2].targets.3.1` for `["families", 2, "targets", "3.1"]`.
    static func fieldName(_ path: [FieldKey]) -> String {
        var name = ""
        for step in path {
            switch step {
            case .key(let key): name += name.isEmpty ? key : ".\(key)"
            case .index(let index): name += "[\(index)]"
            }
        }
        return name
    }

    private func problem(decoding error: DecodingError, under prefix: [FieldKey]) -> ConfigError {
        func steps(_ keys: [any CodingKey]) -> [FieldKey] {
            prefix + keys.map { key in key.intValue.map(FieldKey.index) ?? .key(key.stringValue) }
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = steps(context.codingPath)
            return ConfigError(
                file: path, line: line(of: parent), field: Self.fieldName(parent + [.key(key.stringValue)]),
                message: "missing field", fr: "champ manquant")
        case .typeMismatch(let type, let context):
            return self.error(
                at: steps(context.codingPath), "expected \(Self.describe(type))", fr: "\(Self.describeFR(type)) attendu"
            )
        case .valueNotFound(let type, let context):
            return self.error(
                at: steps(context.codingPath), "expected a value (\(Self.describe(type)))",
                fr: "valeur attendue (\(Self.describeFR(type)))")
        case .dataCorrupted(let context):
            return self.error(at: steps(context.codingPath), context.debugDescription)
        @unknown default:
            return ConfigError(file: path, message: "\(error)")
        }
    }

    private static func describeFR(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "texte"
        case is Int.Type: "nombre entier"
        case is Double.Type: "nombre"
        case is Bool.Type: "true ou false"
        default: "\(type)"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: "\(type)"
        }
    }
}

extension YamlError {
    fileprivate var line: Int? {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return nil
        }
    }

    fileprivate var shortDescription: String {
        switch self {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return "YAML syntax error: \(problem)"
        default:
            return "YAML error: \(self)"
        }
    }
}
