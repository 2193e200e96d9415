/// One option a command accepts, for parsing and for `--help`.
struct OptionSpec {
  /// The long name without dashes, such as `format`.
  var name: String
  /// A one-letter short name, if any.
  var short: Character?
  /// The placeholder of the value (`FORMAT`), or nil for a flag.
  var valueName: String?
  /// One line for `--help`; mention the default.
  var help: String
  /// Whether the option may be given more than once.
  var isRepeatable: Bool = false

  /// A flag that takes no value.
  static func flag(
    _ name: String, short: Character? = nil, help: String
  ) -> OptionSpec {
    OptionSpec(name: name, short: short, valueName: nil, help: help)
  }

  /// An option that takes one value.
  static func value(
    _ name: String, short: Character? = nil, _ valueName: String,
    help: String, repeatable: Bool = false
  ) -> OptionSpec {
    OptionSpec(
      name: name, short: short, valueName: valueName, help: help,
      isRepeatable: repeatable)
  }

  /// `--format FORMAT` or `-o, --output FILE`, as `--help` shows it.
  var synopsis: String {
    var text = short.map { "-\($0), " } ?? "    "
    text += "--\(name)"
    if let valueName { text += " \(valueName)" }
    return text
  }
}
