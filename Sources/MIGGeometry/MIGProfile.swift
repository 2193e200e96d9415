/// One GPU instance profile of a GPU model, as `nvidia-smi mig -lgip`
/// lists it: a shape of compute and memory slices and where it may start.
///
/// The same name can mean different shapes on different models (`1g.10gb`
/// is two memory slices on A100-40GB but one on A100-80GB), and profile IDs
/// differ between models, so a profile only has meaning together with its
/// `GPUModel`.
public struct MIGProfile: Sendable, Hashable, CustomStringConvertible {
  /// The GPU instance profile ID the driver reports, or `nil` where no
  /// real listing confirmed it.
  public let id: Int?

  /// The profile name as the driver and mig-parted spell it, such as
  /// `3g.20gb` or `1g.5gb+me`.
  public let name: String

  /// The number of compute slices (the `g` in `3g.20gb`).
  public let computeSlices: Int

  /// The number of consecutive memory slices an instance occupies.
  public let memorySlices: Int

  /// The memory of one instance in GiB, as the device reports it.
  public let memoryGiB: Double

  /// The number of streaming multiprocessors of one instance.
  public let smCount: Int

  /// The largest number of instances of this profile on one GPU.
  public let maxCount: Int

  /// The memory slices at which an instance may start, ascending.
  public let allowedStarts: [Int]

  /// Whether the profile is a `+me` (media extensions) profile, which takes
  /// the GPU's single set of video decoders, JPEG decoders and OFA.
  public let hasMediaExtensions: Bool

  /// Whether every fact of this row was seen in a real device listing.
  ///
  /// Unverified rows are inferred (see `note`); reports show the status.
  public let isVerified: Bool

  /// The first driver release (such as 525 for R525) that offers this
  /// profile, or `nil` when every MIG-capable driver of the model does.
  public let minimumDriverRelease: Int?

  /// What is unverified or assumed about this row, or `nil` if nothing is.
  public let note: String?

  /// Creates a profile row.
  ///
  /// - Parameters:
  ///   - id: the driver's profile ID, `nil` if unconfirmed.
  ///   - name: the profile name; a `+me` suffix marks media extensions.
  ///   - computeSlices: compute slices, at least 1.
  ///   - memorySlices: memory slices, at least 1.
  ///   - memoryGiB: memory per instance in GiB.
  ///   - smCount: streaming multiprocessors per instance.
  ///   - maxCount: the most instances per GPU, at least 1.
  ///   - allowedStarts: the memory slices an instance may start at.
  ///   - isVerified: whether the row was seen in a real listing.
  ///   - minimumDriverRelease: the first driver release offering it.
  ///   - note: what is unverified or assumed.
  /// - Precondition: counts are positive and `allowedStarts` is non-empty.
  public init(
    id: Int?,
    name: String,
    computeSlices: Int,
    memorySlices: Int,
    memoryGiB: Double,
    smCount: Int,
    maxCount: Int,
    allowedStarts: [Int],
    isVerified: Bool = true,
    minimumDriverRelease: Int? = nil,
    note: String? = nil
  ) {
    precondition(computeSlices > 0 && memorySlices > 0, "empty profile")
    precondition(maxCount > 0, "a profile allows at least one instance")
    precondition(!allowedStarts.isEmpty, "a profile needs a start")
    precondition(isVerified || note != nil, "say what is unverified")
    self.id = id
    self.name = name
    self.computeSlices = computeSlices
    self.memorySlices = memorySlices
    self.memoryGiB = memoryGiB
    self.smCount = smCount
    self.maxCount = maxCount
    self.allowedStarts = allowedStarts.sorted()
    self.hasMediaExtensions = name.hasSuffix(MIGProfile.mediaExtensionSuffix)
    self.isVerified = isVerified
    self.minimumDriverRelease = minimumDriverRelease
    self.note = note
  }

  /// The profile name.
  public var description: String { name }

  /// The suffix that marks a media-extensions profile.
  public static let mediaExtensionSuffix = "+me"

  /// The name without a `+me` suffix: the plain profile whose slots this
  /// profile shares.
  public var plainName: String {
    guard hasMediaExtensions else { return name }
    return String(name.dropLast(MIGProfile.mediaExtensionSuffix.count))
  }

  /// The memory slices an instance starting at `start` occupies.
  public func memorySliceRange(startingAt start: Int) -> Range<Int> {
    start..<(start + memorySlices)
  }

  /// Whether the profile is available with the given rules' driver.
  public func isAvailable(under rules: MIGRules) -> Bool {
    guard let minimum = minimumDriverRelease else { return true }
    return rules.driverRelease >= minimum
  }
}
