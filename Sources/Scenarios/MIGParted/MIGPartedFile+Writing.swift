extension MIGPartedFile {
  /// The file as an output tree: `version`, then `mig-configs` in config
  /// order; in each entry `devices`, `mig-enabled`, then `mig-devices`
  /// sorted by profile name (left out when MIG is disabled and there are
  /// none, `{}` when enabled and empty), then `device-filter` (a string
  /// when there is one ID, a list otherwise) when present.
  ///
  /// - Complexity: O(*n* log *n*) for *n* profiles in all entries.
  public var outputValue: OutputValue {
    .mapping([
      .init("version", .string(version)),
      .init(
        "mig-configs",
        .mapping(
          configs.map { config in
            .init(config.name, .sequence(config.entries.map(\.outputValue)))
          })),
    ])
  }

  /// The file as YAML in the form NVIDIA's MIG manager reads; byte-for-byte
  /// the same for equal files.
  ///
  /// - Complexity: O(*n* log *n*) for a file of *n* profiles and devices.
  public func yamlText() -> String {
    YAMLWriter.write(outputValue)
  }
}

extension MIGPartedEntry {
  /// The entry as an output tree; see `MIGPartedFile.outputValue`.
  ///
  /// - Complexity: O(*n* log *n*) for *n* profiles.
  public var outputValue: OutputValue {
    var members: [OutputValue.Member] = []
    switch devices {
    case .all: members.append(.init("devices", "all"))
    case .indices(let indices):
      members.append(
        .init("devices", .sequence(indices.map(OutputValue.integer))))
    }
    members.append(.init("mig-enabled", .bool(migEnabled)))
    if migEnabled || !migDevices.isEmpty {
      let sorted = migDevices.sorted { $0.key < $1.key }
      members.append(
        .init(
          "mig-devices",
          .mapping(sorted.map { .init($0.key, .integer($0.value)) })))
    }
    if let deviceFilter {
      members.append(
        .init(
          "device-filter",
          deviceFilter.count == 1
            ? .string(deviceFilter[0])
            : .sequence(deviceFilter.map(OutputValue.string))))
    }
    return .mapping(members)
  }
}
