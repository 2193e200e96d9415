private typealias Starts = EightSliceStarts

extension GPUModel {
  /// H100 SXM5 with 80 GB (verified).
  public static let h100SXM5_80GB = GPUModel(
    name: "NVIDIA-H100-80GB-HBM3",
    aliases: ["h100-80gb", "h100-sxm5-80gb", "h100-sxm5", "h100-80gb-hbm3"],
    memorySliceCount: 8, computeSliceCount: 7, memoryGB: 80, smCount: 132,
    minimumDriverRelease: 525,
    profiles: [
      .row(19, "1g.10gb", 1, 1, 9.75, 16, max: 7, starts: Starts.oneSlice),
      .row(20, "1g.10gb+me", 1, 1, 9.75, 16, max: 1,
           starts: Starts.oneSlice),
      .row(15, "1g.20gb", 1, 2, 19.62, 26, max: 4, starts: Starts.twoSlice),
      .row(14, "2g.20gb", 2, 2, 19.62, 32, max: 3,
           starts: Starts.twoCompute),
      .row(9, "3g.40gb", 3, 4, 39.50, 60, max: 2,
           starts: Starts.threeCompute),
      .row(5, "4g.40gb", 4, 4, 39.50, 64, max: 1, starts: Starts.whole),
      .row(0, "7g.80gb", 7, 8, 79.25, 132, max: 1, starts: Starts.whole),
    ])

  /// H100 PCIe with 80 GB (verified): H100 profiles with fewer SMs.
  public static let h100PCIe80GB = GPUModel(
    name: "NVIDIA-H100-PCIe",
    aliases: ["h100-pcie", "h100-pcie-80gb"],
    memorySliceCount: 8, computeSliceCount: 7, memoryGB: 80, smCount: 114,
    minimumDriverRelease: 525,
    profiles: [
      .row(19, "1g.10gb", 1, 1, 9.75, 14, max: 7, starts: Starts.oneSlice),
      .row(20, "1g.10gb+me", 1, 1, 9.75, 14, max: 1,
           starts: Starts.oneSlice),
      .row(15, "1g.20gb", 1, 2, 19.62, 14, max: 4, starts: Starts.twoSlice),
      .row(14, "2g.20gb", 2, 2, 19.62, 30, max: 3,
           starts: Starts.twoCompute),
      .row(9, "3g.40gb", 3, 4, 39.50, 46, max: 2,
           starts: Starts.threeCompute),
      .row(5, "4g.40gb", 4, 4, 39.50, 62, max: 1, starts: Starts.whole),
      .row(0, "7g.80gb", 7, 8, 79.25, 114, max: 1, starts: Starts.whole),
    ])

  /// H100 NVL with 94 GB (verified; placements as on A100-40GB).
  public static let h100NVL94GB = GPUModel(
    name: "NVIDIA-H100-NVL",
    aliases: ["h100-nvl", "h100-nvl-94gb"],
    memorySliceCount: 8, computeSliceCount: 7, memoryGB: 94, smCount: 132,
    minimumDriverRelease: 525,
    profiles: [
      .row(19, "1g.12gb", 1, 1, 10.75, 16, max: 7, starts: Starts.oneSlice),
      .row(20, "1g.12gb+me", 1, 1, 10.75, 16, max: 1,
           starts: Starts.oneSlice),
      .row(15, "1g.24gb", 1, 2, 21.62, 26, max: 4, starts: Starts.twoSlice),
      .row(14, "2g.24gb", 2, 2, 21.62, 32, max: 3,
           starts: Starts.twoCompute),
      .row(9, "3g.47gb", 3, 4, 46.38, 60, max: 2,
           starts: Starts.threeCompute),
      .row(5, "4g.47gb", 4, 4, 46.38, 64, max: 1, starts: Starts.whole),
      .row(0, "7g.94gb", 7, 8, 93.12, 132, max: 1, starts: Starts.whole),
    ])

  /// H200 with 141 GB: profiles verified, placements taken to match H100.
  public static let h200_141GB: GPUModel = {
    let assumed = "placements assumed equal to H100"
    return GPUModel(
      name: "NVIDIA-H200",
      aliases: ["h200", "h200-141gb", "h200-sxm5-141gb"],
      memorySliceCount: 8, computeSliceCount: 7, memoryGB: 141,
      smCount: 132, minimumDriverRelease: 550,
      profiles: [
        .row(19, "1g.18gb", 1, 1, 16.00, 16, max: 7,
             starts: Starts.oneSlice, unverified: assumed),
        .row(20, "1g.18gb+me", 1, 1, 16.00, 16, max: 1,
             starts: Starts.oneSlice, unverified: assumed),
        .row(15, "1g.35gb", 1, 2, 32.25, 26, max: 4,
             starts: Starts.twoSlice, unverified: assumed),
        .row(14, "2g.35gb", 2, 2, 32.25, 32, max: 3,
             starts: Starts.twoCompute, unverified: assumed),
        .row(9, "3g.71gb", 3, 4, 69.50, 60, max: 2,
             starts: Starts.threeCompute, unverified: assumed),
        .row(5, "4g.71gb", 4, 4, 69.50, 64, max: 1, starts: Starts.whole,
             unverified: assumed),
        .row(0, "7g.141gb", 7, 8, 139.75, 132, max: 1,
             starts: Starts.whole, unverified: assumed),
      ])
  }()
}
