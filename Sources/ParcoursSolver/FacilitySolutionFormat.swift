extension FacilitySolution {
    /// The solution file: single-source, one line per customer in order holding its 0-based facility;
    /// multi-source, one line `customer facility amount` per allocation (0-based, the amount in demand
    /// units with full double precision).
    public func text(singleSource: Bool) -> String {
        if singleSource {
            return allocations.map { "\($0.facility)\n" }.joined()
        }
        return allocations.map { "\($0.customer) \($0.facility) \($0.amount)\n" }.joined()
    }

    /// Reads a solution file written by ``text(singleSource:)`` for `problem`.
    public init(parsing text: String, of problem: FacilityProblem) throws(FacilitySolutionError) {
        let lines = text.split(whereSeparator: \.isNewline)
        if problem.singleSource {
            guard lines.count == problem.customerCount else {
                throw FacilitySolutionError(message: "\(lines.count) lines for \(problem.customerCount) customers")
            }
            var facilities: [Int] = []
            for (index, line) in lines.enumerated() {
                guard let facility = Int(line.filter { $0 != " " && $0 != "\r" }) else {
                    throw FacilitySolutionError(message: "line \(index + 1): '\(line)' is not a facility index")
                }
                facilities.append(facility)
            }
            self.init(singleSource: facilities, of: problem)
            return
        }
        var allocations: [FacilityAllocation] = []
        for (index, line) in lines.enumerated() {
            let fields = line.split(separator: " ")
            guard fields.count == 3, let customer = Int(fields[0]), let facility = Int(fields[1]),
                let amount = Double(fields[2])
            else {
                throw FacilitySolutionError(message: "line \(index + 1): '\(line)' is not 'customer facility amount'")
            }
            allocations.append(FacilityAllocation(customer: customer, facility: facility, amount: amount))
        }
        self.init(allocations: allocations)
    }
}
