import MIGGeometry
import Reports

/// `migsim gpus`: the GPU models migsim knows.
struct GPUsCommand: Command {
  let name = "gpus"
  let abstract = "list the GPU models and their MIG capabilities"
  let usage = "[--format table|json|csv]"
  let discussion = """
    Each model is named as GPU feature discovery labels it
    (nvidia.com/gpu.product) and by short aliases; commands accept either,
    in any letter case. 'verified' is false where a fact (a profile, a
    placement) was inferred rather than read from a real device listing.
    """
  var examples: [(command: String, comment: String)] {
    [
      ("migsim gpus", "every model as a table"),
      ("migsim gpus --format json | jq '.[].name'", "names for a script"),
    ]
  }
  var options: [OptionSpec] { [CommonOptions.format] }

  func run(_ arguments: ParsedArguments, context: CommandContext) throws
    -> ExitCode
  {
    guard arguments.positionals.isEmpty else {
      throw UsageError("'gpus' takes no arguments")
    }
    let format = try CommonOptions.outputFormat(arguments)
    var table = Table(columns: [
      .init("name"), .init("aliases"), .init("memoryGB", rightAligned: true),
      .init("SMs", rightAligned: true),
      .init("computeSlices", rightAligned: true),
      .init("memorySlices", rightAligned: true),
      .init("profiles", rightAligned: true),
      .init("minDriver", rightAligned: true), .init("verified"),
    ])
    for model in GPUModel.all {
      table.append([
        .text(model.name), .text(model.aliases.joined(separator: " ")),
        .integer(model.memoryGB), .integer(model.smCount),
        .integer(model.computeSliceCount), .integer(model.memorySliceCount),
        .integer(model.profiles.count),
        .integer(model.minimumDriverRelease), .boolean(model.isVerified),
      ])
    }
    context.outRaw(table.render(as: format))
    return .success
  }
}
