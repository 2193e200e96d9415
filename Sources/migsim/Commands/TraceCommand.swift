/// `migsim trace`: the Alibaba GPU-sharing trace and its packing study.
struct TraceCommand: Command {
  let name = "trace"
  let abstract = "import, study and replay the Alibaba GPU-sharing trace"
  let usage = "<command> [options]"
  let discussion = """
    Reads the node and pod lists of Alibaba's cluster-trace-gpu-v2023
    (openb_node_list_*.csv, openb_pod_list_*.csv; the 11-column lists and
    the 5-column multigpu lists). Download the trace yourself and pass the
    paths; nothing of it ships with migsim.
    """
  var subcommands: [any Command] {
    [TraceInfoCommand(), TraceStudyCommand(), TraceReplayCommand()]
  }
}

/// Options shared by the trace commands.
enum TraceOptions {
  static let nodes = OptionSpec.value(
    "nodes", "FILE", help: "Node list CSV (sn,cpu_milli,memory_mib,gpu,model).")
  static let pods = OptionSpec.value(
    "pods", "FILE", help: "Pod list CSV (11 or 5 columns).")
  static let policies = OptionSpec.value(
    "policies", "LIST",
    help: "Comma-separated policies, 'published' (the six of the study) or "
      + "'all' (default: all).")
  static let threads = OptionSpec.value(
    "threads", "N", help: "Runs at once (default: every core).")

  /// The two required file paths.
  static func paths(_ arguments: ParsedArguments) throws
    -> (nodes: String, pods: String)
  {
    guard let nodes = arguments.value("nodes") else {
      throw UsageError("missing --nodes FILE (the trace's node list)")
    }
    guard let pods = arguments.value("pods") else {
      throw UsageError("missing --pods FILE (the trace's pod list)")
    }
    guard arguments.positionals.isEmpty else {
      throw UsageError(
        "unexpected argument '\(arguments.positionals[0])'; pass files "
          + "with --nodes and --pods")
    }
    return (nodes, pods)
  }

  /// A positive integer option, or nil when absent.
  static func positiveInteger(_ name: String, _ arguments: ParsedArguments)
    throws -> Int?
  {
    guard let text = arguments.value(name) else { return nil }
    guard let value = Int(text), value >= 1 else {
      throw UsageError("--\(name) must be a positive integer, not '\(text)'")
    }
    return value
  }
}
