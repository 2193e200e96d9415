import ClusterModel
import Foundation
import Reports
import Scenarios
import Scheduling
import Scoring
import Sweeps

/// `migsim compare`: every strategy (and layout) on the same arrivals,
/// scored, with confidence intervals over seeds.
struct CompareCommand: Command {
  let name = "compare"
  let abstract =
    "compare strategies and MIG layouts on the same arrivals, over seeds"
  let usage =
    "SCENARIO [--strategies LIST] [--layouts LIST] [--seeds N|A-B|LIST] "
    + "[--horizon DURATION] [--threads N] [--report FILE.html] "
    + "[--format ...]"
  let discussion = """
    Runs every placement strategy on every layout (a grid of cells), each
    on the same seeds. Seed s gives every cell exactly the same arrivals,
    durations and faults (common random numbers), so differences between
    rows come from the strategy and the layout, not from luck. Runs go in
    parallel; the output does not depend on the thread count.

    Prints one row per cell: the mean and 95% confidence interval (Student
    t) over seeds of each headline metric, the best mean per column marked
    with *. Columns: GPU allocation, allocated-but-idle share, fractional
    and MIG fragmentation, wait p95, SLO attainment, Jain's fairness index,
    isolation score, noisy-neighbour slowdown p95, and exposed tenant-
    seconds per compromise. Definitions: docs/compare.md, docs/metrics.md.

    Layouts: 'scenario' (as written), 'dynamic' (repartition idle MIG GPUs
    on demand), a GPU Operator config name such as all-balanced or
    all-1g.10gb on every MIG pool, a mig-parted file (FILE[:CONFIG]), or
    sharing modes POOL=MODE joined by '+' (MODE: exclusive, fractional,
    timeSlicing:N, mps:N or a MIG config name); requests that no longer
    fit any pool keep their share of a GPU in the new mode.
    """
  var examples: [(command: String, comment: String)] {
    [
      (
        "migsim compare scenarios/agents-beside-training.yaml --seeds 10",
        "every strategy, 10 seeds from the scenario's seed"
      ),
      (
        "migsim compare scenarios/agents-beside-training.yaml --strategies "
          + "first-fit,best-fit,tenant-packing --seeds 42-51",
        "three strategies on seeds 42 to 51"
      ),
      (
        "migsim compare scenarios/mig-capacity.yaml --strategies best-fit "
          + "--layouts scenario,all-balanced,dynamic,plan.yaml",
        "MIG layouts side by side"
      ),
      (
        "migsim compare scenarios/agents-beside-training.yaml --strategies "
          + "spread --layouts scenario,agents=mps:4,agents=exclusive",
        "the agent pool's sharing mode: time-slicing, MPS, whole GPUs"
      ),
      (
        "migsim compare scenarios/agents-beside-training.yaml --report "
          + "report.html", "also write the HTML report"
      ),
      (
        "migsim compare scenarios/quickstart.yaml --seeds 3 --format json",
        "JSON for programs"
      ),
    ]
  }
  var options: [OptionSpec] {
    [
      .value(
        "strategies", "LIST",
        help: "Comma-separated strategies, or all (default): "
          + StrategyName.allCases.map(\.rawValue).joined(separator: ", ")
          + "."),
      .value(
        "layouts", "LIST",
        help: "Comma-separated layouts: scenario (default), dynamic, a "
          + "config name such as all-balanced, FILE.yaml[:CONFIG], or "
          + "POOL=MODE such as agents=mps:4."),
      .value(
        "seeds", "N|A-B|LIST",
        help: "N seeds from the scenario's seed (default 10), a range "
          + "42-51, or a list 1,5,9."),
      .value(
        "horizon", "DURATION",
        help: "Simulated time per run, such as 12h or 3d (default: the "
          + "scenario's)."),
      .value(
        "wait-target", "KIND=DURATION",
        help: "Wait SLO of a workload kind, such as inference=2m "
          + "(repeatable; defaults: agent 30s, inference 1m, training 1h, "
          + "batch 4h).", repeatable: true),
      .value(
        "threads", "N",
        help: "Runs at once (default: the number of cores)."),
      .value(
        "report", "FILE",
        help: "Write a self-contained HTML report with charts."),
      CommonOptions.format,
    ]
  }

