/// A capacitated facility-location problem, the core of session planning: facilities are sessions
/// (a fixed cost to open, a capacity, an optional minimum load to open), customers are demand
/// groups (a demand to serve, a cost per facility for serving all of it).
public struct FacilityProblem: Sendable, Equatable {
    /// The number of facilities (sessions).
    public let facilityCount: Int
    /// The number of customers (demand groups).
    public let customerCount: Int
    /// The cost of opening each facility.
    public let fixedCosts: [Double]
    /// The most demand each facility may serve.
    public let capacities: [Double]
    /// The least demand an open facility must serve (0 when there is no minimum).
    public let minimumLoads: [Double]
    /// The demand of each customer.
    public let demands: [Double]
    /// `assignmentCosts[i * customerCount + j]`: the cost of serving all of customer j's demand from
    /// facility i (a fraction of the demand costs that fraction of it).
    public let assignmentCosts: [Double]
    /// Whether each customer must be served by a single facility.
    public let singleSource: Bool

    /// Creates a problem; the arrays must have the sizes their documentation says.
    public init(
        fixedCosts: [Double], capacities: [Double], minimumLoads: [Double]? = nil, demands: [Double],
        assignmentCosts: [Double], singleSource: Bool
    ) {
        precondition(fixedCosts.count == capacities.count, "one capacity per facility")
        precondition(assignmentCosts.count == fixedCosts.count * demands.count, "one cost per pair")
        facilityCount = fixedCosts.count
        customerCount = demands.count
        self.fixedCosts = fixedCosts
        self.capacities = capacities
        self.minimumLoads = minimumLoads ?? Array(repeating: 0, count: fixedCosts.count)
        precondition(self.minimumLoads.count == facilityCount, "one minimum load per facility")
        self.demands = demands
        self.assignmentCosts = assignmentCosts
        self.singleSource = singleSource
    }

    /// The cost of serving all of customer `customer`'s demand from `facility`.
    @inline(__always)
    public func cost(_ facility: Int, _ customer: Int) -> Double {
        assignmentCosts[facility * customerCount + customer]
    }

    /// The sum of all demands.
    public var totalDemand: Double { demands.reduce(0, +) }

    /// The same data with a minimum load of ceil(`fraction` × capacity) on every facility.
    public func withMinimumLoadFraction(_ fraction: Double) -> FacilityProblem {
        FacilityProblem(
            fixedCosts: fixedCosts, capacities: capacities,
            minimumLoads: capacities.map { Self.ceiling($0 * fraction) }, demands: demands,
            assignmentCosts: assignmentCosts, singleSource: singleSource)
    }

    /// ceil(x), ignoring the rounding noise of a product such as 0.3 × 10000 = 3000.0000000000005.
    private static func ceiling(_ value: Double) -> Double {
        (value - 1e-9 * max(1, abs(value))).rounded(.up)
    }

    /// The same data, multi-source or single-source.
    public func withSingleSource(_ single: Bool) -> FacilityProblem {
        FacilityProblem(
            fixedCosts: fixedCosts, capacities: capacities, minimumLoads: minimumLoads, demands: demands,
            assignmentCosts: assignmentCosts, singleSource: single)
    }
}
