import MIGGeometry
import Reports
import Scenarios

/// `migsim mig layouts`: every maximal valid layout of one model.
struct MIGLayoutsCommand: Command {
  let name = "layouts"
  let abstract = "enumerate every maximal valid MIG layout of a GPU model"
  let usage =
    "--gpu MODEL [--profiles LIST | --all-profiles] [--driver RELEASE] "
    + "[--mixes] [--format table|json|csv]"
  let discussion = """
    A layout is maximal when no further instance of any chosen profile fits
    anywhere. By default the chosen profiles are the model's standard ones:
    one per compute size, with the fewest memory slices, without media
    extensions (on A100-40GB: 1g.5gb 2g.10gb 3g.20gb 4g.20gb 7g.40gb, which
    give 19 layouts from driver R510 on and 18 before). --mixes groups
    layouts by their multiset of profiles.
    """
  var examples: [(command: String, comment: String)] {
    [
      ("migsim mig layouts --gpu a100-40gb", "the 19 standard layouts"),
      ("migsim mig layouts --gpu a100-40gb --driver 470",
       "before R510: 4g with 3g is refused, 18 layouts"),
      ("migsim mig layouts --gpu h100 --profiles 1g.10gb,3g.40gb --mixes",
       "mixes of two profiles"),
      ("migsim mig layouts --gpu a30 --format json", "as JSON"),
    ]
  }
  var options: [OptionSpec] {
    [
      CommonOptions.gpu,
      .value(
        "profiles", "LIST",
        help: "Comma-separated profiles to build layouts from."),
      .flag("all-profiles", help: "Use every profile the driver offers."),
      CommonOptions.driver,
      .flag("mixes", help: "One row per profile mix, with its layout count."),
      CommonOptions.format,
    ]
  }

  func run(_ arguments: ParsedArguments, context: CommandContext) throws
    -> ExitCode
  {
    guard arguments.positionals.isEmpty else {
      throw UsageError("'mig layouts' takes no arguments besides options")
    }
    let model = try CommonOptions.gpuModel(arguments)
    let rules = try CommonOptions.rules(arguments)
    let format = try CommonOptions.outputFormat(arguments)
    let profiles = try chosenProfiles(arguments, model: model, rules: rules)

    if arguments.has("mixes") {
      var table = Table(columns: [
        .init("mix"), .init("layouts", rightAligned: true),
        .init("computeSlices", rightAligned: true),
        .init("memorySlices", rightAligned: true),
      ])
      for (mix, count) in model.maximalProfileMixes(of: profiles, rules: rules)
      {
        let used = slicesUsed(by: mix.profileNames, on: model)
        table.append([
          .text(mix.description), .integer(count), .integer(used.compute),
          .integer(used.memory),
        ])
      }
      context.outRaw(table.render(as: format))
      return .success
    }

    var table = Table(columns: [
      .init("layout", rightAligned: true), .init("placements"), .init("mix"),
      .init("computeSlices", rightAligned: true),
      .init("memorySlices", rightAligned: true),
    ])
    let layouts = model.maximalLayouts(of: profiles, rules: rules)
    for (index, layout) in layouts.enumerated() {
      let names = layout.placements.map(\.profileName)
      let used = slicesUsed(by: names, on: model)
      table.append([
        .integer(index + 1), .text(layout.description),
        .text(MIGProfileMix(layout, on: model).description),
        .integer(used.compute), .integer(used.memory),
      ])
    }
    context.outRaw(table.render(as: format))
    return .success
  }

  /// The profiles from `--profiles`, `--all-profiles`, or the standard
  /// set; unknown names are usage errors.
  private func chosenProfiles(
    _ arguments: ParsedArguments, model: GPUModel, rules: MIGRules
  ) throws -> [MIGProfile] {
    if arguments.has("all-profiles") {
      guard !arguments.has("profiles") else {
        throw UsageError("give --profiles or --all-profiles, not both")
      }
      return model.availableProfiles(under: rules)
    }
    guard let list = arguments.value("profiles") else {
      return model.standardProfiles(under: rules)
    }
    var chosen: [MIGProfile] = []
    for name in list.split(separator: ",").map(String.init) {
      guard let profile = model.profile(named: name) else {
        throw UsageError(unknownProfileMessage(name, model: model))
      }
      if !chosen.contains(profile) { chosen.append(profile) }
    }
    guard !chosen.isEmpty else {
      throw UsageError("--profiles needs at least one profile name")
    }
    return chosen
  }

  private func slicesUsed(by names: [String], on model: GPUModel)
    -> (compute: Int, memory: Int)
  {
    let profiles = names.compactMap { model.profile(named: $0) }
    return (
      profiles.reduce(0) { $0 + $1.computeSlices },
      profiles.reduce(0) { $0 + $1.memorySlices }
    )
  }
}

/// "unknown profile 'x' on MODEL", with the nearest profile name and the
/// list of valid ones.
func unknownProfileMessage(_ name: String, model: GPUModel) -> String {
  let names = model.profiles.map(\.name)
  var message = "unknown MIG profile '\(name)' on \(model.name)"
  if let near = KeySuggestion.nearest(to: name, among: names) {
    message += "; did you mean '\(near)'?"
  } else {
    message += "; profiles: \(names.joined(separator: ", "))"
  }
  return message
}
