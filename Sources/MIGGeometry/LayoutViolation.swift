/// One reason a GPU model or its driver refuses a layout or a set of
/// instances.
///
/// Violations are values, so a caller can ask which rule failed and with
/// which numbers; `description` says the same for a person.
public enum LayoutViolation: Sendable, Hashable, CustomStringConvertible {
  /// The model has no profile by this name.
  case unknownProfile(name: String, model: String)

  /// The configured driver predates MIG support for the model.
  case modelNeedsNewerDriver(model: String, required: Int, configured: Int)

  /// The configured driver predates the profile.
  case profileNeedsNewerDriver(profile: String, required: Int, configured: Int)

  /// The placement starts at a memory slice the profile may not start at.
  case startNotAllowed(MIGPlacement, allowedStarts: [Int])

  /// Two placements share memory slices.
  case overlap(MIGPlacement, MIGPlacement, sharedSlices: Range<Int>)

  /// More instances of a profile than one GPU allows.
  case tooManyInstances(profile: String, count: Int, maximum: Int)

  /// More than one `+me` instance; the GPU has one set of media engines.
  /// Lists the profile name of every `+me` instance.
  case tooManyMediaExtensionInstances(profiles: [String])

  /// A 4g and a 3g instance together on a driver older than R510.
  case fourWithThreeSliceNeedsNewerDriver(
    fourSlice: String, threeSlice: String, configured: Int)

  /// The instances need more memory slices than the GPU has.
  case memorySlicesExceeded(needed: Int, available: Int)

  /// The instances need more compute slices than the GPU has.
  case computeSlicesExceeded(needed: Int, available: Int)

  /// The violation for a person, such as
  /// `needs 9 memory slices, the GPU has 8`.
  public var description: String {
    switch self {
    case .unknownProfile(let name, let model):
      return "unknown profile \"\(name)\" for \(model)"
    case .modelNeedsNewerDriver(let model, let required, let configured):
      return "MIG on \(model) needs driver R\(required) or later"
        + " (configured R\(configured))"
    case .profileNeedsNewerDriver(let profile, let required, let configured):
      return "\(profile) needs driver R\(required) or later"
        + " (configured R\(configured))"
    case .startNotAllowed(let placement, let allowed):
      return "\(placement) starts at memory slice \(placement.start);"
        + " \(placement.profileName) may start at "
        + Self.alternatives(allowed.map(String.init))
    case .overlap(let first, let second, let shared):
      let slices = shared.count == 1
        ? "memory slice \(shared.lowerBound)"
        : "memory slices \(shared.lowerBound)-\(shared.upperBound - 1)"
      return "\(first) and \(second) share \(slices)"
    case .tooManyInstances(let profile, let count, let maximum):
      return "\(count) instances of \(profile); a GPU allows at most"
        + " \(maximum)"
    case .tooManyMediaExtensionInstances(let profiles):
      return "\(profiles.count) +me instances"
        + " (\(profiles.joined(separator: ", "))); the GPU has one set of"
        + " media engines, so at most one"
    case .fourWithThreeSliceNeedsNewerDriver(let four, let three, let release):
      return "a 4g and a 3g together (\(four) with \(three)) need driver"
        + " R\(MIGRules.fourWithThreeSliceRelease) or later"
        + " (configured R\(release))"
    case .memorySlicesExceeded(let needed, let available):
      return "needs \(needed) memory slices, the GPU has \(available)"
    case .computeSlicesExceeded(let needed, let available):
      return "needs \(needed) compute slices, the GPU has \(available)"
    }
  }

  /// `a`, `a or b`, `a, b or c`.
  static func alternatives(_ items: [String]) -> String {
    guard items.count > 1 else { return items.first ?? "nowhere" }
    return items.dropLast().joined(separator: ", ") + " or "
      + items[items.count - 1]
  }
}
