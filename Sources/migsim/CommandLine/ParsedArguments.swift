import Scenarios

/// A command line split into options and positional arguments, checked
/// against the options the command declares.
struct ParsedArguments {
  /// Values by option name, in the order given; flags map to `[""]`.
  private(set) var options: [String: [String]] = [:]
  /// Positional arguments in order.
  private(set) var positionals: [String] = []

  /// Parses `arguments` against `specs`.
  ///
  /// Accepts `--name value`, `--name=value`, `-x value`, and `--` to end
  /// options. `--help` and `-h` are always accepted as flags.
  ///
  /// - Throws: `UsageError` for an unknown option (with the nearest known
  ///   one suggested), a missing value, a value given to a flag, or an
  ///   option repeated that may not be.
  init(_ arguments: [String], specs: [OptionSpec]) throws {
    let all = specs + [.flag("help", short: "h", help: "")]
    var index = 0
    var onlyPositionals = false
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if onlyPositionals || argument == "-" || !argument.hasPrefix("-") {
        positionals.append(argument)
        continue
      }
      if argument == "--" {
        onlyPositionals = true
        continue
      }

      var name: String
      var inlineValue: String?
      if argument.hasPrefix("--") {
        name = String(argument.dropFirst(2))
        if let equals = name.firstIndex(of: "=") {
          inlineValue = String(name[name.index(after: equals)...])
          name = String(name[..<equals])
        }
      } else {
        guard argument.count == 2 else {
          throw UsageError(
            "unknown option '\(argument)'; long options start with '--'")
        }
        name = String(argument.dropFirst())
      }
      guard
        let spec = all.first(where: {
          $0.name == name || ($0.short.map(String.init) == name)
        })
      else {
        throw UsageError(Self.unknownOptionMessage(argument, specs: all))
      }

      let value: String
      if spec.valueName == nil {
        guard inlineValue == nil else {
          throw UsageError("option '--\(spec.name)' takes no value")
        }
        value = ""
      } else if let inlineValue {
        value = inlineValue
      } else {
        guard index < arguments.count else {
          throw UsageError(
            "option '--\(spec.name)' needs a value \(spec.valueName!)")
        }
        value = arguments[index]
        index += 1
      }
      if options[spec.name] != nil && !spec.isRepeatable
        && spec.valueName != nil
      {
        throw UsageError("option '--\(spec.name)' given more than once")
      }
      options[spec.name, default: []].append(value)
    }
  }

  /// Whether a flag or option was given.
  func has(_ name: String) -> Bool {
    options[name] != nil
  }

  /// The last value of an option, if given.
  func value(_ name: String) -> String? {
    options[name]?.last
  }

  /// Every value of a repeatable option, in order.
  func values(_ name: String) -> [String] {
    options[name] ?? []
  }

  private static func unknownOptionMessage(
    _ argument: String, specs: [OptionSpec]
  ) -> String {
    let bare = argument.drop { $0 == "-" }.split(separator: "=").first
      .map(String.init) ?? ""
    let names = specs.map(\.name)
    if let near = KeySuggestion.nearest(to: bare, among: names) {
      return "unknown option '\(argument)'; did you mean '--\(near)'?"
    }
    return "unknown option '\(argument)'"
  }
}
