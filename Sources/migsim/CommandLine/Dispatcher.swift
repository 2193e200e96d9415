import Scenarios

/// Finds the command a command line selects, runs it, and turns every
/// outcome into a message and an exit code.
struct Dispatcher {
  /// The top-level command (`migsim` itself).
  var root: any Command

  /// Runs `arguments` (without the program name) and returns the exit code.
  func run(_ arguments: [String]) -> ExitCode {
    var command = root
    var path = "migsim"
    var rest = arguments[...]

    // Walk down the subcommands while the next word names one.
    while !command.subcommands.isEmpty {
      guard let word = rest.first else { break }
      if word.hasPrefix("-") { break }
      guard let sub = command.subcommands.first(where: { $0.name == word })
      else {
        let names = command.subcommands.map(\.name)
        var message = "unknown command '\(word)'"
        if let near = KeySuggestion.nearest(to: word, among: names) {
          message += "; did you mean '\(near)'?"
        }
        return usageFailure(message, command: command, path: path)
      }
      command = sub
      path += " \(word)"
      rest = rest.dropFirst()
    }

    let context = CommandContext(commandPath: path)
    do {
      let parsed = try ParsedArguments(Array(rest), specs: command.options)
      if parsed.has("help") {
        context.out(Help.text(for: command, path: path))
        return .success
      }
      if !command.subcommands.isEmpty {
        context.err(Help.text(for: command, path: path))
        return .usage
      }
      return try command.run(parsed, context: context)
    } catch let error as UsageError {
      return usageFailure(error.message, command: command, path: path)
    } catch let error as InputErrors {
      for item in error.errors { context.err(item.description) }
      let count = error.errors.count
      context.err("\(count) error\(count == 1 ? "" : "s") found")
      return .dataError
    } catch let error as InputError {
      context.err(error.description)
      return .dataError
    } catch let error as CommandFailure {
      context.err("migsim: error: \(error.message)")
      return .failure
    } catch {
      context.err("migsim: error: \(error)")
      return .failure
    }
  }

  private func usageFailure(
    _ message: String, command: any Command, path: String
  ) -> ExitCode {
    let context = CommandContext(commandPath: path)
    context.err("\(path): error: \(message)")
    if command.subcommands.isEmpty {
      context.err("Usage: \(path) \(command.usage)")
    }
    context.err("Run '\(path) --help' for more.")
    return .usage
  }
}
