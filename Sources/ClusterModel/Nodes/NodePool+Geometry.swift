import MIGGeometry

// MARK: - Geometry

extension NodePool {
  /// The pool's GPU model from the geometry catalog, or `nil` when the
  /// name is unknown.
  public var model: GPUModel? { GPUModel.named(gpuModel) }

  /// The MIG instances of GPU `index` of each node, with their placements;
  /// `nil` when the pool is not a MIG pool or its layout is invalid.
  ///
  /// Counts and named configurations are placed as the driver would
  /// (`GPUModel.arrangement`), in creation order.
  ///
  /// - Parameters:
  ///   - index: The GPU index, `0..<gpuCount`.
  ///   - rules: The driver rules; R580 by default.
  /// - Complexity: Small for one GPU (see `GPUModel.arrangement`).
  public func migPlacements(ofGPU index: Int, rules: MIGRules = MIGRules())
    -> [MIGPlacement]?
  {
    guard case .mig(let mig) = sharing, !mig.layouts.isEmpty,
      mig.layouts.count == 1 || index < mig.layouts.count,
      let model
    else { return nil }
    return try? Self.placements(
      of: mig.layout(ofGPU: index), on: model, rules: rules)
  }

  /// The placements a layout specification stands for on `model`.
  ///
  /// - Throws: A message naming why the model refuses the layout.
  static func placements(
    of layout: MIGLayoutSpec, on model: GPUModel, rules: MIGRules
  ) throws(GeometryRefusal) -> [MIGPlacement] {
    switch layout {
    case .placements(let specs):
      let placements = specs.map {
        MIGPlacement($0.profile, at: $0.startSlice)
      }
      let violations = model.violations(of: placements, rules: rules)
      guard violations.isEmpty else {
        throw GeometryRefusal(
          violations.map(\.description).joined(separator: "; "))
      }
      return placements
    case .counts(let counts):
      var merged: [String: Int] = [:]
      for entry in counts { merged[entry.profile, default: 0] += entry.count }
      return try arrange(merged, on: model, rules: rules)
    case .named(let name):
      let config: NamedMIGConfig
      do {
        config = try NamedMIGConfig.resolve(name, for: model, rules: rules)
      } catch {
        throw GeometryRefusal(error.description)
      }
      var counts: [String: Int] = [:]
      for entry in config.mix.entries {
        counts[entry.profileName] = entry.count
      }
      return try arrange(counts, on: model, rules: rules)
    }
  }

  private static func arrange(
    _ counts: [String: Int], on model: GPUModel, rules: MIGRules
  ) throws(GeometryRefusal) -> [MIGPlacement] {
    do {
      return try model.arrangement(ofCounts: counts, rules: rules).layout
        .placements
    } catch {
      throw GeometryRefusal(error.description)
    }
  }

  /// The ways the pool contradicts the geometry catalog: an unknown GPU
  /// model, an unknown MIG profile, a layout the model refuses (with the
  /// geometry's reason), a configuration name unknown for the model.
  ///
  /// - Parameters:
  ///   - path: The pool's field path.
  ///   - rules: The driver rules; R580 by default.
  /// - Returns: The violations, empty when the pool fits the catalog.
  public func geometryViolations(
    at path: String, rules: MIGRules = MIGRules()
  ) -> [ModelViolation] {
    var found = ViolationCollector()
    // FIXME: layouts are checked under driver R580 rules; a scenario
    // cannot yet name an older driver release.
    guard let model else {
      // A pool that does not partition its GPUs may name any model (T4,
      // V100, L40S, a trace's own codes): only MIG needs the catalog.
      if case .mig = sharing {} else { return found.violations }
      found.add(
        at: "\(path).gpuModel",
        "unknown GPU model '\(gpuModel)'; expected one of "
          + Cluster.list(GPUModel.all.map(\.name)))
      return found.violations
    }
    guard case .mig(let mig) = sharing else { return found.violations }
    for (g, layout) in mig.layouts.enumerated() {
      let layoutPath =
        mig.layouts.count == 1
        ? "\(path).sharing.layout" : "\(path).sharing.layouts[\(g)]"
      var unknown = false
      for (i, profile) in layout.explicitProfiles.enumerated()
      where model.profile(named: profile) == nil {
        unknown = true
        let at: String
        switch layout {
        case .placements(let specs):
          let index = specs.firstIndex { $0.profile == profile } ?? i
          at = "\(layoutPath)[\(index)]"
        default:
          at = FieldPathSpelling.appending(key: profile, to: layoutPath)
        }
        found.add(
          at: at,
          "MIG profile '\(profile)' does not exist on \(model.name); "
            + "expected one of "
            + Cluster.list(model.availableProfiles(under: rules).map(\.name)))
      }
      if unknown { continue }
      do {
        _ = try Self.placements(of: layout, on: model, rules: rules)
      } catch {
        found.add(
          at: layoutPath,
          "\(model.name) refuses the layout \(layout): \(error.message)")
      }
    }
    return found.violations
  }
}

/// Why the geometry refuses a layout, in words.
struct GeometryRefusal: Error {
  let message: String
  init(_ message: String) { self.message = message }
}
