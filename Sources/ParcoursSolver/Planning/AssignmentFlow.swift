/// The most profitable assignment of agents to sessions, each agent to at most one session and each
/// session between a lower and an upper number of agents, as a min-cost flow solved by successive
/// shortest paths (Bellman–Ford queue, as arc costs are negative).
///
/// Lower bounds are met first where they can be: the first `lower` units into each session carry a
/// large bonus, so the flow fills minimums before it maximises profit; sessions that still end below
/// their lower bound are the caller's to close.
struct AssignmentFlow {
    private struct Arc {
        var to: Int
        var capacity: Int
        var cost: Double
    }

    private let sessionCount: Int
    private var arcs: [Arc] = []
    private var outgoing: [[Int]]
    private var agentArcs: [[(session: Int, arc: Int)]] = []
    private let source = 0
    private let sink = 1
    private static let minimumBonus = 1e7

    /// `lower` and `upper`: per session, the seats to fill at least and at most.
    init(lower: [Int], upper: [Int]) {
        sessionCount = lower.count
        outgoing = Array(repeating: [], count: 2 + lower.count)
        for session in 0..<lower.count {
            let first = max(0, min(lower[session], upper[session]))
            if first > 0 { addArc(from: sessionNode(session), to: sink, capacity: first, cost: -Self.minimumBonus) }
            let rest = max(0, upper[session] - first)
            if rest > 0 { addArc(from: sessionNode(session), to: sink, capacity: rest, cost: 0) }
        }
    }

    private func sessionNode(_ session: Int) -> Int { 2 + session }

    private mutating func addArc(from: Int, to: Int, capacity: Int, cost: Double) {
        outgoing[from].append(arcs.count)
        arcs.append(Arc(to: to, capacity: capacity, cost: cost))
        outgoing[to].append(arcs.count)
        arcs.append(Arc(to: from, capacity: 0, cost: -cost))
    }

    /// Adds an agent who may join any of `choices` for the profit given; returns the agent's index.
    @discardableResult
    mutating func addAgent(choices: [(session: Int, profit: Double)]) -> Int {
        let node = outgoing.count
        outgoing.append([])
        addArc(from: source, to: node, capacity: 1, cost: 0)
        var list: [(session: Int, arc: Int)] = []
        for choice in choices {
            list.append((choice.session, arcs.count))
            addArc(from: node, to: sessionNode(choice.session), capacity: 1, cost: -choice.profit)
        }
        agentArcs.append(list)
        return agentArcs.count - 1
    }

    /// The session of each agent (nil: none), maximising total profit once lower bounds are filled.
    mutating func solve() -> [Int?] {
        let nodeCount = outgoing.count
        var distance = [Double](repeating: .infinity, count: nodeCount)
        var via = [Int](repeating: -1, count: nodeCount)
        var queued = [Bool](repeating: false, count: nodeCount)
        while true {
            for node in 0..<nodeCount {
                distance[node] = .infinity
                via[node] = -1
            }
            distance[source] = 0
            var queue = [source]
            var head = 0
            queued[source] = true
            while head < queue.count {
                let node = queue[head]
                head += 1
                queued[node] = false
                for index in outgoing[node] where arcs[index].capacity > 0 {
                    let arc = arcs[index]
                    let candidate = distance[node] + arc.cost
                    if candidate < distance[arc.to] - 1e-6 {
                        distance[arc.to] = candidate
                        via[arc.to] = index
                        if !queued[arc.to] {
                            queued[arc.to] = true
                            queue.append(arc.to)
                        }
                    }
                }
                if head > 64 * nodeCount { break }  // guards against cycling on rounding noise
            }
            guard distance[sink] < -1e-6 else { break }
            var node = sink
            while node != source {
                let index = via[node]
                arcs[index].capacity -= 1
                arcs[index ^ 1].capacity += 1
                node = arcs[index ^ 1].to
            }
        }
        return agentArcs.map { list in list.first { arcs[$0.arc].capacity == 0 }?.session }
    }
}
