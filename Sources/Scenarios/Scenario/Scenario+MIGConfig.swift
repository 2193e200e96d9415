import ClusterModel
import MIGGeometry

// MARK: - Replacing layouts with a mig-parted file

extension Scenario {
  /// Replaces the GPU layouts of pools with the configs of a mig-parted
  /// file, as `migsim simulate --mig-config` does.
  ///
  /// Which config goes where:
  /// 1. with `config`, that config on every MIG pool;
  /// 2. otherwise each pool, of any sharing mode, named like a config gets
  ///    that config (a pool that was not MIG becomes a `mixed` MIG pool; a
  ///    config that enables MIG nowhere makes the pool `exclusive`);
  /// 3. otherwise, when the file has a single config, it goes on every
  ///    MIG pool.
  ///
  /// The changed scenario is validated again, so a profile the pool's
  /// model lacks or a layout the driver refuses is reported.
  ///
  /// - Parameters:
  ///   - file: The mig-parted file.
  ///   - path: The file's path, for error messages.
  ///   - config: A config to apply everywhere, or `nil`.
  /// - Returns: The names of the pools that changed, in scenario order.
  /// - Throws: `InputErrors` when the config is unknown, no config
  ///   applies, a config misses a GPU, or the result is invalid.
  /// - Complexity: O(pools × GPUs per node) plus validation.
  @discardableResult
  public mutating func applyMIGConfig(
    _ file: MIGPartedFile, path: String, config: String? = nil
  ) throws(InputErrors) -> [String] {
    let here = SourceLocation(file: path, line: 1, column: 1)
    let names = file.configs.map(\.name)
    func failure(_ message: String) -> InputErrors {
      InputErrors([InputError(at: here, path: "mig-configs", message)])
    }
    var assignment: [(pool: Int, config: MIGPartedConfig)] = []
    if let config {
      guard let chosen = file.config(named: config) else {
        throw failure(
          "unknown config '\(config)'; expected one of: "
            + names.joined(separator: ", "))
      }
      for (i, pool) in cluster.pools.enumerated() {
        if case .mig = pool.sharing { assignment.append((i, chosen)) }
      }
    } else {
      for (i, pool) in cluster.pools.enumerated() {
        if let match = file.config(named: pool.name) {
          assignment.append((i, match))
        }
      }
      if assignment.isEmpty, file.configs.count == 1 {
        for (i, pool) in cluster.pools.enumerated() {
          if case .mig = pool.sharing {
            assignment.append((i, file.configs[0]))
          }
        }
      }
    }
    guard !assignment.isEmpty else {
      throw failure(
        "no config names a pool of scenario '\(name)' (pools: "
          + cluster.pools.map(\.name).joined(separator: ", ")
          + "; configs: \(names.joined(separator: ", "))); choose one "
          + "for every MIG pool with FILE:CONFIG")
    }
    var errors: [InputError] = []
    for (index, config) in assignment {
      var pool = cluster.pools[index]
      if config.disablesMIG {
        pool.sharing = .exclusive
      } else {
        switch config.layouts(gpuCount: pool.gpuCount) {
        case .success(let layouts):
          var mig = MIGSharing(layouts: layouts)
          if case .mig(let old) = pool.sharing { mig.strategy = old.strategy }
          mig.source = MIGPartedSource(path: path, config: config.name)
          pool.sharing = .mig(mig)
        case .failure(let uncovered):
          errors.append(
            InputError(
              at: here, path: "mig-configs.\(config.name)",
              "config '\(config.name)' has no entry for GPU "
                + "\(uncovered.gpu) of pool '\(pool.name)' "
                + "(\(pool.gpuCount) GPUs per node)"))
          continue
        }
      }
      cluster.pools[index] = pool
    }
    for violation in validate() {
      errors.append(
        InputError(
          at: here, path: violation.path,
          "with the configs of \(path): \(violation.message)"))
    }
    guard errors.isEmpty else { throw InputErrors(errors) }
    return assignment.map { cluster.pools[$0.pool].name }
  }
}
