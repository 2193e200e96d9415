import MIGGeometry
import Reports

/// `migsim mig profiles`: the MIG profiles of one model.
struct MIGProfilesCommand: Command {
  let name = "profiles"
  let abstract = "list the MIG profiles of a GPU model"
  let usage = "--gpu MODEL [--format table|json|csv]"
  let discussion = """
    Columns: profile ID, name, compute and memory slices, memory in GiB as
    the device reports it, SMs, the most instances one GPU holds, the
    memory slices an instance may start at, whether it takes the media
    engines (+me), the first driver release that offers it, and whether
    the row was read from a real device listing.
    """
  var examples: [(command: String, comment: String)] {
    [
      ("migsim mig profiles --gpu a100-40gb", "the A100-40GB table"),
      ("migsim mig profiles --gpu h100 --format csv", "H100 as CSV"),
    ]
  }
  var options: [OptionSpec] { [CommonOptions.gpu, CommonOptions.format] }

  func run(_ arguments: ParsedArguments, context: CommandContext) throws
    -> ExitCode
  {
    guard arguments.positionals.isEmpty else {
      throw UsageError("'mig profiles' takes no arguments besides --gpu")
    }
    let model = try CommonOptions.gpuModel(arguments)
    let format = try CommonOptions.outputFormat(arguments)
    var table = Table(columns: [
      .init("id", rightAligned: true), .init("name"),
      .init("computeSlices", rightAligned: true),
      .init("memorySlices", rightAligned: true),
      .init("memoryGiB", rightAligned: true), .init("SMs", rightAligned: true),
      .init("max", rightAligned: true), .init("starts"),
      .init("mediaExtensions"), .init("minDriver", rightAligned: true),
      .init("verified"),
    ])
    for profile in model.profiles {
      table.append([
        profile.id.map(Cell.integer) ?? .empty, .text(profile.name),
        .integer(profile.computeSlices), .integer(profile.memorySlices),
        .number(profile.memoryGiB, decimals: 2), .integer(profile.smCount),
        .integer(profile.maxCount),
        .text(profile.allowedStarts.map(String.init).joined(separator: ",")),
        .boolean(profile.hasMediaExtensions),
        profile.minimumDriverRelease.map(Cell.integer) ?? .empty,
        .boolean(profile.isVerified),
      ])
    }
    context.outRaw(table.render(as: format))
    return .success
  }
}
