import Foundation

extension Planner {
  /// A first plan under a distinct-layout limit, found without the
  /// limit's weak rows: solve without the limit; while the solution uses
  /// more layouts than allowed, forbid the one laying out the fewest GPUs
  /// and solve again. Returns the solution as one of `limited` (the model
  /// with the limit), or nil when forbidding leaves no plan or time runs
  /// out; and the first solve's bound, a lower bound under the limit too
  /// (the limit only removes plans).
  ///
  /// - Complexity: at most L solves of the program without the limit, for
  ///   L distinct layouts.
  static func layoutLimitIncumbent(
    _ limited: PlanModel, cache: PatternCache,
    deadline: ContinuousClock.Instant
  ) -> (x: [Double]?, bound: Double) {
    guard let limit = limited.request.maxDistinctLayouts else {
      return (nil, -.infinity)
    }
    var bound = -Double.infinity
    var free = limited.request
    free.maxDistinctLayouts = nil
    let model = PlanModel(
      request: free, classes: limited.classes, cache: cache)
    var forbidden = Set<String>()
    var essential = Set<String>()
    // The layouts of the last plan found, and the layout forbidden since.
    var used: [String: Int] = [:]
    var dropped: String? = nil
    let clock = ContinuousClock()
    while clock.now < deadline {
      // One row holds every column of the forbidden layouts at 0.
      var program = model.program
      if !forbidden.isEmpty {
        let row = program.lp.addRow(.atMost, 0)
        for (j, layout) in model.columnLayouts.enumerated() {
          if let key = layout?.key, forbidden.contains(key) {
            program.lp.columns[j].entries.append((row, 1))
          }
        }
      }
      let share = (deadline - clock.now) / 3
      let result = solve(program, deadline: clock.now + share)
      if forbidden.isEmpty { bound = result.bound }
      if let x = result.x {
        used = [:]
        for (j, layout) in model.columnLayouts.enumerated() {
          guard let layout, x[j] > 0.5 else { continue }
          used[layout.key, default: 0] += Int(x[j].rounded()) * layout.gpus
        }
        if used.count <= limit {
          // The same columns in the same order, then a binary per layout.
          var limitedX = x
          for key in limited.layoutKeys {
            limitedX.append(used[key] != nil ? 1 : 0)
          }
          return (limited.program.isFeasible(limitedX) ? limitedX : nil, bound)
        }
      } else if result.isComplete, let last = dropped {
        // Forbidding it left no plan: keep it, and try the next.
        forbidden.remove(last)
        essential.insert(last)
      } else {
        return (nil, bound)
      }
      guard
        let next = used.filter({ !essential.contains($0.key) })
          .min(by: { ($0.value, $0.key) < ($1.value, $1.key) })?.key
      else { return (nil, bound) }
      forbidden.insert(next)
      dropped = next
    }
    return (nil, bound)
  }
}
