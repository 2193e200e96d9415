extension GPUModel {
  // MARK: - API

  /// Places a multiset of instances on this model and finds an order to
  /// create them in, or says precisely why that is impossible.
  ///
  /// The search follows the driver (`DriverPlacementModel`): it creates
  /// instances one at a time, larger profiles first, lets the driver pick
  /// each start, and backtracks over the choice of which profile to create
  /// next. The first complete order found is returned, so the result is
  /// deterministic: for `4g.40gb` and `3g.40gb` on H100 it is `4g.40gb@0`
  /// then `3g.40gb@4`.
  ///
  /// - Parameters:
  ///   - profileNames: one name (or ID) per new instance, in any order.
  ///   - existing: instances already on the GPU, which stay in place.
  ///   - rules: the driver rules; R580 by default.
  /// - Returns: the new placements in creation order.
  /// - Throws: `MIGArrangementFailure.violations` listing every rule the
  ///   instances break wherever placed; `.noPlacement` explaining which
  ///   profile finds no free start; `.driverCannotReach` when only
  ///   explicit placements would work.
  /// - Complexity: O(S × p × s) for S distinct search states (at most
  ///   2^m × the product of (count + 1) over requested profiles, with m
  ///   memory slices), p profiles and s starts; small for one GPU.
  public func arrangement(
    of profileNames: [String],
    addingTo existing: [MIGPlacement] = [],
    rules: MIGRules = MIGRules()
  ) throws(MIGArrangementFailure) -> MIGArrangement {
    let positional = violations(of: existing, rules: rules).filter {
      switch $0 {
      case .startNotAllowed, .overlap: return true
      default: return false
      }
    }
    let refusals = violations(
      ofInstances: existing.map(\.profileName) + profileNames, rules: rules)
    guard positional.isEmpty && refusals.isEmpty else {
      throw .violations(refusals + positional)
    }

    let requested = profileNames.compactMap { profile(named: $0) }
    let canonicalExisting = existing.compactMap { placement in
      profile(named: placement.profileName).map {
        MIGPlacement($0, at: placement.start)
      }
    }
    let driver = DriverPlacementModel(model: self)
    if let order = driverOrder(
      for: requested, existing: canonicalExisting, driver: driver)
    {
      return MIGArrangement(existing: canonicalExisting, creationOrder: order)
    }
    throw explainFailure(
      for: requested, existing: canonicalExisting, driver: driver)
  }

  /// Places instances given as counts per profile name; see
  /// `arrangement(of:addingTo:rules:)`.
  ///
  /// - Parameter counts: instances per profile name; names are read in
  ///   sorted order so that reports are deterministic.
  /// - Throws: as `arrangement(of:addingTo:rules:)`.
  /// - Complexity: as `arrangement(of:addingTo:rules:)`.
  public func arrangement(
    ofCounts counts: [String: Int],
    addingTo existing: [MIGPlacement] = [],
    rules: MIGRules = MIGRules()
  ) throws(MIGArrangementFailure) -> MIGArrangement {
    let names = counts.keys.sorted().flatMap { name in
      Array(repeating: name, count: max(0, counts[name] ?? 0))
    }
    return try arrangement(of: names, addingTo: existing, rules: rules)
  }

  // MARK: - Internals

  /// The state of the creation search: slices taken and instances left
  /// per profile (indexed by the search's profile list).
  private struct SearchState: Hashable {
    var taken: SliceMask
    var remaining: [Int]
  }

  /// A creation order the driver follows to place every requested
  /// instance, or `nil`.
  private func driverOrder(
    for requested: [MIGProfile], existing: [MIGPlacement],
    driver: DriverPlacementModel
  ) -> [MIGPlacement]? {
    let kinds = profiles.filter { requested.contains($0) }
      .sorted { driver.isCreatedEarlier($0, than: $1) }
    var failed = Set<SearchState>()
    var order: [MIGPlacement] = []

    func search(_ state: SearchState) -> Bool {
      if state.remaining.allSatisfy({ $0 == 0 }) { return true }
      if failed.contains(state) { return false }
      // Slices only fill up, so a profile with no free start now never
      // gets one later: give up on this state at once.
      var starts: [Int?] = []
      for (index, kind) in kinds.enumerated() {
        let start = driver.start(for: kind, taken: state.taken)
        if state.remaining[index] > 0 && start == nil {
          failed.insert(state)
          return false
        }
        starts.append(start)
      }
      for (index, kind) in kinds.enumerated()
      where state.remaining[index] > 0 {
        guard let start = starts[index] else { continue }
        var next = state
        next.remaining[index] -= 1
        next.taken.formUnion(
          SliceMask(kind.memorySliceRange(startingAt: start)))
        order.append(MIGPlacement(kind, at: start))
        if search(next) { return true }
        order.removeLast()
      }
      failed.insert(state)
      return false
    }

    let initial = SearchState(
      taken: driver.mask(of: existing),
      remaining: kinds.map { kind in requested.count { $0 == kind } })
    return search(initial) ? order : nil
  }

  /// The failure to report once the driver search found nothing: a valid
  /// layout reached only by explicit placements, or the deepest dead end
  /// of an explicit search.
  private func explainFailure(
    for requested: [MIGProfile], existing: [MIGPlacement],
    driver: DriverPlacementModel
  ) -> MIGArrangementFailure {
    let instances = requested.sorted { driver.isCreatedEarlier($0, than: $1) }
    var placed: [MIGPlacement] = []
    var deepest: (placed: [MIGPlacement], stuck: MIGProfile)?

    func search(_ index: Int, taken: SliceMask) -> Bool {
      if index == instances.count { return true }
      let profile = instances[index]
      // Instances of one profile take increasing starts, so that equal
      // instances are not tried in every order.
      let floor = index > 0 && instances[index - 1] == profile
        ? placed[placed.count - 1].start + 1 : 0
      for start in profile.allowedStarts where start >= floor {
        let slices = SliceMask(profile.memorySliceRange(startingAt: start))
        guard slices.isDisjoint(with: taken) else { continue }
        var next = taken
        next.formUnion(slices)
        placed.append(MIGPlacement(profile, at: start))
        if search(index + 1, taken: next) { return true }
        placed.removeLast()
      }
      if placed.count > (deepest?.placed.count ?? -1) {
        deepest = (placed, profile)
      }
      return false
    }

    if search(0, taken: driver.mask(of: existing)) {
      return .driverCannotReach(MIGLayout(existing + placed))
    }
    guard let (partial, stuck) = deepest else {
      preconditionFailure("a failed search records where it stopped")
    }
    let onGPU = existing + partial
    let blocked = stuck.allowedStarts.map { start in
      let wanted = stuck.memorySliceRange(startingAt: start)
      return MIGNoPlacement.BlockedStart(
        start: start,
        blockedBy: onGPU.filter { placement in
          guard let range = placement.memorySliceRange(on: self) else {
            return false
          }
          return range.overlaps(wanted)
        })
    }
    return .noPlacement(
      MIGNoPlacement(
        profileName: stuck.name, blockedStarts: blocked,
        placed: MIGLayout(onGPU)))
  }
}