  func run(_ arguments: ParsedArguments, context: CommandContext) throws
    -> ExitCode
  {
    guard arguments.positionals.count == 1,
      let path = arguments.positionals.first
    else {
      throw UsageError("give one scenario file to compare on")
    }
    let format = try CommonOptions.outputFormat(arguments)
    let strategies = try Self.strategies(arguments.value("strategies"))
    let layouts = Self.layouts(arguments.value("layouts"))
    let threads = try Self.threads(arguments.value("threads"))
    let targets = try Self.waitTargets(arguments.values("wait-target"))
    var scenario = try Scenario.load(path: path)
    if let text = arguments.value("horizon") {
      guard let seconds = Quantity.seconds(text), seconds >= 1 else {
        throw UsageError(
          "--horizon takes a duration such as 12h or 3d, found '\(text)'")
      }
      scenario.simulation.horizonSeconds = seconds
    }
    let seeds: [UInt64]
    do {
      seeds = try SeedList.parse(
        arguments.value("seeds") ?? "10",
        firstSeed: scenario.simulation.seed)
    } catch {
      throw UsageError(error.description)
    }

    let grid: ComparisonGrid
    do {
      grid = try ComparisonGrid(
        scenario: scenario, strategies: strategies, layouts: layouts,
        seeds: seeds, waitTargetSeconds: targets)
    } catch {
      switch error {
      case .usage(let message): throw UsageError(message)
      case .input(let errors): throw errors
      }
    }
    let progress = context.stderrIsTerminal ? Self.progressLine(context) : nil
    let result = grid.run(threads: threads, progress: progress)
    if progress != nil { context.errRaw("\r\u{1B}[K") }

    let table = ComparisonTable(
      runs: result.cells.map { ($0.label, $0.scores) })
    if let target = arguments.value("report") {
      let inputs = [path] + layouts.flatMap(\.inputPaths)
      let report = Self.report(
        result, table: table, scenario: scenario, path: path,
        grid: grid)
      try OutputFile.write(
        report.render(), to: target, inputs: inputs, context: context)
    }
    switch format {
    case .table:
      context.outRaw(Self.text(result, table: table, grid: grid))
    case .csv, .json:
      context.outRaw(
        Self.machineTable(result, table: table, grid: grid)
          .render(as: format))
    }
    return .success
  }

  // MARK: - Argument readers

  /// The strategies of `--strategies`, in the order given, without
  /// repetition; every strategy when absent or `all`.
  static func strategies(_ text: String?) throws -> [StrategyName] {
    guard let text, text.lowercased() != "all" else {
      return StrategyName.allCases
    }
    var chosen: [StrategyName] = []
    for item in text.split(separator: ",") {
      let name = item.trimmingCharacters(in: .whitespaces)
      do {
        let strategy = try StrategyName(parsing: name)
        if !chosen.contains(strategy) { chosen.append(strategy) }
      } catch {
        throw UsageError(error.description)
      }
    }
    guard !chosen.isEmpty else { throw UsageError("no strategy given") }
    return chosen
  }

  /// The layouts of `--layouts`, without repetition; the scenario's own
  /// when absent.
  static func layouts(_ text: String?) -> [LayoutChoice] {
    guard let text else { return [.asWritten] }
    var chosen: [LayoutChoice] = []
    for item in text.split(separator: ",") {
      let layout = LayoutChoice(
        parsing: item.trimmingCharacters(in: .whitespaces))
      if !chosen.contains(layout) { chosen.append(layout) }
    }
    return chosen.isEmpty ? [.asWritten] : chosen
  }

  /// `--threads`, or the number of active cores.
  static func threads(_ text: String?) throws -> Int {
    guard let text else {
      return max(ProcessInfo.processInfo.activeProcessorCount, 1)
    }
    guard let count = Int(text), (1...1024).contains(count) else {
      throw UsageError(
        "--threads takes a whole number from 1 to 1024, found '\(text)'")
    }
    return count
  }

  /// The wait targets: the defaults, overridden by each `KIND=DURATION`.
  static func waitTargets(_ items: [String]) throws -> [WorkloadKind: Int] {
    var targets = RunObservation.defaultWaitTargetSeconds
    for item in items {
      let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
      let kinds = WorkloadKind.allCases.map(\.rawValue)
      guard parts.count == 2, let kind = WorkloadKind(rawValue: parts[0])
      else {
        throw UsageError(
          "--wait-target takes KIND=DURATION with KIND one of "
            + kinds.joined(separator: ", ") + ", found '\(item)'")
      }
      guard let seconds = Quantity.seconds(parts[1]), seconds >= 0 else {
        throw UsageError(
          "--wait-target \(kind.rawValue) takes a duration such as 90s, "
            + "found '\(parts[1])'")
      }
      targets[kind] = seconds
    }
    return targets
  }

  /// Writes `compare: done/total runs` over itself on standard error.
  static func progressLine(_ context: CommandContext)
    -> @Sendable (Int, Int) -> Void
  {
    { done, total in
      context.errRaw("\rcompare: \(done)/\(total) runs")
    }
  }
}
