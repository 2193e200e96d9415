import ClusterModel
import Foundation
import Reports
import Scenarios
import Scheduling
import Simulation

/// `migsim simulate`: play a scenario's cluster forward and report what
/// happened to every job.
struct SimulateCommand: Command {
  let name = "simulate"
  let abstract = "run a scenario: arrivals, queueing, placement, completions"
  let usage =
    "SCENARIO [--strategy NAME] [--seed N] [--horizon DURATION] "
    + "[--mig-config FILE[:CONFIG]] [--jobs FILE.csv] [--record FILE.json] "
    + "[--events FILE.jsonl] [--explain JOB] [--format ...]"
  let discussion = """
    Jobs arrive from each tenant's generators (Poisson, diurnal, bursty or
    an explicit job list), pass the admission rules, are admitted against
    their tenant's quota as Kueue does (borrowing from the cohort and
    reclaiming lent quota), wait in a queue ordered by priority then
    arrival, and are placed by the strategy with Kubernetes filters
    (taints and tolerations, node selectors and affinity, tenant
    isolation, MIG placements). Higher priorities preempt lower ones;
    with dynamic MIG reconfiguration idle instances are re-laid out for
    waiting jobs. Nodes and GPUs fail and are repaired, and nodes are
    drained for rolling upgrades, as the scenario says. Waiting jobs are
    retried whenever capacity frees; an evicted job is queued again and
    restarts from the beginning.

    Prints jobs finished, running, waiting and rejected (with reasons),
    GPU allocation, and waits per tenant. Same scenario and seed, same
    output, byte for byte. Definitions: docs/simulator.md.
    """
  var examples: [(command: String, comment: String)] {
    [
      ("migsim simulate scenarios/quickstart.yaml", "the summary"),
      ("migsim simulate scenarios/quickstart.yaml --strategy spread "
        + "--seed 7 --horizon 12h", "another strategy, seed and horizon"),
      ("migsim simulate scenarios/mig-capacity.yaml --mig-config plan.yaml",
       "MIG layouts from a mig-parted file (configs named after pools)"),
      ("migsim simulate scenarios/mig-capacity.yaml --mig-reconfiguration "
        + "dynamic", "re-lay out idle MIG GPUs for waiting jobs"),
      ("migsim simulate scenarios/quickstart.yaml --jobs jobs.csv "
        + "--events events.jsonl", "per-job CSV and the event log"),
      ("migsim simulate scenarios/quickstart.yaml --explain notebooks-3",
       "why a job waited"),
    ]
  }
  var options: [OptionSpec] {
    [
      .value(
        "strategy", "NAME",
        help: "Placement strategy: "
          + StrategyName.allCases.map(\.rawValue).joined(separator: ", ")
          + " (default: the scenario's)."),
      .value("seed", "N", help: "Seed of every random stream (default: the scenario's)."),
      .value(
        "horizon", "DURATION",
        help: "Simulated time to run, such as 12h or 3d (default: the scenario's)."),
      .value(
        "mig-config", "FILE[:CONFIG]",
        help: "Take MIG layouts from a mig-parted file: configs named after pools, or CONFIG on every MIG pool."),
      .value(
        "mig-reconfiguration", "MODE",
        help: "static or dynamic (default: the scenario's)."),
      .value(
        "reconfiguration-time", "DURATION",
        help: "Time one GPU re-layout takes (default: the scenario's, 60s)."),
      .flag("fair-share", help: "Retry waiting jobs in dominant-resource-fair order across tenants."),
      .value("jobs", "FILE", help: "Write one CSV row per job ('-' for stdout)."),
      .value("record", "FILE", help: "Write the whole run record as JSON."),
      .value("events", "FILE", help: "Write the event log as JSON lines."),
      .value("timeline", "FILE", help: "Write allocation, running and waiting over time as CSV."),
      .value(
        "explain", "JOB",
        help: "Say why a job waited (repeatable).", repeatable: true),
      CommonOptions.format,
    ]
  }

