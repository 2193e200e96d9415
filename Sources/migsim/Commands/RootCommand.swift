/// `migsim` itself: the list of commands.
struct RootCommand: Command {
  let name = "migsim"
  let abstract =
    "simulate multi-tenant GPU clusters and plan their MIG layouts"
  let usage = "<command> [options]"
  let discussion = """
    Results go to standard output, diagnostics to standard error. Exit
    codes: 0 success, 1 failure while running (or a negative answer, such
    as an invalid layout), 2 bad usage, 65 bad input data.
    """

  var subcommands: [any Command] {
    [
      GPUsCommand(), MIGCommand(), ValidateCommand(), SimulateCommand(),
      CompareCommand(), PlanCommand(), TraceCommand(),
      VersionCommand(),
    ]
  }
}

/// `migsim version`: the tool's version.
struct VersionCommand: Command {
  let name = "version"
  let abstract = "print the version of migsim"
  let usage = ""

  func run(_ arguments: ParsedArguments, context: CommandContext) throws
    -> ExitCode
  {
    guard arguments.positionals.isEmpty else {
      throw UsageError("'version' takes no arguments")
    }
    context.out("migsim \(migsimVersion)")
    return .success
  }
}

/// The version printed by `migsim version`.
let migsimVersion = "0.1.0"
