import MIGGeometry

/// An independent check of the planner, written without its code: does a
/// multiset of profiles fit one GPU (some non-overlapping placement at
/// allowed starts that keeps counts, `+me` and slice totals), and the
/// fewest GPUs a multiset can be split over, by exhaustive search.
enum BruteForce {
  /// Whether the instances fit one GPU of `model` (driver R510 or later,
  /// so 4g with 3g is allowed).
  static func fits(_ instances: [MIGProfile], on model: GPUModel) -> Bool {
    var perProfile: [String: Int] = [:]
    for profile in instances { perProfile[profile.name, default: 0] += 1 }
    for profile in model.profiles
    where (perProfile[profile.name] ?? 0) > profile.maxCount {
      return false
    }
    if instances.count(where: { $0.name.hasSuffix("+me") }) > 1 {
      return false
    }
    if instances.reduce(0, { $0 + $1.computeSlices })
      > model.computeSliceCount
    {
      return false
    }
    let sorted = instances.sorted { $0.memorySlices > $1.memorySlices }
    func place(_ i: Int, _ taken: [Bool]) -> Bool {
      if i == sorted.count { return true }
      let profile = sorted[i]
      for start in profile.allowedStarts {
        let range = start..<(start + profile.memorySlices)
        guard range.upperBound <= model.memorySliceCount,
          range.allSatisfy({ !taken[$0] })
        else { continue }
        var next = taken
        for s in range { next[s] = true }
        if place(i + 1, next) { return true }
      }
      return false
    }
    return place(0, Array(repeating: false, count: model.memorySliceCount))
  }

  /// The fewest GPUs of `model` holding every instance, or `nil` if more
  /// than `limit` are needed.
  static func fewestGPUs(
    _ instances: [MIGProfile], on model: GPUModel, limit: Int
  ) -> Int? {
    if instances.isEmpty { return 0 }
    let sorted = instances.sorted {
      ($0.memorySlices, $0.computeSlices, $0.name)
        > ($1.memorySlices, $1.computeSlices, $1.name)
    }
    for k in 1...limit {
      var seen = Set<[String]>()
      func search(_ i: Int, _ bins: [[MIGProfile]]) -> Bool {
        if i == sorted.count { return true }
        let key =
          ["\(i)"]
          + bins.map { $0.map(\.name).sorted().joined(separator: ",") }.sorted()
        if !seen.insert(key).inserted { return false }
        for b in bins.indices {
          let candidate = bins[b] + [sorted[i]]
          if fits(candidate, on: model) {
            var next = bins
            next[b] = candidate
            if search(i + 1, next) { return true }
          }
        }
        if bins.count < k && fits([sorted[i]], on: model) {
          return search(i + 1, bins + [[sorted[i]]])
        }
        return false
      }
      if search(0, []) { return k }
    }
    return nil
  }
}
