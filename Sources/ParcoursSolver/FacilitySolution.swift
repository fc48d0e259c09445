/// Part of a customer's demand served by a facility.
public struct FacilityAllocation: Sendable, Equatable {
    /// The 0-based customer.
    public let customer: Int
    /// The 0-based facility.
    public let facility: Int
    /// The demand served, in demand units.
    public let amount: Double

    public init(customer: Int, facility: Int, amount: Double) {
        self.customer = customer
        self.facility = facility
        self.amount = amount
    }
}

/// A plan: which facility serves how much of which customer. The open facilities are those serving
/// something.
public struct FacilitySolution: Sendable, Equatable {
    /// The non-zero allocations, by customer then facility.
    public let allocations: [FacilityAllocation]

    public init(allocations: [FacilityAllocation]) {
        self.allocations = allocations.sorted { ($0.customer, $0.facility) < ($1.customer, $1.facility) }
    }

    /// A single-source plan: `facilities[j]` serves all of customer j's demand.
    public init(singleSource facilities: [Int], of problem: FacilityProblem) {
        self.init(
            allocations: facilities.enumerated().map {
                FacilityAllocation(customer: $0.offset, facility: $0.element, amount: problem.demands[$0.offset])
            })
    }
}

/// Why a plan is not a solution of a problem.
public struct FacilitySolutionError: Error, Equatable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

extension FacilityProblem {
    /// The true cost of `solution` (fixed costs of the facilities serving something plus the share of
    /// each assignment cost), after checking that it serves every demand exactly, respects every
    /// capacity and minimum load (to a relative 1e-9), and is single-source when the problem is.
    public func cost(of solution: FacilitySolution) throws(FacilitySolutionError) -> Double {
        var served = Array(repeating: 0.0, count: customerCount)
        var sources = Array(repeating: 0, count: customerCount)
        var loads = Array(repeating: 0.0, count: facilityCount)
        var variableCost = 0.0
        for allocation in solution.allocations {
            let (j, i) = (allocation.customer, allocation.facility)
            guard (0..<customerCount).contains(j), (0..<facilityCount).contains(i) else {
                throw FacilitySolutionError(message: "allocation \(j) \(i) names no such customer or facility")
            }
            guard allocation.amount > 0, allocation.amount.isFinite else {
                throw FacilitySolutionError(message: "customer \(j) at facility \(i): amount \(allocation.amount)")
            }
            served[j] += allocation.amount
            sources[j] += 1
            loads[i] += allocation.amount
            variableCost += cost(i, j) * (allocation.amount / demands[j])
        }
        for j in 0..<customerCount where !Self.isClose(served[j], demands[j]) {
            throw FacilitySolutionError(message: "customer \(j) is served \(served[j]) of its demand \(demands[j])")
        }
        if singleSource, let j = sources.indices.first(where: { sources[$0] > 1 }) {
            throw FacilitySolutionError(message: "customer \(j) is served by \(sources[j]) facilities")
        }
        var fixedCost = 0.0
        for i in 0..<facilityCount where loads[i] > 0 {
            fixedCost += fixedCosts[i]
            if loads[i] > capacities[i] + Self.tolerance(capacities[i]) {
                throw FacilitySolutionError(message: "facility \(i) serves \(loads[i]) > capacity \(capacities[i])")
            }
            if loads[i] < minimumLoads[i] - Self.tolerance(minimumLoads[i]) {
                throw FacilitySolutionError(
                    message: "facility \(i) serves \(loads[i]) < minimum load \(minimumLoads[i])")
            }
        }
        return fixedCost + variableCost
    }

    private static func tolerance(_ value: Double) -> Double { 1e-9 * max(1, abs(value)) }

    private static func isClose(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= tolerance(b) }
}
