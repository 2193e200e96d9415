import MIGGeometry
import Reports
import Scenarios

/// `migsim mig check`: can these instances share one GPU, and how to
/// create them.
struct MIGCheckCommand: Command {
  let name = "check"
  let abstract =
    "check a MIG layout; give a placement and a creation order that works"
  let usage =
    "--gpu MODEL [--driver RELEASE] [--format table|json|csv] "
    + "(PROFILE | NxPROFILE | PROFILE@START)..."
  let discussion = """
    Give the instances as profile names (3g.40gb, or 2x1g.10gb for two),
    and migsim finds where each goes and an order to create them in that
    the driver accepts (it places an instance created without an explicit
    placement at the highest free start, so larger instances go first).
    Or give exact placements (3g.40gb@4) to check a layout as it is.

    Exit code 0 when the layout is valid, 1 with every reason when it is
    not.
    """
  var examples: [(command: String, comment: String)] {
    [
      ("migsim mig check --gpu h100-80gb 3g.40gb 4g.40gb",
       "4g@0 then 3g@4"),
      ("migsim mig check --gpu a100-40gb --driver 470 4g.20gb 3g.20gb",
       "refused before R510 (exit 1)"),
      ("migsim mig check --gpu a100-40gb 3g.20gb@4 1g.5gb@4",
       "overlapping placements (exit 1)"),
      ("migsim mig check --gpu a30 2x1g.6gb 2g.12gb --format json",
       "as JSON"),
    ]
  }
  var options: [OptionSpec] {
    [CommonOptions.gpu, CommonOptions.driver, CommonOptions.format]
  }

  func run(_ arguments: ParsedArguments, context: CommandContext) throws
    -> ExitCode
  {
    let model = try CommonOptions.gpuModel(arguments)
    let rules = try CommonOptions.rules(arguments)
    let format = try CommonOptions.outputFormat(arguments)
    guard !arguments.positionals.isEmpty else {
      throw UsageError("give at least one profile or placement")
    }
    let request = try parseInstances(arguments.positionals, model: model)

    let outcome: Outcome
    switch request {
    case .profiles(let names):
      do {
        let arrangement = try model.arrangement(of: names, rules: rules)
        outcome = .valid(arrangement.layout, order: arrangement.creationOrder)
      } catch {
        outcome = .invalid(reasons(of: error))
      }
    case .placements(let placements):
      let violations = model.violations(of: placements, rules: rules)
      if !violations.isEmpty {
        outcome = .invalid(violations.map(\.description))
      } else {
        let order = DriverPlacementModel(model: model).creationOrder(
          for: placements)
        outcome = .valid(MIGLayout(placements), order: order)
      }
    }
    context.outRaw(render(outcome, model: model, rules: rules, as: format))
    if case .valid = outcome { return .success }
    return .failure
  }

  // MARK: - Internals

  private enum Request {
    case profiles([String])
    case placements([MIGPlacement])
  }

  private enum Outcome {
    /// A valid layout; `order` is nil when the driver cannot reach it
    /// without explicit placements.
    case valid(MIGLayout, order: [MIGPlacement]?)
    case invalid([String])
  }

  /// Reads profile names, `NxPROFILE` counts or `PROFILE@START`
  /// placements; mixing names and placements is refused.
  private func parseInstances(_ words: [String], model: GPUModel) throws
    -> Request
  {
    let placed = words.filter { $0.contains("@") }
    if !placed.isEmpty {
      guard placed.count == words.count else {
        throw UsageError(
          "give either profiles or PROFILE@START placements, not both")
      }
      return .placements(
        try placed.map { word in
          guard let placement = MIGPlacement(word) else {
            throw UsageError(
              "'\(word)' is not a placement such as 3g.40gb@4")
          }
          guard model.profile(named: placement.profileName) != nil else {
            throw UsageError(
              unknownProfileMessage(placement.profileName, model: model))
          }
          return placement
        })
    }
    var names: [String] = []
    for word in words {
      var count = 1
      var name = word
      if let x = word.firstIndex(where: { $0 == "x" || $0 == "×" }),
        let n = Int(word[..<x])
      {
        guard (1...64).contains(n) else {
          throw UsageError("count in '\(word)' must be between 1 and 64")
        }
        count = n
        name = String(word[word.index(after: x)...])
      }
      guard model.profile(named: name) != nil else {
        throw UsageError(unknownProfileMessage(name, model: model))
      }
      names += Array(repeating: name, count: count)
    }
    return .profiles(names)
  }

  private func reasons(of failure: MIGArrangementFailure) -> [String] {
    switch failure {
    case .violations(let list): return list.map(\.description)
    default: return [failure.description]
    }
  }

  private func render(
    _ outcome: Outcome, model: GPUModel, rules: MIGRules,
    as format: OutputFormat
  ) -> String {
    switch outcome {
    case .valid(let layout, let order):
      var steps = Table(columns: [
        .init("step", rightAligned: true), .init("placement"),
        .init("memorySlices"), .init("computeSlices", rightAligned: true),
      ])
      for (index, placement) in (order ?? layout.placements).enumerated() {
        let range = placement.memorySliceRange(on: model)
        let profile = model.profile(named: placement.profileName)
        steps.append([
          order == nil ? .empty : .integer(index + 1),
          .text(placement.description),
          .text(range.map { "\($0.lowerBound)-\($0.upperBound - 1)" } ?? ""),
          .integer(profile?.computeSlices ?? 0),
        ])
      }
      switch format {
      case .json:
        return JSONWriter.write([
          "gpu": .string(model.name), "driver": .integer(rules.driverRelease),
          "valid": true,
          "layout": .sequence(layout.placements.map { .string("\($0)") }),
          "creationOrder": order.map {
            .sequence($0.map { .string("\($0)") })
          } ?? .null,
        ])
      case .csv:
        return steps.renderCSV()
      case .table:
        var text = "valid on \(model.name) (driver R\(rules.driverRelease))"
        text += ": \(layout)\n"
        if order == nil {
          text += "the driver does not reach this layout on its own; create"
          text += " each instance with an explicit placement\n"
        } else {
          text += "create in this order:\n"
        }
        return text + steps.renderText()
      }
    case .invalid(let reasons):
      switch format {
      case .json:
        return JSONWriter.write([
          "gpu": .string(model.name), "driver": .integer(rules.driverRelease),
          "valid": false,
          "reasons": .sequence(reasons.map { .string($0) }),
        ])
      case .csv:
        var table = Table(columns: [.init("reason")])
        for reason in reasons { table.append([.text(reason)]) }
        return table.renderCSV()
      case .table:
        var text = "invalid on \(model.name) (driver R\(rules.driverRelease)):\n"
        for reason in reasons { text += "  - \(reason)\n" }
        return text
      }
    }
  }
}
