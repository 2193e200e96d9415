extension MIGPartedFile {
  /// Reads a mig-parted file (`.yaml`, `.yml` or `.json`).
  ///
  /// - Parameter path: The file's path as the user gave it.
  /// - Throws: `InputErrors` with every mistake in the file.
  /// - Complexity: O(*n*) for a file of *n* bytes, plus
  ///   O(*d*²) per entry of *d* device indices.
  public init(contentsOfFile path: String) throws(InputErrors) {
    try self.init(document: readDocument(atPath: path))
  }

  /// Reads mig-parted text.
  ///
  /// - Parameters:
  ///   - text: The whole file.
  ///   - file: The name used in error locations.
  ///   - format: YAML or JSON.
  /// - Throws: `InputErrors` with every mistake in the text.
  public init(
    text: String, file: String, format: DocumentFormat = .yaml
  ) throws(InputErrors) {
    try self.init(
      document: readDocument(text: text, file: file, format: format))
  }

  /// Decodes a document already read.
  ///
  /// - Parameter document: The root node.
  /// - Throws: `InputErrors` with every mistake in the document.
  public init(document: DocumentNode) throws(InputErrors) {
    self = try DocumentDecoder.decode(document, with: Self.decode)
  }

  /// Decodes a mig-parted document, recording every mistake in the
  /// reader's decoder. The messages are listed in `docs/file-formats.md`.
  ///
  /// - Parameter reader: The document root.
  /// - Returns: The file, or `nil` when a mistake was recorded.
  public static func decode(_ reader: NodeReader) -> MIGPartedFile? {
    guard
      let root = reader.mapping(allowedKeys: ["version", "mig-configs"])
    else { return nil }
    let version = root.required("version") { $0.oneOf(["v1"]) }
    let configs = root.required("mig-configs") { node in
      node.entries()?.compactMap { name, value in
        decodeConfig(name: name, value)
      }
    }
    guard let version, let configs, !reader.decoder.hasErrors else {
      return nil
    }
    return MIGPartedFile(version: version, configs: configs)
  }

  private static func decodeConfig(
    name: String, _ node: NodeReader
  ) -> MIGPartedConfig? {
    if name.isEmpty { node.error("a config name must not be empty") }
    guard let items = node.sequence() else { return nil }
    if items.isEmpty {
      node.typeMismatch(expected: "a sequence of at least one entry")
    }
    var owner: [Int: Int] = [:]
    var entries: [MIGPartedEntry] = []
    for (number, item) in items.enumerated() {
      guard let (entry, indexNodes) = decodeEntry(item) else { continue }
      entries.append(entry)
      for (index, indexNode) in indexNodes {
        if let first = owner[index] {
          indexNode.error(
            "GPU \(index) is already configured by entry \(first) of "
              + "config '\(name)'")
        } else {
          owner[index] = number
        }
      }
    }
    return entries.count == items.count && !name.isEmpty && !items.isEmpty
      ? MIGPartedConfig(name: name, entries: entries) : nil
  }

  /// The entry and, for an explicit device list, each index with its node.
  private static func decodeEntry(
    _ node: NodeReader
  ) -> (MIGPartedEntry, [(Int, NodeReader)])? {
    guard
      let map = node.mapping(allowedKeys: [
        "devices", "mig-enabled", "mig-devices", "device-filter",
      ])
    else { return nil }
    let devices = map.required("devices", decodeDevices)
    let enabled = map.required("mig-enabled") { $0.bool() }
    let migDevices = map.optional("mig-devices", decodeMIGDevices)
    let filter = map.optional("device-filter", decodeFilter)
    if enabled == false, let place = map.optional("mig-devices"),
      case .mapping(let pairs) = place.node.value, !pairs.isEmpty
    {
      place.error("mig-devices must be empty when mig-enabled is false")
    }
    guard let devices, let enabled else { return nil }
    let entry = MIGPartedEntry(
      devices: devices.selection, migEnabled: enabled,
      migDevices: migDevices ?? [:], deviceFilter: filter)
    return (entry, devices.nodes)
  }

  private static func decodeDevices(
    _ node: NodeReader
  ) -> (selection: MIGPartedEntry.Devices, nodes: [(Int, NodeReader)])? {
    let expected = "all or a list of GPU indices such as [0, 1]"
    if case .scalar("all", _) = node.node.value { return (.all, []) }
    guard case .sequence = node.node.value, let items = node.sequence()
    else {
      node.typeMismatch(expected: expected)
      return nil
    }
    if items.isEmpty {
      node.typeMismatch(expected: "a list of at least one GPU index")
      return nil
    }
    var seen: Set<Int> = []
    var indices: [(Int, NodeReader)] = []
    var failed = false
    for item in items {
      guard let index = item.int(min: 0) else {
        failed = true
        continue
      }
      if seen.contains(index) {
        item.error("GPU index \(index) appears twice in this entry")
        failed = true
      } else {
        seen.insert(index)
        indices.append((index, item))
      }
    }
    if failed { return nil }
    return (.indices(indices.map(\.0)), indices)
  }

  private static func decodeMIGDevices(_ node: NodeReader) -> [String: Int]? {
    guard let entries = node.entries() else { return nil }
    var counts: [String: Int] = [:]
    var failed = false
    for (profile, value) in entries {
      if profile.isEmpty {
        value.error("a profile name must not be empty")
        failed = true
      }
      if let count = value.int(min: 0) {
        counts[profile] = count
      } else {
        failed = true
      }
    }
    return failed ? nil : counts
  }

  private static func decodeFilter(_ node: NodeReader) -> [String]? {
    if case .sequence = node.node.value {
      guard let items = node.sequence() else { return nil }
      if items.isEmpty {
        node.typeMismatch(expected: "a list of at least one device ID")
        return nil
      }
      let ids = items.compactMap { $0.string(nonEmpty: true) }
      return ids.count == items.count ? ids : nil
    }
    if case .mapping = node.node.value {
      node.typeMismatch(expected: "a device ID or a list of device IDs")
      return nil
    }
    return node.string(nonEmpty: true).map { [$0] }
  }
}
