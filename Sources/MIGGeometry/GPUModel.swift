/// A MIG-capable GPU model: its slices, its size and its profile table.
///
/// The catalog (`GPUModel.all`) holds the models whose facts are collected
/// in `docs/mig-geometry.md`. Rows not seen in a real device listing are
/// carried with `isVerified == false` and a note.
public struct GPUModel: Sendable, Hashable, CustomStringConvertible {
  /// The canonical name: the value GPU feature discovery writes to the
  /// node label `nvidia.com/gpu.product`, such as `NVIDIA-A100-SXM4-40GB`.
  public let name: String

  /// Short names accepted by `named(_:)`, such as `a100-40gb`.
  public let aliases: [String]

  /// The number of memory slices (8, or 4 on A30).
  public let memorySliceCount: Int

  /// The number of compute slices (7, or 4 on A30).
  public let computeSliceCount: Int

  /// The nominal memory of the whole GPU in GB, as in the product name.
  public let memoryGB: Int

  /// The streaming multiprocessors of the whole GPU with MIG disabled.
  public let smCount: Int

  /// The first driver release (such as 525 for R525) with MIG support
  /// for this model.
  public let minimumDriverRelease: Int

  /// The GPU instance profiles, in the order `nvidia-smi mig -lgip`
  /// lists them (smallest first).
  public let profiles: [MIGProfile]

  /// What is unverified about the model itself (not its profile rows).
  public let notes: [String]

  /// Creates a model.
  ///
  /// - Parameters:
  ///   - name: the `nvidia.com/gpu.product` value.
  ///   - aliases: short names for lookups.
  ///   - memorySliceCount: memory slices, at most 16.
  ///   - computeSliceCount: compute slices.
  ///   - memoryGB: nominal memory in GB.
  ///   - smCount: SMs of the whole GPU.
  ///   - minimumDriverRelease: the first release with MIG for the model.
  ///   - profiles: the profile table.
  ///   - notes: model-level facts that are unverified.
  /// - Precondition: profile names are unique and every allowed start
  ///   keeps its instance inside the GPU.
  public init(
    name: String,
    aliases: [String],
    memorySliceCount: Int,
    computeSliceCount: Int,
    memoryGB: Int,
    smCount: Int,
    minimumDriverRelease: Int,
    profiles: [MIGProfile],
    notes: [String] = []
  ) {
    precondition((1...16).contains(memorySliceCount), "1 to 16 slices")
    precondition(
      Set(profiles.map { $0.name.lowercased() }).count == profiles.count,
      "profile names must be unique")
    for profile in profiles {
      precondition(profile.computeSlices <= computeSliceCount)
      for start in profile.allowedStarts {
        precondition(
          start >= 0 && start + profile.memorySlices <= memorySliceCount,
          "\(profile.name) at \(start) leaves the GPU")
      }
    }
    self.name = name
    self.aliases = aliases
    self.memorySliceCount = memorySliceCount
    self.computeSliceCount = computeSliceCount
    self.memoryGB = memoryGB
    self.smCount = smCount
    self.minimumDriverRelease = minimumDriverRelease
    self.profiles = profiles
    self.notes = notes
  }

  /// The canonical name.
  public var description: String { name }

  /// Whether every fact of the model and of all its profiles was seen in
  /// a real device listing or an NVIDIA document.
  public var isVerified: Bool {
    notes.isEmpty && profiles.allSatisfy(\.isVerified)
  }

  /// The profile with a name (case-insensitive) or, if `text` is a
  /// decimal number, with that profile ID.
  ///
  /// - Parameter text: a name such as `3g.20gb` or an ID such as `9`.
  /// - Returns: the profile, or `nil` if this model has none by that name.
  /// - Complexity: O(number of profiles).
  public func profile(named text: String) -> MIGProfile? {
    if let exact = profiles.first(where: { $0.name == text }) {
      return exact
    }
    let key = text.lowercased()
    if let match = profiles.first(where: { $0.name.lowercased() == key }) {
      return match
    }
    guard let id = Int(key) else { return nil }
    return profiles.first { $0.id == id }
  }

  /// The index of a profile in `profiles`, used to order output.
  func tableIndex(of profile: MIGProfile) -> Int {
    guard let index = profiles.firstIndex(of: profile) else {
      preconditionFailure("\(profile.name) is not a profile of \(name)")
    }
    return index
  }

  /// The profiles available under the rules' driver release, in table
  /// order.
  ///
  /// - Complexity: O(number of profiles).
  public func availableProfiles(under rules: MIGRules) -> [MIGProfile] {
    guard rules.driverRelease >= minimumDriverRelease else { return [] }
    return profiles.filter { $0.isAvailable(under: rules) }
  }
}
