/// Renders `--help` for a command.
enum Help {
  /// The full help text of `command`, reached as `path` (for example
  /// `migsim mig check`).
  static func text(for command: any Command, path: String) -> String {
    var lines: [String] = []
    lines.append("\(path): \(command.abstract)")
    lines.append("")
    if command.subcommands.isEmpty {
      lines.append("Usage: \(path) \(command.usage)")
    } else {
      lines.append("Usage: \(path) <command> [options]")
      lines.append("")
      lines.append("Commands:")
      let width = command.subcommands.map(\.name.count).max() ?? 0
      for sub in command.subcommands {
        lines.append("  \(pad(sub.name, width))  \(sub.abstract)")
      }
    }
    if !command.discussion.isEmpty {
      lines.append("")
      lines.append(command.discussion)
    }
    let options = command.options + [
      .flag("help", short: "h", help: "Show this help and exit.")
    ]
    lines.append("")
    lines.append("Options:")
    let width = options.map(\.synopsis.count).max() ?? 0
    for option in options {
      lines.append("  \(pad(option.synopsis, width))  \(option.help)")
    }
    if !command.examples.isEmpty {
      lines.append("")
      lines.append("Examples:")
      for example in command.examples {
        lines.append("  # \(example.comment)")
        lines.append("  \(example.command)")
      }
    }
    if !command.subcommands.isEmpty {
      lines.append("")
      lines.append("Run '\(path) <command> --help' for a command's options.")
    }
    return lines.joined(separator: "\n")
  }

  private static func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
  }
}
