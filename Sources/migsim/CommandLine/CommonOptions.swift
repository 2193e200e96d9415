import MIGGeometry
import Reports
import Scenarios

/// Options and argument readers that several commands share, so each is
/// spelled, documented and checked the same way everywhere.
enum CommonOptions {
  /// `--format table|json|csv`.
  static let format = OptionSpec.value(
    "format", short: "f", "FORMAT",
    help: "Output format: \(OutputFormat.names) (default: table).")

  /// `--gpu MODEL`.
  static let gpu = OptionSpec.value(
    "gpu", short: "g", "MODEL",
    help: "GPU model, by product name or alias (see 'migsim gpus').")

  /// `--driver RELEASE`.
  static let driver = OptionSpec.value(
    "driver", "RELEASE",
    help: "NVIDIA driver release, such as 470 or 580 (default: "
      + "\(MIGRules.defaultDriverRelease)); 4g with 3g needs 510 or later.")

  /// The output format chosen with `--format`.
  static func outputFormat(_ arguments: ParsedArguments) throws
    -> OutputFormat
  {
    guard let text = arguments.value("format") else { return .table }
    guard let format = OutputFormat(rawValue: text.lowercased()) else {
      throw UsageError(
        "unknown format '\(text)'; expected one of: \(OutputFormat.names)")
    }
    return format
  }

  /// The GPU model chosen with `--gpu`, which is required.
  static func gpuModel(_ arguments: ParsedArguments) throws -> GPUModel {
    guard let text = arguments.value("gpu") else {
      throw UsageError("missing --gpu MODEL (see 'migsim gpus' for names)")
    }
    guard let model = GPUModel.named(text) else {
      let names = GPUModel.all.flatMap { [$0.name] + $0.aliases }
      var message = "unknown GPU model '\(text)'"
      if let near = nearestName(to: text.lowercased(), among: names) {
        message += "; did you mean '\(near)'?"
      }
      throw UsageError(message + " (see 'migsim gpus' for names)")
    }
    return model
  }

  /// The driver rules chosen with `--driver`.
  static func rules(_ arguments: ParsedArguments) throws -> MIGRules {
    guard let text = arguments.value("driver") else { return MIGRules() }
    let digits =
      text.uppercased().hasPrefix("R") ? String(text.dropFirst()) : text
    guard let release = Int(digits), (100...9999).contains(release) else {
      throw UsageError(
        "driver release '\(text)' is not a number such as 470 or R535")
    }
    return MIGRules(driverRelease: release)
  }

  private static func nearestName(to text: String, among names: [String])
    -> String?
  {
    KeySuggestion.nearest(to: text, among: names.map { $0.lowercased() })
  }
}
