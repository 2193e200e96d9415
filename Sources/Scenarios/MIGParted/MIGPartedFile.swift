/// A mig-parted configuration file, as NVIDIA's MIG manager applies it.
///
/// ```yaml
/// version: v1
/// mig-configs:
///   all-1g.5gb:
///     - devices: all
///       mig-enabled: true
///       mig-devices:
///         1g.5gb: 7
/// ```
///
/// Profile names are kept as text: whether a profile exists on a GPU model
/// is checked where a config is applied to a pool of a known model.
public struct MIGPartedFile: Hashable, Sendable {
  /// The format version; always `v1`.
  public var version: String
  /// The named configs, in file order; names are unique.
  public var configs: [MIGPartedConfig]

  /// Creates a file.
  ///
  /// - Parameters:
  ///   - version: The format version (`v1`).
  ///   - configs: The configs; names must be unique (precondition).
  public init(version: String = "v1", configs: [MIGPartedConfig]) {
    precondition(
      Set(configs.map(\.name)).count == configs.count,
      "config names must be unique")
    self.version = version
    self.configs = configs
  }

  /// The config called `name`, if any.
  ///
  /// - Complexity: O(*n*) for *n* configs.
  public func config(named name: String) -> MIGPartedConfig? {
    configs.first { $0.name == name }
  }
}

/// One named config: the layout a node gets when labelled
/// `nvidia.com/mig.config=<name>`.
public struct MIGPartedConfig: Hashable, Sendable {
  /// The config's name, non-empty.
  public var name: String
  /// The entries, each applying to some of the node's GPUs; at least one.
  public var entries: [MIGPartedEntry]

  /// Creates a config.
  ///
  /// - Parameters:
  ///   - name: The name.
  ///   - entries: The entries.
  public init(name: String, entries: [MIGPartedEntry]) {
    self.name = name
    self.entries = entries
  }
}

/// One entry of a config: which GPUs, whether MIG is on, and how many
/// instances of each profile to create on each of those GPUs.
public struct MIGPartedEntry: Hashable, Sendable {
  /// The GPUs an entry applies to.
  public enum Devices: Hashable, Sendable {
    /// Every GPU of the node (that passes the device filter).
    case all
    /// The GPUs with these indices (from 0, unique, in file order).
    case indices([Int])
  }

  /// The GPUs this entry applies to.
  public var devices: Devices
  /// Whether MIG mode is enabled on those GPUs.
  public var migEnabled: Bool
  /// Instances to create on each GPU: profile name (such as `1g.5gb`) to
  /// count. Empty when MIG is disabled.
  public var migDevices: [String: Int]
  /// PCI device IDs (such as `0x20B010DE`) a GPU must have for the entry
  /// to apply; `nil` for every GPU.
  public var deviceFilter: [String]?

  /// Creates an entry.
  ///
  /// - Parameters:
  ///   - devices: The GPUs.
  ///   - migEnabled: Whether MIG mode is on.
  ///   - migDevices: Profile name to instance count per GPU.
  ///   - deviceFilter: PCI device IDs to match, or `nil`.
  public init(
    devices: Devices, migEnabled: Bool, migDevices: [String: Int] = [:],
    deviceFilter: [String]? = nil
  ) {
    self.devices = devices
    self.migEnabled = migEnabled
    self.migDevices = migDevices
    self.deviceFilter = deviceFilter
  }
}
