import Foundation
import MIGGeometry
import Planner
import Reports
import Scenarios

/// `migsim plan`: MIG layouts that serve every tenant on the fewest GPUs.
struct PlanCommand: Command {
  let name = "plan"
  let abstract = "plan MIG layouts: the fewest GPUs that serve every tenant"
  let usage =
    "DEMAND | --from-scenario SCENARIO [--percentile P] [--objective NAME] "
    + "[--time-limit DURATION] [--max-layouts K] [--output FILE] "
    + "[--labels FILE] [--current FILE [--current-labels FILE] "
    + "[--minimize gpus|instances|nodes] [--floor PERCENT] "
    + "[--reconfiguration-time DURATION]] "
    + "[--format table|json|csv]"
  let discussion = """
    Reads a demand file (the fleet's node groups, each with a config per
    GPU, per node or per group; each tenant's MIG instances, capacity in
    compute slices or memory over allowed profiles, whole GPUs, and
    isolation; docs/plan-format.md) and finds layouts the driver accepts
    that serve all of it on the fewest GPUs (or at the lowest cost, or,
    with --objective most-demand, the most weighted demand the fleet
    holds), with at most --max-layouts distinct GPU layouts in the
    fleet when given. The exact search returns a proven lower
    bound; the gap is the plan's value minus the bound (0: optimal). When
    the time limit ends the search, the best plan found is printed with
    its gap. Baselines show what all-balanced, single-profile configs and
    greedy first-fit decreasing would need.

    --output writes a mig-parted 'version: v1' file: one config per
    distinct node layout, named after its node group when the group's
    nodes all agree (so 'migsim simulate SCENARIO --mig-config FILE'
    applies it to the pool of that name). --labels writes the node →
    nvidia.com/mig.config label map. An input file is never overwritten,
    and replacing an existing file is said on standard error.

    With --current (a mig-parted file of today's layouts: configs named
    after node groups, or any configs with --current-labels), the plan
    makes the fewest changes instead, and orders the node drains in
    steps so that the compute slices in service never drop below --floor
    (default 75 %) of today's; each drained node is out of service for
    --reconfiguration-time (default 60s, as in the simulator). A change
    is counted three ways: GPUs re-laid out (their instances differ),
    running instances disturbed (today's instances on those GPUs) and
    nodes drained (nodes with such a GPU). --minimize picks the one to
    minimize first: gpus (default) breaks ties by instances, then nodes;
    instances by gpus, then nodes; nodes by gpus, then instances (with
    gpus or instances first, nodes break ties only approximately: the
    changes are packed onto few nodes). For example, when a new instance
    could go on an empty GPU of a busy node or on a GPU with two idle
    instances of a quiet node, gpus sees a tie (then fewer instances
    wins: the empty GPU); with --minimize nodes, a GPU on a node drained
    anyway adds no node. A node whose drain alone would take capacity
    below the floor is kept in service when the demand allows it.

    With --from-scenario, the scenario is simulated and its MIG pools
    become the fleet (one config per pool), and each tenant's demand per
    profile is its concurrent demand at --percentile (default 95) of the
    run's time.
    Definitions: docs/planner.md.
    """
  var examples: [(command: String, comment: String)] {
    [
      (
        "migsim plan scenarios/demand/mig-capacity.yaml",
        "the plan and baselines"
      ),
      (
        "migsim plan scenarios/demand/mig-capacity.yaml -o plan.yaml",
        "write the mig-parted file"
      ),
      (
        "migsim simulate scenarios/mig-capacity.yaml --mig-config plan.yaml",
        "run the scenario with the planned layouts"
      ),
      (
        "migsim plan demand.yaml --objective most-demand --format json",
        "the most weighted demand the fleet serves, as JSON"
      ),
      (
        "migsim plan --from-scenario scenarios/mig-capacity.yaml",
        "plan for the 95th percentile of a simulated run"
      ),
    ]
  }
  var options: [OptionSpec] {
    [
      .value(
        "objective", "NAME",
        help: "fewest-gpus, lowest-cost or most-demand (default: the file's, "
          + "else lowest-cost when a group has a cost, else fewest-gpus)."),
      .value(
        "time-limit", "DURATION",
        help: "Time the exact search may take, such as 10s (default: the "
          + "file's, else 10s)."),
      .value(
        "max-layouts", "K",
        help: "Use at most K distinct GPU layouts in the whole fleet "
          + "(default: the file's maxLayouts, else no limit)."),
      .value("output", short: "o", "FILE", help: "Write the mig-parted file."),
      .value("labels", "FILE", help: "Write the node → config label map."),
      .value(
        "from-scenario", "SCENARIO",
        help: "Take the fleet and demand from a simulated scenario."),
      .value(
        "percentile", "P",
        help: "With --from-scenario: the percentile of concurrent demand "
          + "(default: 95)."),
      .value(
        "current", "FILE",
        help:
          "Replan from today's layouts (a mig-parted file) with the fewest changes."
      ),
      .value(
        "minimize", "FIGURE",
        help: "With --current: gpus (GPUs re-laid out, default), instances "
          + "(running instances disturbed) or nodes (nodes drained)."),
      .value(
        "current-labels", "FILE",
        help: "Today's node → config labels (as --labels writes them)."),
      .value(
        "floor", "PERCENT",
        help:
          "Share of today's compute slices kept in service during a replan (default: 75)."
      ),
      .value(
        "reconfiguration-time", "DURATION",
        help:
          "Time one node is out of service while re-laid out (default: 60s)."),
      CommonOptions.format,
    ]
  }

