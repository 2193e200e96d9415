private typealias Starts = EightSliceStarts

extension GPUModel {
  /// B200 with 180 GB: small profiles verified, 3g/4g/7g assumed.
  // FIXME: placements, IDs, SMs and memory for B200 3g/4g/7g are assumed
  // from the H100 pattern, not read from a device; their SMs are 18 per
  // compute slice and their memory 22.125 GiB per memory slice.
  public static let b200_180GB: GPUModel = {
    let placements = "placements assumed equal to H100"
    let large = "ID, SMs, memory and placements assumed, not seen in a listing"
    return GPUModel(
      name: "NVIDIA-B200",
      aliases: ["b200", "b200-180gb"],
      memorySliceCount: 8, computeSliceCount: 7, memoryGB: 180,
      smCount: 148, minimumDriverRelease: 570,
      profiles: [
        .row(19, "1g.23gb", 1, 1, 20.50, 18, max: 7,
             starts: Starts.oneSlice,
             unverified: "\(placements); memory is 20.5-22 GiB by driver"),
        .row(20, "1g.23gb+me", 1, 1, 20.50, 18, max: 1,
             starts: Starts.oneSlice,
             unverified: "\(placements); memory is 20.5-22 GiB by driver"),
        .row(15, "1g.45gb", 1, 2, 44.25, 30, max: 4,
             starts: Starts.twoSlice, unverified: placements),
        .row(14, "2g.45gb", 2, 2, 44.25, 36, max: 3,
             starts: Starts.twoCompute, unverified: placements),
        .row(9, "3g.90gb", 3, 4, 88.50, 54, max: 2,
             starts: Starts.threeCompute, unverified: large),
        .row(5, "4g.90gb", 4, 4, 88.50, 72, max: 1, starts: Starts.whole,
             unverified: large),
        .row(0, "7g.180gb", 7, 8, 177.00, 126, max: 1,
             starts: Starts.whole, unverified: large),
      ],
      notes: ["148 SMs for the whole GPU is from public specifications"])
  }()
}
