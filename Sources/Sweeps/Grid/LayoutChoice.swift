import ClusterModel
import MIGGeometry
import Scenarios

/// One layout a comparison runs every strategy on: the scenario's own,
/// dynamic repartitioning, a GPU Operator named config on every MIG pool,
/// the configs of a mig-parted file, or other sharing modes for pools.
public enum LayoutChoice: Hashable, Sendable, CustomStringConvertible {
  /// The layouts as the scenario writes them (`scenario`).
  case asWritten
  /// The scenario's layouts, repartitioned on demand (`dynamic`).
  case dynamic
  /// A named config such as `all-balanced` on every MIG pool.
  case named(String)
  /// A mig-parted file, with an optional config applied everywhere, as
  /// `migsim simulate --mig-config FILE[:CONFIG]` applies it.
  case migParted(path: String, config: String?)
  /// Pools given other sharing modes (`agents=mps:4+serve=all-balanced`),
  /// requests that no longer fit moved to the new modes.
  case sharing([SharingChange])

  /// Reads one item of `--layouts`: `scenario`, `dynamic`, sharing
  /// changes `POOL=MODE` joined by `+`, a path (it contains `/` or ends
  /// in `.yaml`, `.yml` or `.json`, optionally followed by `:CONFIG`), or
  /// else a named config.
  ///
  /// - Parameter text: The item.
  public init(parsing text: String) {
    func isPath(_ candidate: Substring) -> Bool {
      candidate.contains("/")
        || [".yaml", ".yml", ".json"].contains {
          candidate.lowercased().hasSuffix($0)
        }
    }
    switch text.lowercased() {
    case "scenario": self = .asWritten
    case "dynamic": self = .dynamic
    default:
      if text.contains("="), !text.contains("/") {
        self = .sharing(
          text.split(separator: "+").map { part in
            let sides = part.split(
              separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return SharingChange(
              pool: String(sides[0]),
              mode: sides.count > 1 ? String(sides[1]) : "")
          })
      } else if let colon = text.lastIndex(of: ":"),
        isPath(text[..<colon]), !isPath(text[text.index(after: colon)...])
      {
        self = .migParted(
          path: String(text[..<colon]),
          config: String(text[text.index(after: colon)...]))
      } else if isPath(text[...]) {
        self = .migParted(path: text, config: nil)
      } else {
        self = .named(text)
      }
    }
  }

  /// The name a table row shows: `scenario`, `dynamic`, the config
  /// name, or the file's name (with `:CONFIG`).
  public var description: String {
    switch self {
    case .asWritten: "scenario"
    case .dynamic: "dynamic"
    case .named(let name): name
    case .migParted(let path, let config):
      (path.split(separator: "/").last.map(String.init) ?? path)
        + (config.map { ":\($0)" } ?? "")
    case .sharing(let changes):
      changes.map(\.description).joined(separator: "+")
    }
  }

  /// The files this layout reads.
  public var inputPaths: [String] {
    if case .migParted(let path, _) = self { return [path] }
    return []
  }

  /// The scenario with this layout applied.
  ///
  /// - Parameter scenario: The scenario as loaded.
  /// - Returns: The changed scenario, validated again.
  /// - Throws: `LayoutError.usage` for a config name no MIG pool's model
  ///   defines, a scenario without MIG pools, or an unknown pool or
  ///   sharing mode; `LayoutError.input`
  ///   for a mig-parted file with mistakes or a result the checks refuse.
  /// - Complexity: O(pools) plus reading the file and validation.
  public func apply(to scenario: Scenario) throws(LayoutError) -> Scenario {
    var changed = scenario
    switch self {
    case .asWritten:
      return scenario
    case .dynamic:
      changed.simulation.migReconfiguration = .dynamic
      return changed
    case .migParted(let path, let config):
      do {
        let file = try MIGPartedFile(contentsOfFile: path)
        try changed.applyMIGConfig(file, path: path, config: config)
      } catch {
        throw .input(error)
      }
      return changed
    case .named(let name):
      try changed.applyNamedConfig(name)
      return changed
    case .sharing(let changes):
      try changed.applySharingChanges(changes)
      return changed
    }
  }
}

/// Why a layout could not be applied.
public enum LayoutError: Error, Sendable, CustomStringConvertible {
  /// A mistake on the command line: an unknown config name (with the
  /// names the model defines) or a scenario without MIG pools.
  case usage(String)
  /// A mig-parted file, or the scenario it produces, has mistakes.
  case input(InputErrors)

  /// The message for a person.
  public var description: String {
    switch self {
    case .usage(let message): message
    case .input(let errors): errors.description
    }
  }
}

extension Scenario {
  /// Puts the named config on every MIG pool (`all-disabled` makes the
  /// pools exclusive) and validates the result.
  fileprivate mutating func applyNamedConfig(_ name: String)
    throws(LayoutError)
  {
    var changedAny = false
    for index in cluster.pools.indices {
      var pool = cluster.pools[index]
      guard case .mig(let old) = pool.sharing else { continue }
      guard let model = pool.model else { continue }
      let config: NamedMIGConfig
      do {
        config = try NamedMIGConfig.resolve(name, for: model)
      } catch {
        throw .usage("layout '\(name)' on pool '\(pool.name)': \(error)")
      }
      if config.isMIGEnabled {
        pool.sharing = .mig(
          MIGSharing(strategy: old.strategy, layouts: [.named(config.name)]))
      } else {
        pool.sharing = .exclusive
      }
      cluster.pools[index] = pool
      changedAny = true
    }
    guard changedAny else {
      throw .usage(
        "layout '\(name)' needs a MIG pool; scenario '\(self.name)' has "
          + "none (use a mig-parted file to turn pools into MIG pools)")
    }
    let violations = validate()
    guard violations.isEmpty else {
      let here = SourceLocation(file: "--layouts", line: 1, column: 1)
      throw .input(
        InputErrors(
          violations.map {
            InputError(
              at: here, path: $0.path,
              "with layout '\(name)': \($0.message)")
          }))
    }
  }
}
