import MIGGeometry
import Reports

/// `migsim mig configs`: the GPU Operator's named configs for one model.
struct MIGConfigsCommand: Command {
  let name = "configs"
  let abstract = "list the GPU Operator's named MIG configs for a GPU model"
  let usage = "--gpu MODEL [--driver RELEASE] [--format table|json|csv]"
  let discussion = """
    The names a node selects with the label nvidia.com/mig.config:
    all-disabled, all-enabled, all-<profile> (as many instances of one
    profile as fit) and all-balanced where NVIDIA defines it. Each is shown
    with its instances per GPU and a placement the driver reaches.
    """
  var examples: [(command: String, comment: String)] {
    [
      ("migsim mig configs --gpu a100-40gb", "every named config"),
      ("migsim mig configs --gpu h200 --format json", "as JSON"),
    ]
  }
  var options: [OptionSpec] {
    [CommonOptions.gpu, CommonOptions.driver, CommonOptions.format]
  }

  func run(_ arguments: ParsedArguments, context: CommandContext) throws
    -> ExitCode
  {
    guard arguments.positionals.isEmpty else {
      throw UsageError("'mig configs' takes no arguments besides options")
    }
    let model = try CommonOptions.gpuModel(arguments)
    let rules = try CommonOptions.rules(arguments)
    let format = try CommonOptions.outputFormat(arguments)
    var table = Table(columns: [
      .init("name"), .init("migEnabled"), .init("mix"), .init("layout"),
    ])
    for name in NamedMIGConfig.names(for: model, rules: rules) {
      // A name listed for the model always resolves; skip defensively.
      guard let config = try? NamedMIGConfig.resolve(
        name, for: model, rules: rules)
      else { continue }
      let names = config.mix.profileNames
      let layout =
        names.isEmpty
        ? "" : (try? model.arrangement(of: names, rules: rules))
          .map { "\($0.layout)" } ?? ""
      table.append([
        .text(config.name), .boolean(config.isMIGEnabled),
        .text(config.mix.description), .text(layout),
      ])
    }
    context.outRaw(table.render(as: format))
    return .success
  }
}
