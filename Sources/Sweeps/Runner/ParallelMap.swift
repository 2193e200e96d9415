import Dispatch
import Synchronization

/// Evaluates independent tasks on several threads and returns the results
/// in task order, so what a caller sees never depends on the thread count
/// or on which task finished first.
enum ParallelMap {
  /// `task(0)`, …, `task(count − 1)`, evaluated on up to `threads`
  /// threads; each result lands in its own slot.
  ///
  /// - Parameters:
  ///   - count: The number of tasks.
  ///   - threads: The most threads to use, at least 1.
  ///   - task: A task; it must not depend on the others.
  /// - Complexity: `count` tasks spread over the threads.
  static func map<Result: Sendable>(
    count: Int, threads: Int, _ task: @Sendable (Int) -> Result
  ) -> [Result] {
    precondition(threads >= 1, "at least one thread")
    guard count > 0 else { return [] }
    let board = Board<Result>(count: count)
    let workers = min(threads, count)
    if workers == 1 {
      return (0..<count).map(task)
    }
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while let index = board.claim() {
        board.store(task(index), at: index)
      }
    }
    return board.results()
  }

  /// The next unclaimed task and the results so far.
  private final class Board<Result: Sendable>: Sendable {
    private let next = Mutex(0)
    private let slots: Mutex<[Result?]>
    private let count: Int

    init(count: Int) {
      self.count = count
      slots = Mutex(Array(repeating: nil, count: count))
    }

    func claim() -> Int? {
      next.withLock { next in
        guard next < count else { return nil }
        next += 1
        return next - 1
      }
    }

    func store(_ result: Result, at index: Int) {
      slots.withLock { $0[index] = result }
    }

    func results() -> [Result] {
      slots.withLock { slots in
        slots.map { slot in
          guard let slot else { preconditionFailure("a task never ran") }
          return slot
        }
      }
    }
  }
}
