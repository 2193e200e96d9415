extension GPUModel {
  // MARK: - API

  /// Every reason this model, with a driver following `rules`, refuses
  /// the layout; empty when the layout is valid.
  ///
  /// Violations come in a fixed order: unknown profiles, driver releases,
  /// disallowed starts, overlapping pairs (in placement order), then the
  /// rules on instance counts, media extensions, the 4g-with-3g pair and
  /// the slice totals.
  ///
  /// - Parameters:
  ///   - placements: the instances, in any order.
  ///   - rules: the driver rules; R580 by default.
  /// - Returns: all violations, not only the first.
  /// - Complexity: O(n² + p) for n placements and p profiles.
  public func violations(
    of placements: [MIGPlacement], rules: MIGRules = MIGRules()
  ) -> [LayoutViolation] {
    var result: [LayoutViolation] = []
    var known: [(placement: MIGPlacement, profile: MIGProfile)] = []
    var unknownNames: [String] = []
    for placement in placements {
      if let profile = profile(named: placement.profileName) {
        known.append((placement, profile))
      } else if !unknownNames.contains(placement.profileName) {
        unknownNames.append(placement.profileName)
      }
    }
    result += unknownNames.map { .unknownProfile(name: $0, model: name) }

    let driver = driverViolations(for: known.map(\.profile), rules: rules)
    result += driver
    for (placement, profile) in known
    where !profile.allowedStarts.contains(placement.start) {
      result.append(
        .startNotAllowed(placement, allowedStarts: profile.allowedStarts))
    }
    for i in known.indices {
      let first = known[i].profile.memorySliceRange(
        startingAt: known[i].placement.start)
      for j in known.indices where j > i {
        let second = known[j].profile.memorySliceRange(
          startingAt: known[j].placement.start)
        let shared = first.clamped(to: second)
        if !shared.isEmpty {
          result.append(
            .overlap(
              known[i].placement, known[j].placement, sharedSlices: shared))
        }
      }
    }
    result += sharingViolations(for: known.map(\.profile), rules: rules)
    return result
  }

  /// Whether the layout is valid on this model under `rules`.
  ///
  /// - Complexity: O(n² + p) for n placements and p profiles.
  public func isValid(
    _ placements: [MIGPlacement], rules: MIGRules = MIGRules()
  ) -> Bool {
    violations(of: placements, rules: rules).isEmpty
  }

  /// Every reason this model refuses the instances wherever they are
  /// placed: unknown profiles, driver releases, counts, media extensions,
  /// the 4g-with-3g pair and slice totals.
  ///
  /// - Parameters:
  ///   - profileNames: one name (or ID) per instance; repeat a name for
  ///     several instances.
  ///   - rules: the driver rules.
  /// - Returns: all violations; empty does not promise a placement exists.
  /// - Complexity: O(n + p) for n instances and p profiles.
  public func violations(
    ofInstances profileNames: [String], rules: MIGRules = MIGRules()
  ) -> [LayoutViolation] {
    var known: [MIGProfile] = []
    var unknownNames: [String] = []
    for text in profileNames {
      if let profile = profile(named: text) {
        known.append(profile)
      } else if !unknownNames.contains(text) {
        unknownNames.append(text)
      }
    }
    return unknownNames.map { .unknownProfile(name: $0, model: name) }
      + driverViolations(for: known, rules: rules)
      + sharingViolations(for: known, rules: rules)
  }

  // MARK: - Internals

  /// Driver-release violations for the model and each distinct profile,
  /// in table order.
  func driverViolations(
    for instances: [MIGProfile], rules: MIGRules
  ) -> [LayoutViolation] {
    var result: [LayoutViolation] = []
    if rules.driverRelease < minimumDriverRelease {
      result.append(
        .modelNeedsNewerDriver(
          model: name, required: minimumDriverRelease,
          configured: rules.driverRelease))
    }
    for profile in profiles where instances.contains(profile) {
      if let minimum = profile.minimumDriverRelease,
        rules.driverRelease < minimum
      {
        result.append(
          .profileNeedsNewerDriver(
            profile: profile.name, required: minimum,
            configured: rules.driverRelease))
      }
    }
    return result
  }

  /// Violations of the rules that concern which instances share the GPU,
  /// wherever they sit: counts, media extensions, the 4g-with-3g pair and
  /// slice totals.
  func sharingViolations(
    for instances: [MIGProfile], rules: MIGRules
  ) -> [LayoutViolation] {
    var result: [LayoutViolation] = []
    for profile in profiles {
      let count = instances.count { $0 == profile }
      if count > profile.maxCount {
        result.append(
          .tooManyInstances(
            profile: profile.name, count: count,
            maximum: profile.maxCount))
      }
    }
    let media = instances.filter(\.hasMediaExtensions)
    if media.count > 1 {
      result.append(
        .tooManyMediaExtensionInstances(profiles: media.map(\.name)))
    }
    if !rules.allowsFourWithThreeSlice,
      let four = instances.first(where: { $0.computeSlices == 4 }),
      let three = instances.first(where: { $0.computeSlices == 3 })
    {
      result.append(
        .fourWithThreeSliceNeedsNewerDriver(
          fourSlice: four.name, threeSlice: three.name,
          configured: rules.driverRelease))
    }
    let memory = instances.reduce(0) { $0 + $1.memorySlices }
    if memory > memorySliceCount {
      result.append(
        .memorySlicesExceeded(needed: memory, available: memorySliceCount))
    }
    let compute = instances.reduce(0) { $0 + $1.computeSlices }
    if compute > computeSliceCount {
      result.append(
        .computeSlicesExceeded(needed: compute, available: computeSliceCount))
    }
    return result
  }
}