  func run(_ arguments: ParsedArguments, context: CommandContext) throws
    -> ExitCode
  {
    let format = try CommonOptions.outputFormat(arguments)
    let path: String
    var request: PlanRequest
    if let scenario = arguments.value("from-scenario") {
      guard arguments.positionals.isEmpty else {
        throw UsageError("give a demand file or --from-scenario, not both")
      }
      var percentile = 95.0
      if let text = arguments.value("percentile") {
        guard let value = Double(text), (0...100).contains(value) else {
          throw UsageError(
            "--percentile takes a number from 0 to 100, found '\(text)'")
        }
        percentile = value
      }
      path = scenario
      request = try Self.request(
        fromScenario: scenario, percentile: percentile)
    } else {
      guard arguments.positionals.count == 1 else {
        throw UsageError("give one demand file to plan")
      }
      if arguments.value("percentile") != nil {
        throw UsageError("--percentile applies only with --from-scenario")
      }
      path = arguments.positionals[0]
      request = try DemandFile.load(path: path)
    }
    if let text = arguments.value("objective") {
      guard let objective = PlanObjective(rawValue: text) else {
        throw UsageError(
          "--objective takes one of: "
            + PlanObjective.allCases.map(\.rawValue).joined(separator: ", ")
            + "; found '\(text)'")
      }
      request.objective = objective
    }
    if let text = arguments.value("time-limit") {
      guard let seconds = Quantity.seconds(text), seconds >= 1 else {
        throw UsageError(
          "--time-limit takes a duration such as 10s or 2m, found '\(text)'")
      }
      request.timeLimitSeconds = Double(seconds)
    }
    if let text = arguments.value("max-layouts") {
      guard let limit = Int(text), limit >= 1 else {
        throw UsageError(
          "--max-layouts takes a whole number of at least 1, found '\(text)'")
      }
      request.maxDistinctLayouts = limit
    }
    var inputs = [path]
    var replan: Replan? = nil
    let plan: Plan
    if arguments.value("current") == nil {
      for option in [
        "minimize", "floor", "reconfiguration-time", "current-labels",
      ]
      where arguments.value(option) != nil {
        throw UsageError("--\(option) applies only with --current")
      }
    }
    if let current = arguments.value("current") {
      inputs.append(current)
      let file = try MIGPartedFile(contentsOfFile: current)
      var labels: [String: String]? = nil
      if let labelPath = arguments.value("current-labels") {
        inputs.append(labelPath)
        guard let data = FileManager.default.contents(atPath: labelPath),
          let text = String(data: data, encoding: .utf8)
        else { throw CommandFailure("cannot read '\(labelPath)'") }
        labels = try CurrentLayouts.parseLabels(text: text, file: labelPath)
      }
      let layouts = try CurrentLayouts.layouts(
        of: file, path: current, fleet: request.fleet, labels: labels)
      var floor = 0.75
      if let text = arguments.value("floor") {
        let digits = text.hasSuffix("%") ? String(text.dropLast()) : text
        guard let value = Double(digits), (0...100).contains(value) else {
          throw UsageError(
            "--floor takes a percentage from 0 to 100, found '\(text)'")
        }
        floor = value / 100
      }
      var seconds = 60
      if let text = arguments.value("reconfiguration-time") {
        guard let value = Quantity.seconds(text) else {
          throw UsageError(
            "--reconfiguration-time takes a duration such as 60s, found '\(text)'"
          )
        }
        seconds = value
      }
      var minimize = ReplanObjective.gpus
      if let text = arguments.value("minimize") {
        guard let value = ReplanObjective(rawValue: text) else {
          throw UsageError(
            "--minimize takes one of: "
              + ReplanObjective.allCases.map(\.rawValue)
              .joined(separator: ", ") + "; found '\(text)'")
        }
        minimize = value
      }
      do {
        replan = try Planner.replan(
          ReplanRequest(
            plan: request, current: layouts, capacityFloor: floor,
            reconfigurationSeconds: seconds, minimize: minimize))
      } catch {
        throw CommandFailure("cannot replan '\(path)': \(error)")
      }
      plan = replan!.plan
    } else {
      do {
        plan = try Planner.plan(request)
      } catch {
        throw CommandFailure("cannot plan '\(path)': \(error)")
      }
    }
    let parted = plan.migParted
    for (option, text) in [
      ("output", parted.file.yamlText()), ("labels", parted.labelText),
    ] {
      guard let target = arguments.value(option) else { continue }
      if target != "-" && FileManager.default.fileExists(atPath: target) {
        context.err("replacing the existing file '\(target)'")
      }
      try OutputFile.write(text, to: target, inputs: inputs, context: context)
    }
    let toStdout = ["output", "labels"].contains {
      arguments.value($0) == "-"
    }
    guard !toStdout else { return .success }
    if let replan {
      switch format {
      case .json:
        context.outRaw(JSONWriter.write(replan.outputValue(parted)))
      case .csv:
        context.outRaw(replan.stepTable().renderCSV())
      case .table:
        context.outRaw(replan.text(parted))
      }
      return .success
    }
    switch format {
    case .json:
      context.outRaw(JSONWriter.write(plan.outputValue(parted)))
    case .csv:
      context.outRaw(plan.summaryTable().renderCSV())
    case .table:
      context.outRaw(plan.text(parted))
    }
    return .success
  }
}

