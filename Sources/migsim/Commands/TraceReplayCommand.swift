import Reports
import Scenarios
import Scheduling
import Simulation

/// `migsim trace replay`: the trace played in time, with a queue.
struct TraceReplayCommand: Command {
  let name = "replay"
  let abstract = "replay the trace in time: arrivals, departures, waits"
  let usage =
    "--nodes FILE --pods FILE [--policies LIST] [--seed N] "
    + "[--time-compression N] [--samples FILE.csv] [--format ...]"
  let discussion = """
    Pods arrive at their creation time and leave at their deletion time;
    a pod that does not fit waits in a first-in first-out queue and is
    retried whenever capacity frees. Prints, per policy, the pods placed,
    never placed and still waiting, the waits (p50, p95, p99, mean, in
    seconds) and the peak and mean GPU allocation. The default list is
    sparse in time (about 149 days), so at its own pace nothing waits;
    --time-compression N divides every time by N to create contention.
    """
  var examples: [(command: String, comment: String)] {
    [
      ("migsim trace replay --nodes openb_node_list_gpu_node.csv "
        + "--pods openb_pod_list_default.csv --time-compression 20000",
       "waits per policy under contention"),
    ]
  }
  var options: [OptionSpec] {
    [
      TraceOptions.nodes, TraceOptions.pods, TraceOptions.policies,
      .value("seed", "N", help: "Seed of the random policy (default: 42)."),
      .value(
        "time-compression", "N",
        help: "Divide every trace time by N (default: 1)."),
      .value(
        "samples", "FILE",
        help: "Write allocation over time of every policy as CSV."),
      TraceOptions.threads, CommonOptions.format,
    ]
  }

  func run(_ arguments: ParsedArguments, context: CommandContext) throws
    -> ExitCode
  {
    let paths = try TraceOptions.paths(arguments)
    let format = try CommonOptions.outputFormat(arguments)
    let policies = try TraceStudyCommand.policies(
      arguments.value("policies") ?? "all")
    let seed = try TraceStudyCommand.seeds(arguments.value("seed") ?? "42")
    guard seed.count == 1 else {
      throw UsageError("--seed takes one seed")
    }
    let compression =
      try TraceOptions.positiveInteger("time-compression", arguments) ?? 1
    let threads = try TraceOptions.positiveInteger("threads", arguments)

    let nodes = try TraceCSV.readNodes(atPath: paths.nodes)
    let pods = try TraceCSV.readPods(atPath: paths.pods)
    let runs: [ReplayRun]
    do {
      runs = try TraceReplay.run(
        nodes: nodes, pods: pods, policies: policies, seed: seed[0],
        timeCompression: compression, threads: threads)
    } catch {
      throw CommandFailure("\(error)")
    }

    if let path = arguments.value("samples") {
      var samples = Table(columns: [
        .init("policy"), .init("time"), .init("allocatedMilli"),
        .init("waiting"),
      ])
      for run in runs {
        for sample in run.allocation {
          samples.append([
            .text(run.policy.rawValue), .integer(sample.time),
            .integer(sample.allocatedMilli), .integer(sample.waitingCount),
          ])
        }
      }
      try OutputFile.write(
        samples.renderCSV(), to: path, inputs: [paths.nodes, paths.pods],
        context: context)
    }

    var table = Table(columns: [
      .init("policy"), .init("placed", rightAligned: true),
      .init("neverPlaced", rightAligned: true),
      .init("stillWaiting", rightAligned: true),
      .init("delayed", rightAligned: true),
      .init("waitP50", rightAligned: true),
      .init("waitP95", rightAligned: true),
      .init("waitP99", rightAligned: true),
      .init("waitMean", rightAligned: true),
      .init("peakAlloc%", rightAligned: true),
      .init("meanAlloc%", rightAligned: true),
    ])
    for run in runs {
      table.append([
        .text(run.policy.rawValue), .integer(run.placedCount),
        .integer(run.unschedulableCount), .integer(run.stillWaitingCount),
        .integer(run.waits.delayedCount), .integer(run.waits.p50Seconds),
        .integer(run.waits.p95Seconds), .integer(run.waits.p99Seconds),
        .number(run.waits.meanSeconds, decimals: 1),
        .number(run.peakAllocationPercent, decimals: 2),
        .number(run.meanAllocationPercent, decimals: 2),
      ])
    }
    context.outRaw(table.render(as: format))
    return .success
  }
}
