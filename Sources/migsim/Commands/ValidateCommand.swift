import Reports
import Scenarios

/// `migsim validate`: check a scenario file and summarise it.
struct ValidateCommand: Command {
  let name = "validate"
  let abstract = "check a scenario file and summarise the cluster it describes"
  let usage = "SCENARIO... [--format table|json]"
  let discussion = """
    Reads each scenario (YAML or JSON, by extension) and checks it
    strictly: types, units, unknown keys (with the nearest valid key),
    references between pools, tenants, cohorts and templates, and every
    MIG layout against the GPU model. Every mistake is reported at once on
    stderr as file:line:column: error: at <field path>: <message>, and the
    exit code is then 65. A valid scenario is summarised on stdout.
    """
  var examples: [(command: String, comment: String)] {
    [
      ("migsim validate scenarios/quickstart.yaml", "check and summarise"),
      ("migsim validate scenarios/*.yaml", "check several files"),
      ("migsim validate scenarios/quickstart.json --format json",
       "the summary as JSON"),
    ]
  }
  var options: [OptionSpec] { [CommonOptions.format] }

  func run(_ arguments: ParsedArguments, context: CommandContext) throws
    -> ExitCode
  {
    guard !arguments.positionals.isEmpty else {
      throw UsageError("give the scenario file to validate")
    }
    let format = try CommonOptions.outputFormat(arguments)
    guard format != .csv else {
      throw UsageError("a summary has no CSV form; use table or json")
    }
    var errors: [InputError] = []
    var summaries: [ScenarioSummary] = []
    for path in arguments.positionals {
      do {
        summaries.append(try Scenario.load(path: path).summary)
      } catch {
        errors += error.errors
      }
    }
    guard errors.isEmpty else { throw InputErrors(errors) }

    switch format {
    case .json:
      let values = summaries.map(\.outputValue)
      context.outRaw(
        JSONWriter.write(values.count == 1 ? values[0] : .sequence(values)))
    default:
      for (index, summary) in summaries.enumerated() {
        if index > 0 { context.out("") }
        context.out("\(arguments.positionals[index]): valid")
        context.out(summary.description)
      }
    }
    return .success
  }
}

extension ScenarioSummary {
  /// The summary as a JSON or YAML value.
  var outputValue: OutputValue {
    func counts(_ list: [Count]) -> OutputValue {
      .mapping(list.map { .init($0.name, .integer($0.count)) })
    }
    func names(_ list: [String]) -> OutputValue {
      .sequence(list.map { .string($0) })
    }
    return [
      "name": .string(name), "nodes": .integer(nodeCount),
      "gpus": .integer(gpuCount), "gpusByModel": counts(gpusByModel),
      "migInstancesByProfile": counts(migInstancesByProfile),
      "pools": names(pools), "tenants": names(tenants),
      "templates": names(templates), "workloads": names(workloads),
    ]
  }
}
