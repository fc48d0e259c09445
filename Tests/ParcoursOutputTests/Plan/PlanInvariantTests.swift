import Foundation
import ParcoursModel
import ParcoursOutput
import Testing

/// The plan's rules re-checked from plan.json alone, by code that shares nothing with the engine's
/// eligibility: capacity, minimum, time clashes, travel (haversine × circuity), status, equipment.
@Suite struct PlanInvariantTests {
    struct Slot {
        let date: String
        let start: Int
        let end: Int
    }

    static func minutes(_ text: String) -> Int {
        let parts = text.split(separator: ":").compactMap { Int($0) }
        return parts[0] * 60 + parts[1]
    }

    /// Great-circle kilometres on a sphere of radius 6 371 km.
    static func haversine(_ a: [Double], _ b: [Double]) -> Double {
        let rad = Double.pi / 180
        let dLat = (b[0] - a[0]) * rad
        let dLon = (b[1] - a[1]) * rad
        let h = pow(sin(dLat / 2), 2) + cos(a[0] * rad) * cos(b[0] * rad) * pow(sin(dLon / 2), 2)
        return 2 * 6371 * asin(min(1, h.squareRoot()))
    }

    @Test func planJSONKeepsEveryRule() throws {
        let folder = try PythonChecker.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try PlanDocuments.write(PlanFixture.context(), to: folder)
        let data = try Data(contentsOf: folder.appending(path: "plan.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let policy = try #require(document["policy"] as? [String: Any])
        let agents = try #require(document["agents"] as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: agents.map { ($0["id"] as! String, $0) })
        let sessions = try #require(document["sessions"] as? [[String: Any]])
        #expect(!sessions.isEmpty)
        var slots: [String: [(session: String, slot: Slot)]] = [:]
        for session in sessions {
            let id = session["id"] as! String
            let participants = session["participants"] as! [String]
            let minimum = max(session["minimumSeats"] as! Int, policy["minimumGroupSize"] as? Int ?? 0)
            #expect(participants.count <= session["maximumSeats"] as! Int, "capacity of \(id)")
            #expect(participants.count >= minimum, "minimum of \(id)")
            let statuses = session["eligibleStatuses"] as! [String]
            let required = Set(session["equipmentRequired"] as! [String])
            let provided = Set(session["equipmentProvided"] as! [String])
            let venue = session["venue"] as? [String: Any]
            let days = (session["days"] as! [[String: Any]]).map {
                Slot(
                    date: $0["date"] as! String, start: Self.minutes($0["start"] as! String),
                    end: Self.minutes($0["end"] as! String))
            }
            for pseudonym in participants {
                let agent = try #require(byID[pseudonym], "participant \(pseudonym) of \(id) not among the agents")
                let status = agent["status"] as! String
                #expect(statuses.isEmpty || statuses.contains(status), "status of \(pseudonym) at \(id)")
                let equipment = Set(agent["equipment"] as! [String])
                #expect(required.subtracting(provided).isSubset(of: equipment), "equipment of \(pseudonym) at \(id)")
                if let venue {
                    let straight = Self.haversine(
                        agent["origin"] as! [Double], [venue["latitude"] as! Double, venue["longitude"] as! Double])
                    let circuity = agent["circuity"] as! [String: Any]
                    var factor = circuity["factor"] as! Double
                    if let below = circuity["shortTripBelowKilometres"] as? Double, straight < below {
                        factor = circuity["shortTripFactor"] as? Double ?? factor
                    }
                    var limit = agent["maximumTravelKilometres"] as! Double
                    if !(agent["hasCar"] as! Bool) { limit = min(limit, policy["noCarMaximumKilometres"] as! Double) }
                    if let cap = policy["maximumTravelKilometres"] as? Double { limit = min(limit, cap) }
                    #expect(straight * factor <= limit + 1e-6, "travel of \(pseudonym) to \(id)")
                }
                slots[pseudonym, default: []] += days.map { (id, $0) }
            }
        }
        for (pseudonym, list) in slots {
            for (i, a) in list.enumerated() {
                for b in list[(i + 1)...] where a.session != b.session {
                    let clash = a.slot.date == b.slot.date && a.slot.start < b.slot.end && b.slot.start < a.slot.end
                    #expect(!clash, "\(pseudonym): \(a.session) and \(b.session) overlap")
                }
            }
        }
        // Every assignment is to an open session the agent attends, and every participant has one.
        let assignments = try #require(document["assignments"] as? [[String: Any]])
        let attendance = Set(
            sessions.flatMap { s in (s["participants"] as! [String]).map { "\($0)@\(s["id"] as! String)" } })
        let assigned = Set(assignments.map { "\($0["agent"] as! String)@\($0["session"] as! String)" })
        #expect(attendance == assigned)
        // The checks above had something to check: the fixture's far session is left unopened for travel.
        let unmet = try #require(document["unmetNeeds"] as? [[String: Any]])
        let constraints = Set(
            unmet.flatMap { ($0["reasons"] as! [[String: Any]]).flatMap { $0["constraints"] as! [String] } })
        #expect(constraints.contains("travel"))
    }
}
