import Testing

@testable import ParcoursSolver

/// The clock every search checks between its steps: over at its time limit, or once the task running the
/// search is cancelled (a service stopping its plan job), so that a search stops without a time limit too.
@Suite struct SearchClockTests {
    @Test func aCancelledTaskEndsTheSearchWhateverItsTimeLimit() async {
        let (running, cancelled) = await withTaskGroup(of: Bool.self) { group in
            group.addTask { SearchClock(limit: .infinity).isOver }
            let running = await group.next()!
            group.cancelAll()
            group.addTask { SearchClock(limit: .infinity).isOver }
            return (running, await group.next()!)
        }
        #expect(!running && cancelled)
        #expect(SearchClock(limit: 0).isOver)
    }
}
