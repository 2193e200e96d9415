import MIGGeometry

extension Planner {
  /// The drains of a replan in steps: nodes in order of compute slices
  /// gained (after − before, largest first; fleet order on ties), added
  /// to the current step while the compute slices in service during it
  /// stay at or above the floor, else starting a new step.
  ///
  /// - Parameters:
  ///   - drained: the nodes with a changed GPU.
  ///   - before: each node's compute slices in service now.
  ///   - after: each node's compute slices after the replan.
  ///   - names: each node's name.
  ///   - floorShare: the share (0 to 1) of today's total to keep.
  /// - Returns: the steps, today's total and the floor in slices.
  /// - Throws: `PlanError.doesNotFit` when one node alone would take the
  ///   capacity below the floor.
  /// - Complexity: O(D log D) for D drained nodes.
  static func drainSteps(
    drained: [Int], before: [Int], after: [Int], names: [String],
    floorShare: Double
  ) throws(PlanError) -> (steps: [ReplanStep], total: Int, floor: Int) {
    let order = drained.sorted {
      (after[$0] - before[$0], -$0) > (after[$1] - before[$1], -$1)
    }
    let total = before.reduce(0, +)
    let floor = Int((Double(total) * floorShare).rounded(.up))
    var inService = total
    var steps: [ReplanStep] = []
    var batch: [Int] = []
    func flush() {
      guard !batch.isEmpty else { return }
      let during = inService - batch.reduce(0) { $0 + before[$1] }
      inService += batch.reduce(0) { $0 + after[$1] - before[$1] }
      steps.append(
        ReplanStep(
          nodes: batch.map { names[$0] }, capacityDuring: during,
          capacityAfter: inService))
      batch = []
    }
    for node in order {
      if inService - before[node] < floor {
        throw .doesNotFit(
          "draining \(names[node]) (\(before[node]) compute slices in "
            + "service) would drop capacity to \(inService - before[node]), "
            + "below the floor of \(floor) "
            + "(\(Int((floorShare * 100).rounded())) % of \(total)); "
            + "lower the floor")
      }
      let drainedNow = batch.reduce(0) { $0 + before[$1] } + before[node]
      if inService - drainedNow < floor { flush() }
      batch.append(node)
    }
    flush()
    return (steps, total, floor)
  }

  /// Compute slices of instances given as counts per profile name.
  static func computeSlices(_ counts: [String: Int], on model: GPUModel)
    -> Int
  {
    counts.reduce(0) {
      $0 + $1.value * (model.profile(named: $1.key)?.computeSlices ?? 0)
    }
  }
}
