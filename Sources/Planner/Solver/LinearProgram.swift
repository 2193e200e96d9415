/// A linear program `minimize c·x subject to rows, x ≥ 0`, solved by the
/// revised simplex method with a dense LU basis factorization (LAPACK).
///
/// Rows are `a·x ≥ b`, `a·x ≤ b` or `a·x = b`. Columns are stored sparse
/// (pattern columns have a handful of non-zeros); the basis is dense.
struct LinearProgram: Sendable {
  /// The relation of a row.
  enum Sense: Sendable { case atLeast, atMost, equal }

  /// One constraint row.
  struct Row: Sendable {
    var sense: Sense
    var rhs: Double
  }

  /// One variable: its cost and its non-zero coefficients (row, value).
  struct Column: Sendable {
    var cost: Double
    var entries: [(row: Int, value: Double)]
  }

  var rows: [Row] = []
  var columns: [Column] = []

  /// The outcome of a solve.
  enum Outcome: Sendable {
    case optimal(value: Double, x: [Double], duals: [Double])
    case infeasible
    case unbounded
    /// The deadline passed before the solve ended.
    case interrupted
  }

  /// Adds a row and returns its index.
  @discardableResult
  mutating func addRow(_ sense: Sense, _ rhs: Double) -> Int {
    rows.append(Row(sense: sense, rhs: rhs))
    return rows.count - 1
  }

  /// Adds a column and returns its index.
  @discardableResult
  mutating func addColumn(
    cost: Double, entries: [(row: Int, value: Double)]
  ) -> Int {
    columns.append(Column(cost: cost, entries: entries))
    return columns.count - 1
  }

  /// Solves the program by the two-phase revised simplex method.
  ///
  /// Pricing is Dantzig's rule (most negative reduced cost); after a run
  /// of degenerate pivots it switches to Bland's rule, which cannot cycle.
  ///
  /// - Parameters:
  ///   - iterationLimit: a guard against numerical trouble.
  ///   - deadline: when to give up (`interrupted`), checked every few
  ///     pivots; none by default.
  /// - Complexity: per iteration O(m³) for the factorization of an m-row
  ///   basis plus O(nnz) for pricing.
  func solve(
    iterationLimit: Int = 200_000, deadline: ContinuousClock.Instant? = nil
  ) -> Outcome {
    solveCold(iterationLimit: iterationLimit, deadline: deadline).outcome
  }

  /// `solve()`, also returning the optimal basis when no artificial
  /// variable is left in it.
  func solveCold(
    iterationLimit: Int = 200_000, deadline: ContinuousClock.Instant? = nil
  ) -> (outcome: Outcome, basis: [Int]?) {
    let m = rows.count
    let n = columns.count
    if m == 0 {
      // Nothing constrains x ≥ 0: zero is optimal unless a cost is negative.
      if columns.contains(where: { $0.cost < -Self.tolerance }) {
        return (.unbounded, nil)
      }
      return (
        .optimal(value: 0, x: Array(repeating: 0, count: n), duals: []), nil
      )
    }
    // Standard form: flip rows so every right-hand side is ≥ 0, add a
    // slack (≤) or surplus (≥) per inequality and an artificial per row
    // without a slack in the starting basis.
    var sign = Array(repeating: 1.0, count: m)
    var senses = rows.map(\.sense)
    var b = rows.map(\.rhs)
    for i in 0..<m where b[i] < 0 {
      sign[i] = -1
      b[i] = -b[i]
      switch senses[i] {
      case .atLeast: senses[i] = .atMost
      case .atMost: senses[i] = .atLeast
      case .equal: break
      }
    }
    var cols: [[(row: Int, value: Double)]] = columns.map { column in
      column.entries.map { ($0.row, $0.value * sign[$0.row]) }
    }
    var cost = columns.map(\.cost)
    // The slack of row i is column n + i in every solve (an equality row
    // gets an empty one), so a basis can be handed to a child program.
    var basis = Array(repeating: -1, count: m)
    for i in 0..<m {
      switch senses[i] {
      case .atMost: cols.append([(i, 1)])
      case .atLeast: cols.append([(i, -1)])
      case .equal: cols.append([])
      }
      cost.append(0)
      if senses[i] == .atMost { basis[i] = cols.count - 1 }
    }
    let firstArtificial = cols.count
    for i in 0..<m where basis[i] < 0 {
      cols.append([(i, 1)])
      cost.append(0)
      basis[i] = cols.count - 1
    }
    let total = cols.count
    let isArtificial = { (j: Int) in j >= firstArtificial }

    var engine = Engine(
      m: m, columns: cols, b: b, basis: basis, iterationLimit: iterationLimit,
      deadline: deadline)
    if firstArtificial < total {
      let phaseOne = (0..<total).map { isArtificial($0) ? 1.0 : 0.0 }
      switch engine.run(cost: phaseOne, barred: { _ in false }) {
      case .interrupted: return (.interrupted, nil)
      case .unbounded, .stalled: return (.infeasible, nil)
      case .optimal(let value):
        if value > Self.feasibilityTolerance * max(1, b.reduce(0, +)) {
          return (.infeasible, nil)
        }
      }
    }
    var phaseTwo = cost
    for j in firstArtificial..<total { phaseTwo[j] = 0 }
    switch engine.run(cost: phaseTwo, barred: isArtificial) {
    case .interrupted: return (.interrupted, nil)
    case .unbounded: return (.unbounded, nil)
    case .stalled: return (.infeasible, nil)
    case .optimal(let value):
      var x = Array(repeating: 0.0, count: n)
      for (i, j) in engine.basis.enumerated() where j < n {
        x[j] = max(0, engine.values[i])
      }
      let duals = (0..<m).map { engine.duals[$0] * sign[$0] }
      let basis =
        engine.basis.allSatisfy { $0 < firstArtificial } ? engine.basis : nil
      return (.optimal(value: value, x: x, duals: duals), basis)
    }
  }

