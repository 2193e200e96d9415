import Foundation

extension Planner {
  /// A first plan under a distinct-layout limit, found without the
  /// limit's weak rows (docs/planner.md, "At most K distinct layouts"):
  ///
  /// 1. solve without the limit; while the plan uses more layouts than
  ///    allowed, solve again without its least-used ones: first allowing
  ///    only the last plan's other layouts, then, if that fails, every
  ///    layout not dropped;
  /// 2. then swap: replace one chosen layout by another seen in any plan
  ///    so far, solving with only the chosen layouts allowed, while that
  ///    lowers the objective.
  ///
  /// Returns the best plan as a solution of `limited` (the model with
  /// the limit), or nil when none was found in time; and the first
  /// solve's bound, a lower bound under the limit too (the limit only
  /// removes plans).
  ///
  /// - Complexity: at most L solves for step 1 and K × L per improving
  ///   swap, for L distinct layouts seen, each a solve of the program
  ///   without the limit.
  static func layoutLimitIncumbent(
    _ limited: PlanModel, cache: PatternCache,
    deadline: ContinuousClock.Instant
  ) -> (x: [Double]?, bound: Double) {
    guard let limit = limited.request.maxDistinctLayouts else {
      return (nil, -.infinity)
    }
    var free = limited.request
    free.maxDistinctLayouts = nil
    let model = PlanModel(
      request: free, classes: limited.classes, cache: cache)
    let clock = ContinuousClock()

    /// The program with every column of the forbidden layouts held at 0
    /// by one row, solved in a share of the time left.
    func solve(forbidding forbidden: Set<String>, share: Int)
      -> IntegerProgram.Result
    {
      var program = model.program
      if !forbidden.isEmpty {
        let row = program.lp.addRow(.atMost, 0)
        for (j, layout) in model.columnLayouts.enumerated() {
          if let key = layout?.key, forbidden.contains(key) {
            program.lp.columns[j].entries.append((row, 1))
          }
        }
      }
      let slice = (deadline - clock.now) / share
      return Planner.solve(program, deadline: clock.now + slice)
    }
    /// GPUs laid out per layout by a solution.
    func layouts(_ x: [Double]) -> [String: Int] {
      var used: [String: Int] = [:]
      for (j, layout) in model.columnLayouts.enumerated() {
        guard let layout, x[j] > 0.5 else { continue }
        used[layout.key, default: 0] += Int(x[j].rounded()) * layout.gpus
      }
      return used
    }

    // 1. Drop the least-used layouts of the last plan (half of the
    //    excess at once; fewer when that leaves no plan found in time; a
    //    single one whose loss does is kept). First with only the last
    //    plan's layouts allowed, so the count can only fall; if that
    //    ends without a plan, with every other layout allowed, so new
    //    mixes can replace the dropped ones.
    let all = Set(model.columnLayouts.compactMap { $0?.key })
    var seen = Set<String>()
    var bound = -Double.infinity
    func reduce(onlyLastLayouts: Bool) -> (x: [Double], value: Double)? {
      var forbidden = Set<String>()
      var essential = Set<String>()
      var batch: [String] = []
      var batchSize = Int.max
      var used: [String: Int] = [:]
      while clock.now < deadline {
        let result = solve(forbidding: forbidden, share: 3)
        if forbidden.isEmpty && bound == -.infinity { bound = result.bound }
        if let x = result.x {
          used = layouts(x)
          seen.formUnion(used.keys)
          if used.count <= limit { return (x, model.program.objective(x)) }
          batchSize = Int.max
        } else if !batch.isEmpty {
          forbidden.subtract(batch)
          if batch.count == 1 { essential.insert(batch[0]) }
          batchSize = max(1, batch.count / 2)
        } else {
          return nil
        }
        let candidates = used.filter { !essential.contains($0.key) }
          .sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map(\.key)
        guard !candidates.isEmpty else { return nil }
        let excess = used.count - limit
        batch = Array(
          candidates.prefix(max(1, min(batchSize, (excess + 1) / 2))))
        if onlyLastLayouts { forbidden = all.subtracting(used.keys) }
        forbidden.formUnion(batch)
      }
      return nil
    }
    let best = reduce(onlyLastLayouts: true) ?? reduce(onlyLastLayouts: false)
    guard var current = best else { return (nil, bound) }

    // 2. Swap one chosen layout for another seen, while it helps.
    var chosen = Set(layouts(current.x).keys)
    var improved = true
    search: while improved {
      improved = false
      let byUse = layouts(current.x)
      for out in chosen.sorted(by: {
        (byUse[$0] ?? 0, $0) < (byUse[$1] ?? 0, $1)
      }) {
        for candidate in seen.subtracting(chosen).sorted() {
          guard clock.now < deadline else { break search }
          let trial = chosen.subtracting([out]).union([candidate])
          let result = solve(forbidding: all.subtracting(trial), share: 8)
          guard let x = result.x else { continue }
          seen.formUnion(layouts(x).keys)
          let value = model.program.objective(x)
          if value < current.value - 1e-9 {
            current = (x, value)
            chosen = Set(layouts(x).keys)
            improved = true
            continue search
          }
        }
      }
    }

    // The same columns in the same order, then one binary per layout.
    let final = layouts(current.x)
    var limitedX = current.x
    for key in limited.layoutKeys {
      limitedX.append(final[key] != nil ? 1 : 0)
    }
    return (limited.program.isFeasible(limitedX) ? limitedX : nil, bound)
  }
}
