/// The text layouts of published facility-location instances.
public enum FacilityProblemLayout: String, Sendable, CaseIterable {
    /// OR-Library `cap*.txt` (Beasley): `m n`; m lines `capacity fixed_cost`; then per customer its
    /// demand followed by the m costs of serving all of its demand from each facility.
    case beasley
    /// `orlib-ss`, Holmberg, Yang: `m n`; m lines `capacity fixed_cost`; the n demands; then the cost
    /// matrix, one row of n costs per facility (each the cost of serving all of the customer's demand).
    case facilityMajor = "facility-major"
}

/// A problem in an instance file, with the 1-based line and the field it concerns.
public struct FacilityProblemFormatError: Error, Equatable, CustomStringConvertible {
    /// The 1-based line of the problem (the last line when the file ends too early).
    public let line: Int
    /// The field that could not be read, such as `capacity of facility 3`.
    public let field: String
    /// What is wrong.
    public let message: String

    public var description: String { "line \(line), \(field): \(message)" }
}

extension FacilityProblem {
    /// Reads an instance in `layout`. `capacity`, when given, replaces the capacity of every facility
    /// (it fills the `capacity` placeholder of OR-Library `capa`, `capb`, `capc`). Anything after the
    /// last cost is ignored: Holmberg p47 carries 17 stray numbers there, and its published optimum
    /// (6228) is that of the first m·n costs.
    public init(
        parsing text: String, layout: FacilityProblemLayout, capacity: Double? = nil, singleSource: Bool = false
    ) throws(FacilityProblemFormatError) {
        var reader = NumberReader(text: text)
        let facilities = try reader.count("number of facilities")
        let customers = try reader.count("number of customers")
        var capacities: [Double] = []
        var fixedCosts: [Double] = []
        for i in 0..<facilities {
            capacities.append(
                try reader.number("capacity of facility \(i + 1)", placeholder: "capacity", value: capacity))
            if let capacity { capacities[i] = capacity }
            fixedCosts.append(try reader.number("fixed cost of facility \(i + 1)"))
        }
        var demands = Array(repeating: 0.0, count: customers)
        var costs = Array(repeating: 0.0, count: facilities * customers)
        switch layout {
        case .beasley:
            for j in 0..<customers {
                demands[j] = try reader.demand("demand of customer \(j + 1)")
                for i in 0..<facilities {
                    costs[i * customers + j] = try reader.number("cost of customer \(j + 1) at facility \(i + 1)")
                }
            }
        case .facilityMajor:
            for j in 0..<customers { demands[j] = try reader.demand("demand of customer \(j + 1)") }
            for i in 0..<facilities {
                for j in 0..<customers {
                    costs[i * customers + j] = try reader.number("cost of customer \(j + 1) at facility \(i + 1)")
                }
            }
        }
        self.init(
            fixedCosts: fixedCosts, capacities: capacities, demands: demands, assignmentCosts: costs,
            singleSource: singleSource)
    }
}

/// Reads whitespace-separated numbers, keeping track of the line.
private struct NumberReader {
    private let bytes: [UInt8]
    private var position = 0
    private var line = 1

    init(text: String) { bytes = Array(text.utf8) }

    /// The next token and its line, or nil at the end.
    private mutating func token() -> (text: String, line: Int)? {
        while position < bytes.count, Self.isSpace(bytes[position]) {
            if bytes[position] == UInt8(ascii: "\n") { line += 1 }
            position += 1
        }
        guard position < bytes.count else { return nil }
        let start = position
        while position < bytes.count, !Self.isSpace(bytes[position]) { position += 1 }
        return (String(decoding: bytes[start..<position], as: UTF8.self), line)
    }

    /// Blanks, and the NUL padding some published files end with (Holmberg p10).
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0 || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
            || byte == UInt8(ascii: "\r")
    }

    mutating func number(
        _ field: String, placeholder: String? = nil, value: Double? = nil
    ) throws(FacilityProblemFormatError) -> Double {
        guard let (text, line) = token() else {
            throw FacilityProblemFormatError(line: self.line, field: field, message: "the file ends too early")
        }
        if let placeholder, text == placeholder {
            guard let value else {
                throw FacilityProblemFormatError(
                    line: line, field: field, message: "the placeholder '\(text)' needs a capacity to be given")
            }
            return value
        }
        guard let number = Double(text), number.isFinite, number >= 0 else {
            throw FacilityProblemFormatError(
                line: line, field: field, message: "'\(text)' is not a non-negative number")
        }
        return number
    }

    mutating func demand(_ field: String) throws(FacilityProblemFormatError) -> Double {
        let line = self.line
        let value = try number(field)
        guard value > 0 else {
            throw FacilityProblemFormatError(line: line, field: field, message: "a demand must be positive")
        }
        return value
    }

    mutating func count(_ field: String) throws(FacilityProblemFormatError) -> Int {
        let line = self.line
        let value = try number(field)
        guard value >= 1, value == value.rounded(), value < 1e7 else {
            throw FacilityProblemFormatError(line: line, field: field, message: "'\(value)' is not a positive count")
        }
        return Int(value)
    }
}
