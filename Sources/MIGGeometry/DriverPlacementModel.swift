/// How the driver chooses a placement when a GPU instance is created
/// without one, as `nvidia-smi mig -cgi <profile>` and the MIG manager do.
///
/// The model: the driver takes the **highest** allowed start of the
/// profile whose memory slices are all free. Creating two `3g` instances
/// therefore yields `3g@4` first and `3g@0` second, and a `1g` created
/// before a `3g` lands on slice 6 and takes the 3g's upper slot, which is
/// the known reason a 3g must be created before small instances.
// FIXME: highest-free-start is inferred from published `nvidia-smi mig
// -lgi` listings and the documented creation-order problem, not confirmed
// on a device; if the driver picks differently, emitted orders may fail.
public struct DriverPlacementModel: Sendable, Hashable {
  /// The GPU model whose profile table is used.
  public let model: GPUModel

  /// The driver model for `model`.
  public init(model: GPUModel) {
    self.model = model
  }

  // MARK: - API

  /// The start the driver picks for a new instance of `profile` on a GPU
  /// that already holds `occupied`.
  ///
  /// - Returns: the highest free allowed start, or `nil` if none is free
  ///   (the driver refuses the creation). Unknown names in `occupied` are
  ///   ignored.
  /// - Complexity: O(n + s) for n placements and s allowed starts.
  public func start(
    for profile: MIGProfile, occupying occupied: [MIGPlacement]
  ) -> Int? {
    start(for: profile, taken: mask(of: occupied))
  }

  /// Replays a creation order: each profile is created in turn and placed
  /// where the driver would place it.
  ///
  /// Only slice positions are modelled; instance counts and other sharing
  /// rules are checked by `GPUModel.violations(of:rules:)`.
  ///
  /// - Parameters:
  ///   - profileNames: the profiles in creation order.
  ///   - existing: instances already on the GPU.
  /// - Returns: the new placements in creation order, or `nil` if a
  ///   profile is unknown or the driver finds no free start for one.
  /// - Complexity: O(n × s) for n creations and s allowed starts.
  public func replay(
    _ profileNames: [String], onto existing: [MIGPlacement] = []
  ) -> [MIGPlacement]? {
    var taken = mask(of: existing)
    var created: [MIGPlacement] = []
    for text in profileNames {
      guard let profile = model.profile(named: text),
        let start = start(for: profile, taken: taken)
      else { return nil }
      taken.formUnion(SliceMask(profile.memorySliceRange(startingAt: start)))
      created.append(MIGPlacement(profile, at: start))
    }
    return created
  }

  /// An order in which creating the layout's instances one by one, each
  /// placed by the driver, reproduces exactly the given placements.
  ///
  /// Larger instances are tried first (more memory slices, then more
  /// compute slices, then table order); the search backtracks when the
  /// driver would pick a different start.
  ///
  /// - Parameters:
  ///   - layout: the placements to reach; their profiles must be known.
  ///   - existing: instances already on the GPU, left in place.
  /// - Returns: the placements of `layout` in creation order, or `nil` if
  ///   no order makes the driver reach them.
  /// - Complexity: O(2ⁿ × n × s) in the worst case for n placements; n is
  ///   at most 8 on every catalog model.
  public func creationOrder(
    for layout: [MIGPlacement], existing: [MIGPlacement] = []
  ) -> [MIGPlacement]? {
    var targets: [(placement: MIGPlacement, profile: MIGProfile)] = []
    for placement in layout {
      guard let profile = model.profile(named: placement.profileName)
      else { return nil }
      targets.append((MIGPlacement(profile, at: placement.start), profile))
    }
    precondition(targets.count <= 30, "too many instances for one GPU")
    targets.sort {
      $0.profile == $1.profile
        ? $0.placement.start > $1.placement.start
        : isCreatedEarlier($0.profile, than: $1.profile)
    }
    var failed = Set<UInt32>()
    var order: [Int] = []

    func search(remaining: UInt32, taken: SliceMask) -> Bool {
      if remaining == 0 { return true }
      if failed.contains(remaining) { return false }
      for index in targets.indices where remaining & (1 << index) != 0 {
        let (placement, profile) = targets[index]
        guard start(for: profile, taken: taken) == placement.start
        else { continue }
        var next = taken
        next.formUnion(
          SliceMask(profile.memorySliceRange(startingAt: placement.start)))
        order.append(index)
        if search(remaining: remaining & ~(1 << index), taken: next) {
          return true
        }
        order.removeLast()
      }
      failed.insert(remaining)
      return false
    }

    let all = targets.isEmpty ? 0 : (UInt32(1) << targets.count) &- 1
    guard search(remaining: all, taken: mask(of: existing)) else {
      return nil
    }
    return order.map { targets[$0].placement }
  }

  // MARK: - Internals

  /// The highest allowed start of `profile` whose slices are all free.
  func start(for profile: MIGProfile, taken: SliceMask) -> Int? {
    profile.allowedStarts.last { start in
      SliceMask(profile.memorySliceRange(startingAt: start))
        .isDisjoint(with: taken)
    }
  }

  /// The slices held by the known placements.
  func mask(of placements: [MIGPlacement]) -> SliceMask {
    var taken = SliceMask()
    for placement in placements {
      if let range = placement.memorySliceRange(on: model) {
        taken.formUnion(SliceMask(range))
      }
    }
    return taken
  }

  /// The preferred creation order: more memory slices first, then more
  /// compute slices, then the profile table's order.
  func isCreatedEarlier(_ a: MIGProfile, than b: MIGProfile) -> Bool {
    if a.memorySlices != b.memorySlices {
      return a.memorySlices > b.memorySlices
    }
    if a.computeSlices != b.computeSlices {
      return a.computeSlices > b.computeSlices
    }
    return model.tableIndex(of: a) < model.tableIndex(of: b)
  }
}
