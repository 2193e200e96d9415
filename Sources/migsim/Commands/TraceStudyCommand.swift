import ClusterModel
import Reports
import Scenarios
import Scheduling
import Simulation

/// `migsim trace study`: the published packing study, reproduced.
struct TraceStudyCommand: Command {
  let name = "study"
  let abstract =
    "run the packing study: policies × seeds, allocation and fragmentation"
  let usage =
    "--nodes FILE --pods FILE [--policies LIST] [--seeds 42-51] "
    + "[--inflation 1.3] [--curves FILE.csv] [--json FILE] [--format ...]"
  let discussion = """
    Every pod arrives once and never leaves, in an order shuffled by the
    seed and inflated by sampling until GPU demand reaches --inflation
    times capacity; a pod that fits nowhere is dropped. Allocation and
    fragmentation are sampled after every arrival and binned by the
    integer arrived percent. Prints, per policy, the allocation % at 100%
    and at the target (mean ± sd over seeds), fragmentation % at 100% and
    failed pods; on the default list at 1.3 also the published values.
    Policies: Random, DotProd, GpuClustering, GpuPacking, BestFit, FGD,
    and FGD-M (ours: FGD that also counts memory). Definitions are in
    docs/trace-study.md.
    """
  var examples: [(command: String, comment: String)] {
    [
      ("migsim trace study --nodes openb_node_list_gpu_node.csv "
        + "--pods openb_pod_list_default.csv --policies all "
        + "--seeds 42-51 --inflation 1.3",
       "the published study, with our policy"),
      ("migsim trace study --nodes N.csv --pods P.csv --policies FGD,BestFit "
        + "--seeds 42 --curves curves.csv",
       "two policies, one seed, curves to a CSV file"),
    ]
  }
  var options: [OptionSpec] {
    [
      TraceOptions.nodes, TraceOptions.pods, TraceOptions.policies,
      .value(
        "seeds", "LIST",
        help: "Seeds: 42-51, or 1,2,3 (default: 42-51)."),
      .value(
        "inflation", "X",
        help: "Target GPU demand as a multiple of capacity (default: 1.3)."),
      .value("inflate", "X", help: "The same as --inflation."),
      .value(
        "curves", "FILE",
        help: "Write per-bin mean curves of every policy as CSV."),
      .value("json", "FILE", help: "Write the whole result as JSON."),
      .value(
        "report", "FILE",
        help: "Write a self-contained HTML report with the curves."),
      TraceOptions.threads, CommonOptions.format,
    ]
  }

  func run(_ arguments: ParsedArguments, context: CommandContext) throws
    -> ExitCode
  {
    let paths = try TraceOptions.paths(arguments)
    let format = try CommonOptions.outputFormat(arguments)
    let policies = try Self.policies(arguments.value("policies") ?? "all")
    let seeds = try Self.seeds(arguments.value("seeds") ?? "42-51")
    if arguments.value("inflation") != nil && arguments.value("inflate") != nil
    {
      throw UsageError("give --inflation or --inflate, not both")
    }
    let inflation = try Self.inflation(
      arguments.value("inflation") ?? arguments.value("inflate"))
    let threads = try TraceOptions.positiveInteger("threads", arguments)

    let nodes = try TraceCSV.readNodes(atPath: paths.nodes)
    let pods = try TraceCSV.readPods(atPath: paths.pods)
    let result: StudyResult
    do {
      result = try TraceStudy.run(
        nodes: nodes, pods: pods, policies: policies, seeds: seeds,
        inflation: inflation, threads: threads)
    } catch {
      throw CommandFailure("\(error)")
    }

    let inputs = [paths.nodes, paths.pods]
    if let path = arguments.value("curves") {
      try OutputFile.write(
        Self.curveTable(result).renderCSV(), to: path, inputs: inputs,
        context: context)
    }
    if let path = arguments.value("json") {
      try OutputFile.write(
        JSONWriter.write(Self.outputValue(result)), to: path,
        inputs: inputs, context: context)
    }
    let compare = inflation == 1.3
      && paths.pods.hasSuffix("openb_pod_list_default.csv")
    let table = Self.summaryTable(result, withPublished: compare)
    if let path = arguments.value("report") {
      let report = Self.report(
        result, table: table, nodes: nodes, pods: pods, paths: paths)
      try OutputFile.write(
        report.render(), to: path, inputs: inputs, context: context)
    }
    context.outRaw(table.render(as: format))
    return .success
  }