  func run(_ arguments: ParsedArguments, context: CommandContext) throws
    -> ExitCode
  {
    guard arguments.positionals.count == 1, let path = arguments.positionals.first
    else {
      throw UsageError("give one scenario file to simulate")
    }
    let format = try CommonOptions.outputFormat(arguments)
    var scenario = try Scenario.load(path: path)
    var inputs = [path]
    if let spec = arguments.value("mig-config") {
      let (file, config) = Self.splitConfig(spec)
      inputs.append(file)
      let parted = try MIGPartedFile(contentsOfFile: file)
      try scenario.applyMIGConfig(parted, path: file, config: config)
    }
    var input = try Self.input(for: scenario, arguments)
    input.recordsEvents = arguments.has("events")
    let simulation: ClusterSimulation
    do {
      simulation = try ClusterSimulation(input)
    } catch {
      throw InputErrors([
        InputError(
          at: SourceLocation(file: path, line: 1, column: 1),
          path: error.path, error.message)
      ])
    }
    let record = simulation.run()
    let summary = SimulationSummary(record)

    if let target = arguments.value("jobs") {
      try OutputFile.write(
        record.jobTable().renderCSV(), to: target, inputs: inputs,
        context: context)
    }
    if let target = arguments.value("record") {
      try OutputFile.write(
        JSONWriter.write(record.outputValue(summary: summary, scenario: scenario.name)),
        to: target, inputs: inputs, context: context)
    }
    if let target = arguments.value("events") {
      try OutputFile.write(
        record.eventLines(), to: target, inputs: inputs, context: context)
    }
    if let target = arguments.value("timeline") {
      try OutputFile.write(
        record.timelineTable().renderCSV(), to: target, inputs: inputs,
        context: context)
    }
    let toStdout = ["jobs", "record", "events", "timeline"].contains {
      arguments.value($0) == "-"
    }
    if !toStdout {
      switch format {
      case .json:
        context.outRaw(
          JSONWriter.write(summary.outputValue(scenario: scenario.name, record: record)))
      case .csv:
        context.outRaw(summary.tenantTable().renderCSV())
      default:
        context.outRaw(summary.text(scenario: scenario.name, record: record))
      }
    }
    for name in arguments.values("explain") {
      guard let text = record.explanation(ofJob: name) else {
        throw UsageError("no job named '\(name)' in this run")
      }
      context.out("")
      context.outRaw(text)
    }
    return .success
  }

  /// `FILE:CONFIG` split at the last colon when the part before it is
  /// an existing file; otherwise the whole text is the file.
  static func splitConfig(_ spec: String) -> (file: String, config: String?) {
    if let colon = spec.lastIndex(of: ":") {
      let file = String(spec[..<colon])
      if FileManager.default.fileExists(atPath: file) {
        return (file, String(spec[spec.index(after: colon)...]))
      }
    }
    return (spec, nil)
  }

  /// The simulation input of a scenario with the command line's
  /// overrides.
  static func input(for scenario: Scenario, _ arguments: ParsedArguments)
    throws -> SimulationInput
  {
    var settings = scenario.simulation
    if let text = arguments.value("seed") {
      guard let seed = UInt64(text) else {
        throw UsageError("--seed takes a whole number ≥ 0, found '\(text)'")
      }
      settings.seed = seed
    }
    if let text = arguments.value("horizon") {
      guard let seconds = Quantity.seconds(text), seconds >= 1 else {
        throw UsageError(
          "--horizon takes a duration such as 12h or 3d, found '\(text)'")
      }
      settings.horizonSeconds = seconds
    }
    if let text = arguments.value("mig-reconfiguration") {
      guard let mode = MIGReconfigurationPolicy(rawValue: text) else {
        throw UsageError(
          "--mig-reconfiguration takes static or dynamic, found '\(text)'")
      }
      settings.migReconfiguration = mode
    }
    if let text = arguments.value("reconfiguration-time") {
      guard let seconds = Quantity.seconds(text) else {
        throw UsageError(
          "--reconfiguration-time takes a duration such as 60s, found '\(text)'")
      }
      settings.reconfigurationSeconds = seconds
    }
    var strategy: StrategyName?
    if let text = arguments.value("strategy") {
      do {
        strategy = try StrategyName(parsing: text)
      } catch {
        throw UsageError(error.description)
      }
    }
    return SimulationInput(
      cluster: scenario.cluster, demand: scenario.demand,
      jobLists: scenario.jobLists, settings: settings,
      admission: scenario.admission, strategy: strategy,
      queueOrder: arguments.has("fair-share") ? .fairShare : .priority)
  }
}
