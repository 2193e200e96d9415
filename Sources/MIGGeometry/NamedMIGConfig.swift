/// One of the MIG configurations the NVIDIA GPU Operator ships by name,
/// resolved for a GPU model: `all-disabled`, `all-enabled`,
/// `all-<profile>` and `all-balanced`.
///
/// Decisions where the sources are silent:
/// - `all-<profile>` exists for every plain profile available under the
///   rules, with that profile's maximum count. A `+me` profile gets
///   `all-<plain>.me` (as the operator spells it, for example
///   `all-1g.10gb.me`) with one instance, because one GPU holds at most
///   one `+me` instance; `all-<plain>+me` is accepted as well.
/// - `all-balanced` is defined for A100 (both sizes and boards), A30,
///   H100 SXM5 and PCIe, H200 and B200. It is not defined for H100 NVL,
///   for which no balanced layout is published.
public struct NamedMIGConfig: Sendable, Hashable {
  /// The config name, such as `all-3g.40gb`.
  public let name: String

  /// Whether the config turns MIG mode on (false only for
  /// `all-disabled`).
  public let isMIGEnabled: Bool

  /// The instances to create on each GPU.
  public let mix: MIGProfileMix

  /// The names defined for a model under the rules: `all-disabled`,
  /// `all-enabled`, `all-<profile>` in table order, then `all-balanced`
  /// where defined.
  ///
  /// - Complexity: O(p) for p profiles.
  public static func names(
    for model: GPUModel, rules: MIGRules = MIGRules()
  ) -> [String] {
    var result = ["all-disabled", "all-enabled"]
    result += model.availableProfiles(under: rules).map(singleProfileName)
    if balancedCounts(for: model) != nil { result.append("all-balanced") }
    return result
  }

  /// The config with a name for a model.
  ///
  /// - Parameters:
  ///   - name: a name from `names(for:rules:)`; case-insensitive.
  ///   - model: the GPU model.
  ///   - rules: the driver rules, which decide the available profiles.
  /// - Returns: the config with the instances it creates per GPU.
  /// - Throws: `NamedMIGConfigError` if the name is not defined for the
  ///   model under the rules.
  /// - Complexity: O(p) for p profiles.
  public static func resolve(
    _ name: String, for model: GPUModel, rules: MIGRules = MIGRules()
  ) throws(NamedMIGConfigError) -> NamedMIGConfig {
    let key = name.lowercased()
    switch key {
    case "all-disabled", "all-enabled":
      return NamedMIGConfig(
        name: key, isMIGEnabled: key == "all-enabled",
        mix: MIGProfileMix(counts: [:], on: model))
    case "all-balanced":
      guard let counts = balancedCounts(for: model) else {
        throw .notDefined(
          name: key, model: model.name,
          reason: "no balanced layout is published for this model")
      }
      return NamedMIGConfig(
        name: key, isMIGEnabled: true,
        mix: MIGProfileMix(counts: counts, on: model))
    default:
      for profile in model.availableProfiles(under: rules) {
        let spellings = [singleProfileName(profile), "all-\(profile.name)"]
        guard spellings.contains(where: { $0.lowercased() == key })
        else { continue }
        let count = profile.hasMediaExtensions ? 1 : profile.maxCount
        return NamedMIGConfig(
          name: singleProfileName(profile), isMIGEnabled: true,
          mix: MIGProfileMix(counts: [profile.name: count], on: model))
      }
      throw .unknownName(
        name: name, model: model.name, known: names(for: model, rules: rules))
    }
  }

  // MARK: - Internals

  /// `all-<profile>`, with `+me` written `.me`.
  static func singleProfileName(_ profile: MIGProfile) -> String {
    profile.hasMediaExtensions
      ? "all-\(profile.plainName).me" : "all-\(profile.name)"
  }

  /// The instances of `all-balanced` per model, or `nil` where none is
  /// defined.
  static func balancedCounts(for model: GPUModel) -> [String: Int]? {
    switch model.name {
    case GPUModel.a100SXM4_40GB.name:
      return ["1g.5gb": 2, "2g.10gb": 1, "3g.20gb": 1]
    case GPUModel.a100SXM4_80GB.name, GPUModel.a100PCIe80GB.name,
      GPUModel.h100SXM5_80GB.name, GPUModel.h100PCIe80GB.name:
      return ["1g.10gb": 2, "2g.20gb": 1, "3g.40gb": 1]
    case GPUModel.h200_141GB.name:
      return ["1g.18gb": 2, "2g.35gb": 1, "3g.71gb": 1]
    case GPUModel.b200_180GB.name:
      return ["1g.23gb": 2, "2g.45gb": 1, "3g.90gb": 1]
    case GPUModel.a30.name:
      return ["1g.6gb": 2, "2g.12gb": 1]
    default:
      return nil
    }
  }
}

/// Why a named MIG config cannot be resolved for a model.
public enum NamedMIGConfigError: Error, Sendable, Hashable,
  CustomStringConvertible
{
  /// No config has this name for the model; `known` lists those that do.
  case unknownName(name: String, model: String, known: [String])

  /// The name is a default config, but not for this model.
  case notDefined(name: String, model: String, reason: String)

  /// The error for a person.
  public var description: String {
    switch self {
    case .unknownName(let name, let model, let known):
      return "no MIG config named \"\(name)\" for \(model); expected one of "
        + known.joined(separator: ", ")
    case .notDefined(let name, let model, let reason):
      return "\(name) is not defined for \(model): \(reason)"
    }
  }
}
