import Planner
import Reports
import Scenarios

extension Replan {
  /// One row per step.
  func stepTable() -> Table {
    var table = Table(columns: [
      .init("step", rightAligned: true), .init("nodes"),
      .init("capacityDuring", rightAligned: true),
      .init("capacityAfter", rightAligned: true),
      .init("seconds", rightAligned: true),
    ])
    for (i, step) in steps.enumerated() {
      table.append([
        .integer(i + 1), .text(step.nodes.joined(separator: " ")),
        .integer(step.capacityDuring), .integer(step.capacityAfter),
        .integer(downtimePerNodeSeconds),
      ])
    }
    return table
  }

  /// The name of a figure in output.
  static func label(_ figure: ReplanObjective) -> String {
    switch figure {
    case .gpus: "GPUs re-laid out"
    case .instances: "running instances disturbed"
    case .nodes: "nodes drained"
    }
  }

  /// The human summary of a replan.
  func text(_ parted: PlanMIGParted) -> String {
    var lines: [String] = []
    let ties = minimize.order.dropFirst().map(\.rawValue)
    lines.append(
      "minimize \(minimize.rawValue) (ties: "
        + ties.joined(separator: ", then ") + "): "
        + "\(value(of: minimize)), bound \(bound), gap \(gap)"
        + (plan.isOptimal
          ? " (optimal)"
          : " (stopped by the time limit, a wall clock: best found; "
            + "a rerun may differ)"))
    lines.append(
      "GPUs re-laid out: \(changedGPUs); running instances disturbed: "
        + "\(disturbedInstances); nodes drained: \(drainedNodes.count)")
    lines.append(
      "\(steps.count) step(s), \(downtimePerNodeSeconds) s of downtime per "
        + "drained node, \(totalSeconds) s in all")
    let lowest = steps.map(\.capacityDuring).min() ?? capacityBefore
    lines.append(
      "compute slices in service: \(capacityBefore) before, floor "
        + "\(capacityFloorSlices), lowest during a step \(lowest), after "
        + "\(steps.last?.capacityAfter ?? capacityBefore)")
    lines.append("")
    lines.append(Plan.trimmed(stepTable().renderText()))
    lines.append("")
    // The plan's own objective line is the replan's first lines.
    lines.append(
      plan.text(parted).split(separator: "\n", omittingEmptySubsequences: false)
        .dropFirst(2).joined(separator: "\n"))
    return lines.joined(separator: "\n")
  }

  /// The replan as JSON: its figures, its steps and the plan.
  func outputValue(_ parted: PlanMIGParted) -> OutputValue {
    .mapping([
      .init("minimize", .string(minimize.rawValue)),
      .init(
        "tieBreak",
        .sequence(
          minimize.order.dropFirst().map {
            .string($0.rawValue)
          })),
      .init("value", .integer(value(of: minimize))),
      .init("bound", .integer(bound)),
      .init("gap", .integer(gap)),
      .init("optimal", .bool(plan.isOptimal)),
      .init("changedGPUs", .integer(changedGPUs)),
      .init("disturbedInstances", .integer(disturbedInstances)),
      .init("nodesDrained", .integer(drainedNodes.count)),
      .init("drainedNodes", .sequence(drainedNodes.map(OutputValue.string))),
      .init("capacityBefore", .integer(capacityBefore)),
      .init("capacityFloor", .integer(capacityFloorSlices)),
      .init("downtimePerNodeSeconds", .integer(downtimePerNodeSeconds)),
      .init("totalSeconds", .integer(totalSeconds)),
      .init("steps", stepTable().outputValue),
      .init("plan", plan.outputValue(parted)),
    ])
  }
}