  /// Solves starting from a basis of a closely related program (the
  /// parent of a branch): the same structural columns, the same rows plus
  /// at most a few appended ones. The basis stays dual feasible, so the
  /// dual simplex method restores primal feasibility in a few pivots;
  /// the primal method then finishes. Falls back to a cold solve when
  /// the basis does not fit or the pivots stall.
  ///
  /// - Parameters:
  ///   - warm: basic columns (structural j, or n + i for the slack of row
  ///     i), one per row of the parent program.
  ///   - deadline: as in `solve(iterationLimit:deadline:)`.
  /// - Returns: the outcome and the optimal basis, if any.
  /// - Complexity: per pivot O(m³ + nnz), as `solve`.
  func solve(warm: [Int]?, deadline: ContinuousClock.Instant? = nil)
    -> (outcome: Outcome, basis: [Int]?)
  {
    let m = rows.count
    let n = columns.count
    guard var basis = warm, basis.count <= m, m > 0,
      rows.allSatisfy({ $0.sense != .equal })
    else {
      return solveCold(deadline: deadline)
    }
    for i in basis.count..<m { basis.append(n + i) }
    var cols: [[(row: Int, value: Double)]] = columns.map(\.entries)
    var cost = columns.map(\.cost)
    for i in 0..<m {
      cols.append([(i, rows[i].sense == .atMost ? 1 : -1)])
      cost.append(0)
    }
    var engine = Engine(
      m: m, columns: cols, b: rows.map(\.rhs), basis: basis,
      iterationLimit: 10_000, deadline: deadline)
    switch engine.restoreFeasibility(cost: cost) {
    case .some(false):
      return (.infeasible, nil)
    case .none:
      if engine.isInterrupted { return (.interrupted, nil) }
      return solveCold(deadline: deadline)
    case .some(true):
      break
    }
    switch engine.run(cost: cost, barred: { _ in false }) {
    case .interrupted: return (.interrupted, nil)
    case .unbounded: return (.unbounded, nil)
    case .stalled:
      return solveCold(deadline: deadline)
    case .optimal(let value):
      var x = Array(repeating: 0.0, count: n)
      for (i, j) in engine.basis.enumerated() where j < n {
        x[j] = max(0, engine.values[i])
      }
      return (
        .optimal(value: value, x: x, duals: engine.duals), engine.basis
      )
    }
  }

  static let tolerance = 1e-9
  static let feasibilityTolerance = 1e-7

  /// The simplex iterations over a fixed set of standard-form columns.
  private struct Engine {
    let m: Int
    let columns: [[(row: Int, value: Double)]]
    let b: [Double]
    var basis: [Int]
    var values: [Double] = []
    var duals: [Double] = []
    let iterationLimit: Int
    let deadline: ContinuousClock.Instant?
    /// Whether a run stopped at the deadline.
    var isInterrupted = false

    enum Result { case optimal(Double), unbounded, stalled, interrupted }

    init(
      m: Int, columns: [[(row: Int, value: Double)]], b: [Double],
      basis: [Int], iterationLimit: Int, deadline: ContinuousClock.Instant?
    ) {
      self.m = m
      self.columns = columns
      self.b = b
      self.basis = basis
      self.iterationLimit = iterationLimit
      self.deadline = deadline
    }

