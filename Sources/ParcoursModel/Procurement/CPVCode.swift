/// A Common Procurement Vocabulary code with its check digit, as `80533100-0`.
public struct CPVCode: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The eight digits (`80533100`): what eForms notices carry.
    public let digits: String
    /// The check digit, as published with the code.
    public let checkDigit: String

    /// Reads `80533100-0`; nil when the text is not eight digits, a dash and one digit.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        func isDigits(_ part: Substring, count: Int) -> Bool {
            part.count == count && part.allSatisfy { $0.isASCII && $0.isNumber }
        }
        guard parts.count == 2, isDigits(parts[0], count: 8), isDigits(parts[1], count: 1) else { return nil }
        digits = String(parts[0])
        checkDigit = String(parts[1])
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = CPVCode(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "\"\(text)\" is not a CPV code 12345678-9"))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// The code as a number, for range tests.
    public var number: Int { Int(digits) ?? 0 }

    public var description: String { "\(digits)-\(checkDigit)" }
}
