import Foundation
import Yams

/// Decodes one YAML file of `Config/` into a `Decodable` type, turning decoding failures into a
/// ``ConfigError`` that names the file, the field and, where the YAML parser knows it, the line.
enum YAMLFile {
    static func decode<T: Decodable>(_ type: T.Type, from url: URL) throws -> T {
        let path = url.path
        let text: String
        do {
            let data = try Data(contentsOf: url)
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw ConfigError(file: path, message: "not UTF-8 text")
            }
            text = decoded
        } catch let error as ConfigError {
            throw error
        } catch {
            throw ConfigError(file: path, message: "cannot be read (\(error.localizedDescription))")
        }
        do {
            return try YAMLDecoder().decode(T.self, from: text)
        } catch let error as YamlError {
            throw ConfigError(file: path, line: error.line, message: error.shortDescription)
        } catch let error as DecodingError {
            throw ConfigError(decoding: error, file: path)
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

extension ConfigError {
    init(decoding error: DecodingError, file: String) {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
                .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .keyNotFound(let key, let context):
            self.init(file: file, field: path(context.codingPath + [key]), message: "missing field")
        case .typeMismatch(let type, let context):
            self.init(file: file, field: path(context.codingPath), message: "expected \(type)")
        case .valueNotFound(let type, let context):
            self.init(file: file, field: path(context.codingPath), message: "expected a value of type \(type)")
        case .dataCorrupted(let context):
            self.init(file: file, field: path(context.codingPath), message: context.debugDescription)
        @unknown default:
            self.init(file: file, message: "\(error)")
        }
    }
}
