extension GPUModel {
  // MARK: - API

  /// Every maximal valid layout built from the chosen profiles.
  ///
  /// A layout is *maximal* when it is valid under `rules` and no further
  /// instance of any chosen profile can be added at any allowed start
  /// without making it invalid (overlap, count, media extensions, the
  /// 4g-with-3g pair or slice totals). An empty GPU is maximal only when
  /// no chosen profile fits at all.
  ///
  /// Order: layouts are compared placement by placement (each in
  /// canonical order, by start); a placement with a lower start comes
  /// first, then one whose profile is earlier in the model's table, and a
  /// layout that is a prefix of another comes first.
  ///
  /// - Parameters:
  ///   - chosen: the profiles that may be used; `nil` means every profile
  ///     available under `rules`. Profiles must belong to this model.
  ///   - rules: the driver rules; R580 by default.
  /// - Returns: the maximal layouts in the order above.
  /// - Complexity: O(L × m × p × s) for L valid layouts, m memory slices,
  ///   p profiles and s starts; L is in the hundreds for 8 slices.
  public func maximalLayouts(
    of chosen: [MIGProfile]? = nil, rules: MIGRules = MIGRules()
  ) -> [MIGLayout] {
    let usable = (chosen ?? availableProfiles(under: rules))
      .filter { profile in
        precondition(
          profiles.contains(profile), "\(profile.name) not on \(name)")
        return sharingViolations(for: [profile], rules: rules).isEmpty
          && driverViolations(for: [profile], rules: rules).isEmpty
      }
    var found: [[(profile: MIGProfile, start: Int)]] = []
    var current: [(profile: MIGProfile, start: Int)] = []

    func extend(from slice: Int, taken: SliceMask) {
      guard slice < memorySliceCount else {
        if isMaximal(current, taken: taken, usable: usable, rules: rules) {
          found.append(current)
        }
        return
      }
      for profile in usable where profile.allowedStarts.contains(slice) {
        let range = profile.memorySliceRange(startingAt: slice)
        current.append((profile, slice))
        if sharingViolations(for: current.map(\.profile), rules: rules)
          .isEmpty
        {
          var next = taken
          next.formUnion(SliceMask(range))
          extend(from: range.upperBound, taken: next)
        }
        current.removeLast()
      }
      extend(from: slice + 1, taken: taken)
    }

    extend(from: 0, taken: SliceMask())
    // Depth-first order already places lower starts and earlier table
    // rows first, except that an empty slice is tried last; sort to state
    // the order plainly.
    let keyed = found.map { layout in
      layout.map { [$0.start, tableIndex(of: $0.profile)] }
    }
    let order = keyed.indices.sorted { keyed[$0].lexicographicallyPrecedes(
      keyed[$1], by: { $0.lexicographicallyPrecedes($1) }) }
    return order.map { index in
      MIGLayout(found[index].map { MIGPlacement($0.profile, at: $0.start) })
    }
  }

  /// The distinct profile mixes of the maximal layouts, each with the
  /// number of maximal layouts that have it, in order of first
  /// appearance in `maximalLayouts(of:rules:)`.
  ///
  /// - Parameters:
  ///   - chosen: as in `maximalLayouts(of:rules:)`.
  ///   - rules: the driver rules.
  /// - Complexity: as `maximalLayouts(of:rules:)`, plus O(L × p).
  public func maximalProfileMixes(
    of chosen: [MIGProfile]? = nil, rules: MIGRules = MIGRules()
  ) -> [(mix: MIGProfileMix, layoutCount: Int)] {
    var result: [(mix: MIGProfileMix, layoutCount: Int)] = []
    for layout in maximalLayouts(of: chosen, rules: rules) {
      let mix = MIGProfileMix(layout, on: self)
      if let index = result.firstIndex(where: { $0.mix == mix }) {
        result[index].layoutCount += 1
      } else {
        result.append((mix, 1))
      }
    }
    return result
  }

  // MARK: - Internals

  /// Whether no usable profile can be added to a valid layout.
  private func isMaximal(
    _ layout: [(profile: MIGProfile, start: Int)], taken: SliceMask,
    usable: [MIGProfile], rules: MIGRules
  ) -> Bool {
    let present = layout.map(\.profile)
    for profile in usable
    where sharingViolations(for: present + [profile], rules: rules).isEmpty {
      for start in profile.allowedStarts {
        let slices = SliceMask(profile.memorySliceRange(startingAt: start))
        if slices.isDisjoint(with: taken) { return false }
      }
    }
    return true
  }
}
