import Scenarios

/// `migsim mig export`: a scenario's MIG layouts as a mig-parted file.
struct MIGExportCommand: Command {
  let name = "export"
  let abstract = "write a scenario's MIG layouts as a mig-parted config file"
  let usage = "SCENARIO [--output FILE]"
  let discussion = """
    Writes a mig-parted 'version: v1' file with one named config per MIG
    pool (named after the pool), ready for NVIDIA's MIG manager: a node
    selects its config with the label nvidia.com/mig.config=<pool>. GPUs
    with different layouts in one pool get a 'devices' list each. The file
    goes to standard output unless --output is given; an input file is
    never overwritten.
    """
  var examples: [(command: String, comment: String)] {
    [
      ("migsim mig export scenarios/quickstart.yaml", "print the file"),
      ("migsim mig export scenarios/mig-capacity.yaml --output mig.yaml",
       "write it for the MIG manager"),
    ]
  }
  var options: [OptionSpec] {
    [.value("output", short: "o", "FILE", help: "Write here (default: -).")]
  }

  func run(_ arguments: ParsedArguments, context: CommandContext) throws
    -> ExitCode
  {
    guard arguments.positionals.count == 1 else {
      throw UsageError("give exactly one scenario file")
    }
    let path = arguments.positionals[0]
    let scenario = try Scenario.load(path: path)
    let file = scenario.cluster.migPartedFile()
    guard !file.configs.isEmpty else {
      throw CommandFailure("'\(path)' has no MIG pool to export")
    }
    try OutputFile.write(
      file.yamlText(), to: arguments.value("output") ?? "-",
      inputs: [path], context: context)
    return .success
  }
}