  // MARK: - Argument readers

  static func policies(_ text: String) throws -> [FractionalPolicy] {
    switch text.lowercased() {
    case "all": return FractionalPolicy.allCases
    case "published": return FractionalPolicy.published
    default: break
    }
    var chosen: [FractionalPolicy] = []
    for name in text.split(separator: ",").map(String.init) {
      guard let policy = FractionalPolicy(named: name) else {
        let names = FractionalPolicy.allCases.map(\.rawValue)
        throw UsageError(
          "unknown policy '\(name)'; expected one of: "
            + names.joined(separator: ", ") + ", published, all")
      }
      if !chosen.contains(policy) { chosen.append(policy) }
    }
    guard !chosen.isEmpty else { throw UsageError("no policy given") }
    return chosen
  }

  static func seeds(_ text: String) throws -> [UInt64] {
    var seeds: [UInt64] = []
    for part in text.split(separator: ",") {
      let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
      if bounds.count == 2, let low = UInt64(bounds[0]),
        let high = UInt64(bounds[1]), low <= high, high - low < 10_000
      {
        seeds += Array(low...high)
      } else if bounds.count == 1, let seed = UInt64(bounds[0]) {
        seeds.append(seed)
      } else {
        throw UsageError(
          "seeds '\(text)' are not a list such as 42-51 or 1,2,3")
      }
    }
    guard !seeds.isEmpty else { throw UsageError("no seed given") }
    return seeds
  }

  static func inflation(_ text: String?) throws -> Double {
    guard let text else { return 1.3 }
    guard let value = Double(text), value.isFinite, value > 0, value <= 10
    else {
      throw UsageError(
        "--inflation must be a number above 0 and at most 10, not '\(text)'")
    }
    return value
  }

  // MARK: - Output

  static func summaryTable(_ result: StudyResult, withPublished: Bool)
    -> Table
  {
    let target = result.targetPercent
    var columns: [Table.Column] = [
      .init("policy"), .init("alloc@100", rightAligned: true),
      .init("alloc@100.sd", rightAligned: true),
      .init("alloc@\(target)", rightAligned: true),
      .init("alloc@\(target).sd", rightAligned: true),
      .init("frag@100", rightAligned: true),
      .init("failedPods", rightAligned: true),
    ]
    if withPublished {
      columns += [
        .init("published@100", rightAligned: true),
        .init("diff", rightAligned: true),
      ]
    }
    var table = Table(columns: columns)
    func number(_ value: Double?) -> Cell {
      value.map { .number($0, decimals: 2) } ?? .empty
    }
    for summary in result.summaries {
      var row: [Cell] = [
        .text(summary.policy.rawValue),
        number(summary.allocationAt100?.mean),
        number(summary.allocationAt100?.standardDeviation),
        number(summary.allocationAtTarget?.mean),
        number(summary.allocationAtTarget?.standardDeviation),
        number(summary.fragmentationAt100?.mean),
        number(summary.failed?.mean),
      ]
      if withPublished {
        let published = PublishedResult.defaultPodList(for: summary.policy)
        row.append(number(published?.allocationAt100.mean))
        if let ours = summary.allocationAt100?.mean,
          let theirs = published?.allocationAt100.mean
        {
          row.append(.number(ours - theirs, decimals: 2))
        } else {
          row.append(.empty)
        }
      }
      table.append(row)
    }
    return table
  }

