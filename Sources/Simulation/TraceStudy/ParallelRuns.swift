import Dispatch
import Synchronization

/// Runs independent jobs on several threads and returns their results in
/// job order, so the output does not depend on the thread count.
public enum ParallelRuns {
  /// Evaluates `job(0..<count)` on up to `threads` threads.
  ///
  /// - Precondition: `threads > 0`.
  /// - Complexity: O(count) jobs, spread over the threads.
  public static func map<Result: Sendable>(
    count: Int, threads: Int, _ job: @Sendable (Int) -> Result
  ) -> [Result] {
    precondition(threads > 0)
    let state = State<Result>(count: count)
    DispatchQueue.concurrentPerform(iterations: min(threads, max(count, 1))) {
      _ in
      while let index = state.takeNext() {
        let result = job(index)
        state.store(result, at: index)
      }
    }
    return state.results()
  }

  private final class State<Result: Sendable>: Sendable {
    private let next = Mutex(0)
    private let slots: Mutex<[Result?]>
    private let count: Int

    init(count: Int) {
      self.count = count
      slots = Mutex(Array(repeating: nil, count: count))
    }

    func takeNext() -> Int? {
      next.withLock { next in
        guard next < count else { return nil }
        defer { next += 1 }
        return next
      }
    }

    func store(_ result: Result, at index: Int) {
      slots.withLock { $0[index] = result }
    }

    func results() -> [Result] {
      slots.withLock { slots in
        slots.map { slot in
          guard let slot else { preconditionFailure("a job did not run") }
          return slot
        }
      }
    }
  }
}
