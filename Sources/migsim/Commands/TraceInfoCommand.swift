import Reports
import Scenarios

/// `migsim trace info`: what a trace holds.
struct TraceInfoCommand: Command {
  let name = "info"
  let abstract = "summarise a trace: capacity by GPU model, pods by kind"
  let usage = "--nodes FILE --pods FILE [--format table|json|csv]"
  let discussion = """
    Prints the cluster's nodes and GPUs by model, then the pods by kind
    (CPU-only, sharing one GPU, one whole GPU, several GPUs) with their GPU
    demand, and the total demand as a share of GPU capacity. Demand is
    num_gpu × gpu_milli / 1000 GPUs per pod.
    """
  var examples: [(command: String, comment: String)] {
    [
      ("migsim trace info --nodes openb_node_list_gpu_node.csv "
        + "--pods openb_pod_list_default.csv", "the default list"),
    ]
  }
  var options: [OptionSpec] {
    [TraceOptions.nodes, TraceOptions.pods, CommonOptions.format]
  }

  func run(_ arguments: ParsedArguments, context: CommandContext) throws
    -> ExitCode
  {
    let paths = try TraceOptions.paths(arguments)
    let format = try CommonOptions.outputFormat(arguments)
    let nodes = try TraceCSV.readNodes(atPath: paths.nodes)
    let pods = try TraceCSV.readPods(atPath: paths.pods)
    let summary = TraceSummary(nodes: nodes, pods: pods)

    var capacity = Table(columns: [
      .init("model"), .init("nodes", rightAligned: true),
      .init("GPUs", rightAligned: true),
    ])
    for model in summary.models {
      capacity.append([
        .text(model.model.isEmpty ? "(no GPU)" : model.model),
        .integer(model.nodes), .integer(model.gpus),
      ])
    }
    var demand = Table(columns: [
      .init("kind"), .init("pods", rightAligned: true),
      .init("GPUs", rightAligned: true),
    ])
    for kind in summary.kinds {
      demand.append([
        .text("\(kind.kind)"), .integer(kind.pods),
        .number(Double(kind.gpuDemandMilli) / 1000, decimals: 1),
      ])
    }
    switch format {
    case .json:
      context.outRaw(
        JSONWriter.write([
          "nodes": .integer(summary.nodeCount),
          "gpuNodes": .integer(summary.gpuNodeCount),
          "gpus": .integer(summary.gpuCount),
          "vCPUs": .number(Double(summary.cpuMilli) / 1000),
          "capacityByModel": capacity.outputValue,
          "pods": .integer(summary.podCount),
          "podsWithGPUSpec": .integer(summary.podsWithGPUSpec),
          "podsByKind": demand.outputValue,
          "gpuDemand": .number(Double(summary.gpuDemandMilli) / 1000),
          "demandPercentOfCapacity": .number(
            (summary.demandPercentOfCapacity * 100).rounded() / 100),
        ]))
    case .csv:
      context.outRaw(capacity.renderCSV() + "\n" + demand.renderCSV())
    case .table:
      context.out(
        "nodes \(summary.nodeCount) (\(summary.gpuNodeCount) with GPUs), "
          + "GPUs \(summary.gpuCount), vCPUs \(summary.cpuMilli / 1000)")
      context.out("")
      context.outRaw(capacity.renderText())
      context.out("")
      context.outRaw(demand.renderText())
      context.out("")
      context.out(
        "pods \(summary.podCount) (\(summary.podsWithGPUSpec) with a GPU "
          + "model constraint); GPU demand "
          + formatFixed(Double(summary.gpuDemandMilli) / 1000, decimals: 1)
          + " GPUs = "
          + formatFixed(summary.demandPercentOfCapacity, decimals: 1)
          + "% of capacity")
    }
    return .success
  }
}