extension Plan {
  /// One row per figure: the plan, then each baseline.
  func summaryTable() -> Table {
    var table = Table(columns: [
      .init("layout"), .init("gpus", rightAligned: true),
      .init("idleSlices", rightAligned: true),
      .init("cost", rightAligned: true),
      .init("vsOptimum", rightAligned: true), .init("note"),
    ])
    table.append([
      "plan", .integer(gpusUsed), .integer(idleSlices),
      .number(cost, decimals: 2), .integer(0),
      .text(isOptimal ? "optimal" : "gap \(formatFixed(gap, decimals: 2))"),
    ])
    for baseline in baselines {
      table.append([
        .text(baseline.name), baseline.gpus.map(Cell.integer) ?? .empty,
        baseline.idleSlices.map(Cell.integer) ?? .empty,
        baseline.cost.map { .number($0, decimals: 2) } ?? .empty,
        baseline.gpus.map { .integer($0 - gpusUsed) } ?? .empty,
        .text(baseline.reason ?? ""),
      ])
    }
    return table
  }

  /// Text without its trailing newlines.
  static func trimmed(_ text: String) -> String {
    var result = text
    while result.hasSuffix("\n") { result.removeLast() }
    return result
  }

  /// Each config with its nodes and, per group of GPUs with the same
  /// instances, the placements in creation order; at most
  /// `shownConfigs` configs, then a count of the rest.
  func layoutText(
    _ parted: PlanMIGParted, perConfig: [(config: String, nodes: Int)]
  ) -> String {
    let shownConfigs = 12
    var lines: [String] = []
    for (config, count) in perConfig.prefix(shownConfigs) {
      guard
        let nodeName = parted.labels.first(where: { $0.config == config })?
          .node,
        let node = nodes.first(where: { $0.name == nodeName })
      else { continue }
      lines.append("config \(config) on \(count) node(s):")
      var groups: [(layout: String, gpus: [Int])] = []
      for gpu in node.gpus {
        let layout =
          gpu.wholeFor.map { "MIG disabled, whole GPU (\($0))" }
          ?? (gpu.isKeptWhole ? "MIG disabled (kept whole by the fleet)" : nil)
          ?? (gpu.isEmpty
            ? "MIG disabled (unused)"
            : gpu.instances.map {
              "\($0.placement)" + ($0.tenant.isEmpty ? "" : " (\($0.tenant))")
            }.joined(separator: ", "))
        if let i = groups.firstIndex(where: { $0.layout == layout }) {
          groups[i].gpus.append(gpu.index)
        } else {
          groups.append((layout, [gpu.index]))
        }
      }
      for group in groups {
        let label = group.gpus.count == 1 ? "GPU" : "GPUs"
        lines.append(
          "  \(label) \(group.gpus.map(String.init).joined(separator: ",")): "
            + group.layout)
      }
    }
    if perConfig.count > shownConfigs {
      lines.append(
        "… \(perConfig.count - shownConfigs) more configs (all in --output "
          + "or --format json)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The human summary.
  func text(_ parted: PlanMIGParted) -> String {
    var lines: [String] = []
    let objective = request.objective.rawValue
    let valueText = formatFixed(
      value, decimals: request.objective == .fewestGPUs ? 0 : 2)
    let boundText = formatFixed(
      bound, decimals: request.objective == .fewestGPUs ? 0 : 2)
    lines.append(
      "objective \(objective): \(valueText), bound \(boundText), gap "
        + "\(formatFixed(gap, decimals: request.objective == .fewestGPUs ? 0 : 2))"
        + (isOptimal
          ? " (optimal)"
          : " (stopped by the time limit, a wall clock: best found; "
            + "a rerun may differ)"))
    var models = Table(columns: [
      .init("model"), .init("gpusUsed", rightAligned: true),
      .init("gpusInFleet", rightAligned: true),
    ])
    for (model, used) in gpusUsedByModel {
      let total = request.fleet.filter { $0.model.name == model }
        .reduce(0) { $0 + $1.physicalGPUCount }
      models.append([.text(model), .integer(used), .integer(total)])
    }
    lines.append("")
    lines.append(Self.trimmed(models.renderText()))
    lines.append("")
    lines.append(
      "GPUs used: \(gpusUsed), idle compute slices on them: \(idleSlices)")
    var tenants = Table(columns: [
      .init("tenant"), .init("isolation"), .init("served"), .init("demand"),
    ])
    let served = self.served
    let held = servedCapacity
    let whole = wholeGPUs
    for tenant in request.tenants {
      tenants.append([
        .text(tenant.name), .text(tenant.isolation.name),
        .text(
          Self.servedText(
            tenant, served: served[tenant.name] ?? [:],
            held: held[tenant.name], whole: whole[tenant.name] ?? 0)),
        .text(Self.demandText(tenant)),
      ])
    }
    lines.append("")
    lines.append(Self.trimmed(tenants.renderText()))
    lines.append("")
    lines.append(Self.trimmed(summaryTable().renderText()))
    if let balanced = baselines.first(where: { $0.name == "all-balanced" }),
      let gpus = balanced.gpus, gpus > 0
    {
      let saved = gpus - gpusUsed
      lines.append(
        "against all-balanced: \(saved) GPUs saved ("
          + formatFixed(Double(saved) * 100 / Double(gpus), decimals: 1)
          + " % of \(gpus))")
    }
    var perConfig: [(config: String, nodes: Int)] = []
    for label in parted.labels {
      if let i = perConfig.firstIndex(where: { $0.config == label.config }) {
        perConfig[i].nodes += 1
      } else {
        perConfig.append((label.config, 1))
      }
    }
    lines.append("")
    lines.append(Self.trimmed(layoutText(parted, perConfig: perConfig)))
    lines.append("")
    lines.append(
      "search: \(statistics.patterns) patterns, \(statistics.classes) "
        + "tenant classes, \(statistics.branchNodes) LP solves")
    return lines.joined(separator: "\n") + "\n"
  }

  /// A tenant's demand in one cell: instances, capacity over its allowed
  /// profiles, whole GPUs.
  static func demandText(_ tenant: TenantDemand) -> String {
    var parts = tenant.instances.keys.sorted().map {
      "\(tenant.instances[$0] ?? 0)×\($0)"
    }
    if let capacity = tenant.capacity {
      var need: [String] = []
      if capacity.computeSlices > 0 {
        need.append("\(capacity.computeSlices) slices")
      }
      if capacity.memoryGiB > 0 {
        need.append(formatFixed(capacity.memoryGiB, decimals: 1) + " GiB")
      }
      parts.append(
        need.joined(separator: " and ") + " of "
          + capacity.profiles.sorted().joined(separator: "|"))
    }
    if tenant.wholeGPUs > 0 { parts.append("\(tenant.wholeGPUs)×whole") }
    return parts.joined(separator: " ")
  }

  /// What a tenant is served in one cell: instances per profile (those
  /// allotted to capacity included), the capacity they hold, whole GPUs.
  static func servedText(
    _ tenant: TenantDemand, served row: [String: Int],
    held: (computeSlices: Int, memoryGiB: Double)?, whole: Int
  ) -> String {
    var parts = row.keys.sorted().map { "\(row[$0] ?? 0)×\($0)" }
    if let held {
      parts.append(
        "(\(held.computeSlices) slices, "
          + formatFixed(held.memoryGiB, decimals: 1) + " GiB)")
    }
    if tenant.wholeGPUs > 0 || whole > 0 { parts.append("\(whole)×whole") }
    return parts.joined(separator: " ")
  }

  /// The whole plan as JSON.
  func outputValue(_ parted: PlanMIGParted) -> OutputValue {
    let served = self.served
    let wholeGPUs = self.wholeGPUs
    let servedCapacity = self.servedCapacity
    return .mapping([
      .init("objective", .string(request.objective.rawValue)),
      .init("value", .number(value)),
      .init("bound", .number(bound)),
      .init("gap", .number(gap)),
      .init("optimal", .bool(isOptimal)),
      .init("gpusUsed", .integer(gpusUsed)),
      .init("idleSlices", .integer(idleSlices)),
      .init("cost", .number(cost)),
      .init(
        "gpusUsedByModel",
        .sequence(
          gpusUsedByModel.map {
            .mapping([
              .init("model", .string($0.model)),
              .init("gpus", .integer($0.gpus)),
            ])
          })),
      .init(
        "tenants",
        .sequence(
          request.tenants.map { tenant in
            .mapping([
              .init("name", .string(tenant.name)),
              .init("isolation", .string(tenant.isolation.name)),
              .init(
                "demand",
                .mapping(
                  tenant.instances.keys.sorted().map {
                    .init($0, .integer(tenant.instances[$0] ?? 0))
                  })),
              .init(
                "capacity",
                tenant.capacity.map { capacity in
                  .mapping([
                    .init("computeSlices", .integer(capacity.computeSlices)),
                    .init("memoryGiB", .number(capacity.memoryGiB)),
                    .init(
                      "profiles",
                      .sequence(capacity.profiles.map(OutputValue.string))),
                  ])
                } ?? .null),
              .init("wholeGPUs", .integer(tenant.wholeGPUs)),
              .init(
                "served",
                .mapping(
                  (served[tenant.name] ?? [:]).keys.sorted().map {
                    .init($0, .integer(served[tenant.name]?[$0] ?? 0))
                  })),
              .init(
                "allotted",
                .mapping(
                  (allotted[tenant.name] ?? [:]).keys.sorted().map {
                    .init($0, .integer(allotted[tenant.name]?[$0] ?? 0))
                  })),
              .init(
                "servedCapacity",
                servedCapacity[tenant.name].map { held in
                  .mapping([
                    .init("computeSlices", .integer(held.computeSlices)),
                    .init("memoryGiB", .number(held.memoryGiB)),
                  ])
                } ?? .null),
              .init("servedWholeGPUs", .integer(wholeGPUs[tenant.name] ?? 0)),
            ])
          })),
      .init("baselines", summaryTable().outputValue),
      .init(
        "labels",
        .mapping(parted.labels.map { .init($0.node, .string($0.config)) })),
      .init(
        "nodes",
        .sequence(
          nodes.filter(\.isUsed).map { node in
            .mapping([
              .init("name", .string(node.name)),
              .init("model", .string(node.model.name)),
              .init(
                "dedicatedTo", node.dedicatedTo.map(OutputValue.string) ?? .null
              ),
              .init(
                "gpus",
                .sequence(
                  node.gpus.filter { !$0.isEmpty }.map { gpu in
                    .mapping([
                      .init("index", .integer(gpu.index)),
                      .init(
                        "wholeFor",
                        gpu.wholeFor.map(OutputValue.string) ?? .null),
                      .init(
                        "creationOrder",
                        .sequence(
                          gpu.instances.map {
                            .mapping([
                              .init(
                                "placement", .string($0.placement.description)),
                              .init("tenant", .string($0.tenant)),
                            ])
                          })),
                    ])
                  })),
            ])
          })),
      .init(
        "statistics",
        .mapping([
          .init("patterns", .integer(statistics.patterns)),
          .init("classes", .integer(statistics.classes)),
          .init("lpSolves", .integer(statistics.branchNodes)),
        ])),
    ])
  }
}
