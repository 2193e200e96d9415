extension GPUModel {
  /// Every model of the catalog, Ampere first, then Hopper, then
  /// Blackwell.
  public static let all: [GPUModel] = [
    .a100SXM4_40GB, .a100SXM4_80GB, .a100PCIe80GB, .a30,
    .h100SXM5_80GB, .h100PCIe80GB, .h100NVL94GB, .h200_141GB,
    .b200_180GB,
  ]
}

// MARK: - Internals

/// Allowed starts shared by the 8-memory-slice models.
enum EightSliceStarts {
  static let oneSlice = Array(0...6)
  static let twoSlice = [0, 2, 4, 6]
  static let twoCompute = [0, 2, 4]
  static let threeCompute = [0, 4]
  static let whole = [0]
}

extension MIGProfile {
  /// A catalog row; arguments follow the column order of the tables in
  /// docs/mig-geometry.md (ID, name, compute/memory slices, GiB, SMs,
  /// max, starts).
  static func row(
    _ id: Int?, _ name: String, _ compute: Int, _ memory: Int,
    _ gib: Double, _ sms: Int, max: Int, starts: [Int],
    unverified note: String? = nil, minimumDriver: Int? = nil
  ) -> MIGProfile {
    MIGProfile(
      id: id, name: name, computeSlices: compute, memorySlices: memory,
      memoryGiB: gib, smCount: sms, maxCount: max, allowedStarts: starts,
      isVerified: note == nil, minimumDriverRelease: minimumDriver,
      note: note)
  }
}