  static func report(
    _ result: StudyResult, table: Table, nodes: [TraceNode],
    pods: [TracePod], paths: (nodes: String, pods: String)
  ) -> HTMLReport {
    let summary = TraceSummary(nodes: nodes, pods: pods)
    func chart(
      _ title: String, _ label: String, _ value: (ArrivalBin) -> Double,
      domain: (lower: Double, upper: Double)?, fromArrived: Int = 0
    ) -> LineChart {
      LineChart(
        title: title, xLabel: "arrived workload (% of GPU capacity)",
        yLabel: label,
        series: result.summaries.map { summary in
          LineChart.Series(
            name: summary.policy.rawValue,
            points: summary.curve.filter {
              $0.arrivedPercent >= fromArrived
            }.map { (Double($0.arrivedPercent), value($0)) })
        }, yDomain: domain)
    }
    let seeds = result.seeds.map(String.init).joined(separator: ", ")
    return HTMLReport(
      title: "Packing study: \(summary.podCount) pods on "
        + "\(summary.gpuCount) GPUs",
      summary: [
        ("nodes", paths.nodes), ("pods", paths.pods),
        ("GPUs", "\(summary.gpuCount) on \(summary.gpuNodeCount) nodes"),
        ("GPU demand",
         formatFixed(summary.demandPercentOfCapacity, decimals: 1)
           + "% of capacity"),
        ("inflation", "\(result.inflation)"), ("seeds", seeds),
        ("empty-cluster fragmentation",
         formatFixed(result.emptyClusterFragmentationPercent, decimals: 2)
           + "%"),
      ],
      sections: [
        ("Allocation and fragmentation by policy", .table(table)),
        ("GPU allocation as pods arrive",
         .lines(chart(
          "Allocated GPU share", "allocation (%)", \.allocationPercent,
          domain: (0, 100)))),
        ("GPU allocation near saturation",
         .lines(chart(
          "Allocated GPU share from 85% arrived", "allocation (%)",
          \.allocationPercent, domain: (80, 100), fromArrived: 85))),
        ("Fragmentation as pods arrive",
         .lines(chart(
          "Fragmented GPU share", "fragmentation (% of capacity)",
          \.fragmentationPercent, domain: nil))),
        ("Definitions",
         .note(
          "Curves are means over seeds per integer arrived percent. "
            + "Allocation = allocated GPU milli / capacity; fragmentation "
            + "= idle GPU milli that the typical pod mix cannot use "
            + "(docs/trace-study.md).")),
      ])
  }

  static func curveTable(_ result: StudyResult) -> Table {
    var table = Table(columns: [
      .init("policy"), .init("arrivedPercent"), .init("allocationPercent"),
      .init("fragmentationPercent"), .init("fragmentationRatePercent"),
    ])
    for summary in result.summaries {
      for bin in summary.curve {
        table.append([
          .text(summary.policy.rawValue), .integer(bin.arrivedPercent),
          .number(bin.allocationPercent, decimals: 4),
          .number(bin.fragmentationPercent, decimals: 4),
          .number(bin.fragmentationRatePercent, decimals: 4),
        ])
      }
    }
    return table
  }

  static func outputValue(_ result: StudyResult) -> OutputValue {
    func stat(_ value: MeanAndDeviation?) -> OutputValue {
      guard let value else { return .null }
      return [
        "mean": .number(value.mean), "sd": .number(value.standardDeviation),
        "n": .integer(value.count),
      ]
    }
    return [
      "inflation": .number(result.inflation),
      "seeds": .sequence(result.seeds.map { .integer(Int($0)) }),
      "emptyClusterFragmentationPercent": .number(
        result.emptyClusterFragmentationPercent),
      "policies": .sequence(
        result.summaries.map { summary in
          [
            "policy": .string(summary.policy.rawValue),
            "allocationAt100": stat(summary.allocationAt100),
            "allocationAtTarget": stat(summary.allocationAtTarget),
            "fragmentationAt100": stat(summary.fragmentationAt100),
            "failedPods": stat(summary.failed),
            "curve": .sequence(
              summary.curve.map { bin in
                [
                  "arrivedPercent": .integer(bin.arrivedPercent),
                  "allocationPercent": .number(bin.allocationPercent),
                  "fragmentationPercent": .number(bin.fragmentationPercent),
                ]
              }),
          ]
        }),
    ]
  }
}