    /// Whether the deadline has passed, read every 8th pivot (a clock
    /// read costs less than a pivot, but not nothing).
    mutating func timeIsUp(_ pivot: Int) -> Bool {
      guard let deadline, pivot % 8 == 7 else { return false }
      if ContinuousClock.now >= deadline { isInterrupted = true }
      return isInterrupted
    }

    func factor() -> DenseLU? {
      var matrix = Array(repeating: 0.0, count: m * m)
      for (k, j) in basis.enumerated() {
        for entry in columns[j] { matrix[k * m + entry.row] = entry.value }
      }
      return DenseLU(columnMajor: matrix, order: m)
    }

    /// The dual simplex method from a dual feasible basis: while a basic
    /// variable is negative, it leaves, and the nonbasic column that keeps
    /// every reduced cost non-negative enters.
    ///
    /// - Returns: `true` when the basis is primal feasible, `false` when a
    ///   row proves the program infeasible, `nil` when the pivots stall
    ///   (a singular basis or the iteration limit).
    mutating func restoreFeasibility(cost: [Double]) -> Bool? {
      var inBasis = Array(repeating: false, count: columns.count)
      for j in basis { inBasis[j] = true }
      for pivot in 0..<iterationLimit {
        if timeIsUp(pivot) { return nil }
        guard let lu = factor() else { return nil }
        values = lu.solve(b)
        var leaving = -1
        var lowest = -LinearProgram.feasibilityTolerance
        for i in 0..<m where values[i] < lowest {
          lowest = values[i]
          leaving = i
        }
        if leaving < 0 { return true }
        duals = lu.solve(basis.map { cost[$0] }, transposed: true)
        var unit = Array(repeating: 0.0, count: m)
        unit[leaving] = 1
        let row = lu.solve(unit, transposed: true)
        var entering = -1
        var bestRatio = Double.infinity
        for j in 0..<columns.count where !inBasis[j] {
          var alpha = 0.0
          var reduced = cost[j]
          for entry in columns[j] {
            alpha += row[entry.row] * entry.value
            reduced -= duals[entry.row] * entry.value
          }
          guard alpha < -LinearProgram.tolerance else { continue }
          let ratio = max(0, reduced) / -alpha
          if ratio < bestRatio - 1e-12 {
            bestRatio = ratio
            entering = j
          }
        }
        if entering < 0 { return false }
        inBasis[basis[leaving]] = false
        basis[leaving] = entering
        inBasis[entering] = true
      }
      return nil
    }

    mutating func run(cost: [Double], barred: (Int) -> Bool) -> Result {
      var inBasis = Array(repeating: false, count: columns.count)
      for j in basis { inBasis[j] = true }
      var degenerateRun = 0
      for pivot in 0..<iterationLimit {
        if timeIsUp(pivot) { return .interrupted }
        guard let lu = factor() else { return .stalled }
        values = lu.solve(b)
        duals = lu.solve(basis.map { cost[$0] }, transposed: true)
        // Pricing.
        let useBland = degenerateRun > 50
        var entering = -1
        var best = -LinearProgram.tolerance
        for j in 0..<columns.count where !inBasis[j] && !barred(j) {
          var reduced = cost[j]
          for entry in columns[j] { reduced -= duals[entry.row] * entry.value }
          if reduced < best {
            best = reduced
            entering = j
            if useBland { break }
          }
        }
        if entering < 0 {
          var value = 0.0
          for (i, j) in basis.enumerated() { value += cost[j] * values[i] }
          return .optimal(value)
        }
        var column = Array(repeating: 0.0, count: m)
        for entry in columns[entering] { column[entry.row] = entry.value }
        let direction = lu.solve(column)
        // Ratio test; a basic artificial (barred) at zero blocks any move
        // that would make it non-zero.
        var leaving = -1
        var step = Double.infinity
        for i in 0..<m {
          let u = direction[i]
          if barred(basis[i]) && abs(u) > LinearProgram.tolerance {
            if max(0, values[i]) / abs(u) < step
              || (leaving >= 0 && step == 0 && basis[i] < basis[leaving])
            {
              step = max(0, values[i]) / abs(u)
              leaving = i
            }
            continue
          }
          guard u > LinearProgram.tolerance else { continue }
          let ratio = max(0, values[i]) / u
          if ratio < step - 1e-12
            || (abs(ratio - step) <= 1e-12 && leaving >= 0
              && basis[i] < basis[leaving])
          {
            step = ratio
            leaving = i
          }
        }
        if leaving < 0 { return .unbounded }
        degenerateRun = step < 1e-12 ? degenerateRun + 1 : 0
        inBasis[basis[leaving]] = false
        basis[leaving] = entering
        inBasis[entering] = true
      }
      return .stalled
    }
  }
}
