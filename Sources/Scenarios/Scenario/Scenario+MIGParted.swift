import ClusterModel
import Foundation
import MIGGeometry

// MARK: - Reading layouts from mig-parted files

extension Scenario {
  /// Fills the layouts of pools that name a mig-parted file, reporting
  /// every mistake (an unreadable file, an unknown config, a GPU no entry
  /// covers) into `decoder`. A pool whose file fails gets an empty layout
  /// so that later checks do not repeat the mistake.
  mutating func readMIGPartedLayouts(
    of document: DocumentNode, into decoder: DocumentDecoder
  ) {
    let locator = ViolationLocator(root: document)
    let directory = (document.location.file as NSString)
      .deletingLastPathComponent
    for index in cluster.pools.indices {
      guard case .mig(var mig) = cluster.pools[index].sharing,
        let source = mig.source, mig.layouts.isEmpty
      else { continue }
      let path = "pools[\(index)].sharing"
      func report(_ key: String, _ message: String) {
        decoder.report(
          InputError(
            at: locator.location(of: "\(path).\(key)"), path: "\(path).\(key)",
            message))
      }
      mig.layouts = [.counts([])]
      defer { cluster.pools[index].sharing = .mig(mig) }
      let filePath =
        source.path.hasPrefix("/") || directory.isEmpty
        ? source.path : "\(directory)/\(source.path)"
      let file: MIGPartedFile
      do {
        file = try MIGPartedFile(contentsOfFile: filePath)
      } catch {
        decoder.report(error)
        report("migParted", "the mig-parted file has mistakes (listed)")
        continue
      }
      guard let config = file.config(named: source.config) else {
        report(
          "config",
          "unknown config '\(source.config)' in \(source.path); expected "
            + "one of: \(file.configs.map(\.name).joined(separator: ", "))")
        continue
      }
      let gpuCount = cluster.pools[index].gpuCount
      let layouts: [MIGLayoutSpec]
      switch config.layouts(gpuCount: gpuCount) {
      case .success(let found): layouts = found
      case .failure(let gpu):
        report(
          "config",
          "config '\(source.config)' has no entry for GPU \(gpu) of "
            + "\(gpuCount)")
        continue
      }
      // FIXME: device-filter entries are applied to every GPU, because
      // pools do not record PCI device IDs; a mixed-model node is misread.
      mig.layouts = layouts
    }
  }
}

extension MIGPartedConfig {
  /// A GPU index that no entry of a config covers.
  public struct UncoveredGPU: Error, Hashable, Sendable {
    /// The GPU index.
    public var gpu: Int
  }

  /// The layouts this config gives a node of `gpuCount` GPUs: one layout
  /// when every GPU gets the same instances, else one per GPU.
  ///
  /// mig-parted applies entries in order, so the last entry that covers a
  /// GPU decides its instances; `mig-enabled: false` gives no instances.
  ///
  /// - Returns: The layouts, or the first GPU no entry covers.
  public func layouts(gpuCount: Int) -> Result<[MIGLayoutSpec], UncoveredGPU>
  {
    var layouts: [MIGLayoutSpec] = []
    for gpu in 0..<gpuCount {
      let entry = entries.last { entry in
        switch entry.devices {
        case .all: true
        case .indices(let list): list.contains(gpu)
        }
      }
      guard let entry else { return .failure(UncoveredGPU(gpu: gpu)) }
      let counts = entry.migDevices.keys.sorted().map {
        MIGProfileCount(profile: $0, count: entry.migDevices[$0] ?? 0)
      }
      layouts.append(.counts(entry.migEnabled ? counts : []))
    }
    return .success(Set(layouts).count == 1 ? [layouts[0]] : layouts)
  }

  /// Whether no entry enables MIG: the GPUs stay whole.
  public var disablesMIG: Bool { entries.allSatisfy { !$0.migEnabled } }
}

// MARK: - Writing the cluster's layouts as a mig-parted file

extension Cluster {
  /// The MIG layouts of the cluster as a mig-parted file: one config per
  /// MIG pool, named after the pool, with one `devices: all` entry when
  /// every GPU has the same instances, otherwise one entry per group of
  /// GPUs with equal instances.
  ///
  /// mig-parted states instance counts, not placements; the MIG manager
  /// lets the driver place them. Pools whose layout the geometry refuses
  /// are left out.
  ///
  /// - Returns: The file; `migParted.yamlText()` renders it.
  /// - Complexity: O(pools × GPUs per node × layout search).
  public func migPartedFile() -> MIGPartedFile {
    var configs: [MIGPartedConfig] = []
    for pool in pools {
      guard case .mig = pool.sharing else { continue }
      var perGPU: [[String: Int]] = []
      for gpu in 0..<pool.gpuCount {
        guard let placements = pool.migPlacements(ofGPU: gpu) else { break }
        var counts: [String: Int] = [:]
        for placement in placements {
          counts[placement.profileName, default: 0] += 1
        }
        perGPU.append(counts)
      }
      guard perGPU.count == pool.gpuCount, let first = perGPU.first else {
        continue
      }
      var entries: [MIGPartedEntry] = []
      if perGPU.allSatisfy({ $0 == first }) {
        entries = [
          MIGPartedEntry(
            devices: .all, migEnabled: true, migDevices: first)
        ]
      } else {
        var groups: [(counts: [String: Int], gpus: [Int])] = []
        for (gpu, counts) in perGPU.enumerated() {
          if let i = groups.firstIndex(where: { $0.counts == counts }) {
            groups[i].gpus.append(gpu)
          } else {
            groups.append((counts, [gpu]))
          }
        }
        entries = groups.map {
          MIGPartedEntry(
            devices: .indices($0.gpus), migEnabled: true,
            migDevices: $0.counts)
        }
      }
      configs.append(MIGPartedConfig(name: pool.name, entries: entries))
    }
    return MIGPartedFile(configs: configs)
  }
}
