private typealias Starts = EightSliceStarts

extension GPUModel {
  /// A100 SXM4 with 40 GB (verified from a real listing).
  public static let a100SXM4_40GB = GPUModel(
    name: "NVIDIA-A100-SXM4-40GB",
    aliases: ["a100-40gb", "a100-sxm4-40gb"],
    memorySliceCount: 8, computeSliceCount: 7, memoryGB: 40, smCount: 108,
    minimumDriverRelease: 450,
    profiles: [
      .row(19, "1g.5gb", 1, 1, 4.75, 14, max: 7, starts: Starts.oneSlice),
      .row(20, "1g.5gb+me", 1, 1, 4.75, 14, max: 1, starts: Starts.oneSlice),
      .row(15, "1g.10gb", 1, 2, 9.62, 14, max: 4, starts: Starts.twoSlice),
      .row(14, "2g.10gb", 2, 2, 9.62, 28, max: 3, starts: Starts.twoCompute),
      .row(9, "3g.20gb", 3, 4, 19.50, 42, max: 2, starts: Starts.threeCompute),
      .row(5, "4g.20gb", 4, 4, 19.50, 56, max: 1, starts: Starts.whole),
      .row(0, "7g.40gb", 7, 8, 39.25, 98, max: 1, starts: Starts.whole),
    ])

  /// The A100-80GB profile table, shared by SXM4 and PCIe: names and sizes
  /// verified, placements taken to match A100-40GB.
  private static func a100_80GBProfiles() -> [MIGProfile] {
    let placements = "placements assumed equal to A100-40GB"
    // FIXME: the R525 minimum for 1g.20gb is assumed; the sources only say
    // "newer drivers", so older drivers may wrongly be refused or allowed.
    let newer = "\(placements); memory and minimum driver R525 assumed"
    return [
      .row(19, "1g.10gb", 1, 1, 9.50, 14, max: 7, starts: Starts.oneSlice,
           unverified: placements),
      .row(20, "1g.10gb+me", 1, 1, 9.50, 14, max: 1,
           starts: Starts.oneSlice, unverified: placements),
      .row(15, "1g.20gb", 1, 2, 19.50, 14, max: 4, starts: Starts.twoSlice,
           unverified: newer, minimumDriver: 525),
      .row(14, "2g.20gb", 2, 2, 19.50, 28, max: 3,
           starts: Starts.twoCompute, unverified: placements),
      .row(9, "3g.40gb", 3, 4, 39.25, 42, max: 2,
           starts: Starts.threeCompute, unverified: placements),
      .row(5, "4g.40gb", 4, 4, 39.25, 56, max: 1, starts: Starts.whole,
           unverified: placements),
      .row(0, "7g.80gb", 7, 8, 79.00, 98, max: 1, starts: Starts.whole,
           unverified: placements),
    ]
  }

  /// A100 SXM4 with 80 GB.
  public static let a100SXM4_80GB = GPUModel(
    name: "NVIDIA-A100-SXM4-80GB",
    aliases: ["a100-80gb", "a100-sxm4-80gb"],
    memorySliceCount: 8, computeSliceCount: 7, memoryGB: 80, smCount: 108,
    minimumDriverRelease: 450, profiles: a100_80GBProfiles())

  /// A100 PCIe with 80 GB; same profiles as the SXM4 board.
  public static let a100PCIe80GB = GPUModel(
    name: "NVIDIA-A100-80GB-PCIe",
    aliases: ["a100-80gb-pcie", "a100-pcie-80gb"],
    memorySliceCount: 8, computeSliceCount: 7, memoryGB: 80, smCount: 108,
    minimumDriverRelease: 450, profiles: a100_80GBProfiles())

  /// A30 with 24 GB: 4 memory and 4 compute slices.
  public static let a30 = GPUModel(
    name: "NVIDIA-A30",
    aliases: ["a30", "a30-24gb"],
    memorySliceCount: 4, computeSliceCount: 4, memoryGB: 24, smCount: 56,
    minimumDriverRelease: 460,
    profiles: [
      .row(14, "1g.6gb", 1, 1, 5.81, 14, max: 4, starts: [0, 1, 2, 3]),
      .row(21, "1g.6gb+me", 1, 1, 5.81, 14, max: 1, starts: [0, 1, 2, 3],
           minimumDriver: 470),
      .row(5, "2g.12gb", 2, 2, 11.69, 28, max: 2, starts: [0, 2]),
      .row(nil, "2g.12gb+me", 2, 2, 11.69, 28, max: 1, starts: [0, 2],
           unverified: "ID not confirmed; size taken from 2g.12gb",
           minimumDriver: 525),
      .row(0, "4g.24gb", 4, 4, 23.50, 56, max: 1, starts: [0]),
    ])
}
