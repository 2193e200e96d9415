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
      var layouts: [MIGLayoutSpec] = []
      for gpu in 0..<gpuCount {
        // mig-parted applies entries in order; the last one that covers a
        // GPU decides its layout.
        let entry = config.entries.last { entry in
          switch entry.devices {
          case .all: true
          case .indices(let list): list.contains(gpu)
          }
        }
        guard let entry else {
          report(
            "config",
            "config '\(source.config)' has no entry for GPU \(gpu) of "
              + "\(gpuCount)")
          break
        }
        let counts = entry.migDevices.keys.sorted().map {
          MIGProfileCount(profile: $0, count: entry.migDevices[$0] ?? 0)
        }
        layouts.append(.counts(entry.migEnabled ? counts : []))
      }
      // FIXME: device-filter entries are applied to every GPU, because
      // pools do not record PCI device IDs; a mixed-model node is misread.
      guard layouts.count == gpuCount else { continue }
      mig.layouts = Set(layouts).count == 1 ? [layouts[0]] : layouts
    }
  }
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
