/// One `migsim` command: its name, its help, its options, and what it does.
///
/// A command with subcommands (such as `migsim mig`) lists them and runs
/// none itself.
protocol Command {
  /// The word that selects the command, such as `validate`.
  var name: String { get }
  /// One line for the command list.
  var abstract: String { get }
  /// The usage line after `migsim <name>`, such as `SCENARIO [options]`.
  var usage: String { get }
  /// Paragraphs that teach the command; shown by `--help`.
  var discussion: String { get }
  /// Example invocations with a comment each; shown by `--help`.
  var examples: [(command: String, comment: String)] { get }
  /// The options the command accepts.
  var options: [OptionSpec] { get }
  /// Subcommands, if the command is a group.
  var subcommands: [any Command] { get }

  /// Runs the command with its parsed arguments.
  ///
  /// - Returns: the exit code.
  /// - Throws: `UsageError`, `CommandFailure`, or input errors; the
  ///   dispatcher maps each to its exit code and message.
  func run(_ arguments: ParsedArguments, context: CommandContext) throws
    -> ExitCode
}

extension Command {
  var discussion: String { "" }
  var examples: [(command: String, comment: String)] { [] }
  var options: [OptionSpec] { [] }
  var subcommands: [any Command] { [] }

  func run(_ arguments: ParsedArguments, context: CommandContext) throws
    -> ExitCode
  {
    throw UsageError("'\(name)' needs a subcommand")
  }
}
