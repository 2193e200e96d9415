import Foundation
import Planner

/// The layouts a fleet has now, read from a mig-parted file and, where
/// given, the node → config label map `migsim plan --labels` writes.
public enum CurrentLayouts {
  /// Parses a label map: one `<node> nvidia.com/mig.config=<config>` per
  /// line; blank lines and lines starting with `#` are skipped.
  ///
  /// - Throws: `InputErrors` with every malformed line.
  /// - Complexity: O(n) for n characters.
  public static func parseLabels(text: String, file: String) throws(InputErrors)
    -> [String: String]
  {
    var labels: [String: String] = [:]
    var errors: [InputError] = []
    let prefix = "nvidia.com/mig.config="
    for (number, line) in text.split(
      separator: "\n", omittingEmptySubsequences: false
    ).enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      let parts = trimmed.split(separator: " ", omittingEmptySubsequences: true)
      let at = SourceLocation(file: file, line: number + 1, column: 1)
      guard parts.count == 2, parts[1].hasPrefix(prefix),
        parts[1].count > prefix.count
      else {
        errors.append(
          InputError(
            at: at, path: "",
            "found '\(trimmed)', expected '<node> \(prefix)<config>'"))
        continue
      }
      let node = String(parts[0])
      if labels[node] != nil {
        errors.append(
          InputError(at: at, path: "", "node '\(node)' is labelled twice"))
      }
      labels[node] = String(parts[1].dropFirst(prefix.count))
    }
    if !errors.isEmpty { throw InputErrors(errors) }
    return labels
  }

  /// The instances per GPU of every node of the fleet: the node's label
  /// when a label map is given, else the config named after its group,
  /// else the file's only config.
  ///
  /// - Throws: `InputErrors` (at the file) for a node no config covers.
  /// - Complexity: O(N × G × e) for N nodes of G GPUs and e entries per
  ///   config.
  public static func layouts(
    of file: MIGPartedFile, path: String, fleet: [FleetGroup],
    labels: [String: String]? = nil
  ) throws(InputErrors) -> [String: [[String: Int]]] {
    var result: [String: [[String: Int]]] = [:]
    var errors: [InputError] = []
    let here = SourceLocation(file: path, line: 1, column: 1)
    for group in fleet {
      for n in 0..<group.nodeCount {
        let node = "\(group.name)-\(n)"
        let name =
          labels?[node]
          ?? (file.config(named: group.name) != nil ? group.name : nil)
          ?? (file.configs.count == 1 ? file.configs[0].name : nil)
        guard let name, let config = file.config(named: name) else {
          errors.append(
            InputError(
              at: here, path: "mig-configs",
              "no config for node '\(node)': label it or name a config "
                + "'\(group.name)' (configs: "
                + file.configs.map(\.name).joined(separator: ", ") + ")"))
          break
        }
        var perGPU: [[String: Int]] = []
        for gpu in 0..<group.gpusPerNode {
          let entry = config.entries.last { entry in
            switch entry.devices {
            case .all: true
            case .indices(let list): list.contains(gpu)
            }
          }
          perGPU.append(
            entry.map {
              $0.migEnabled ? $0.migDevices.filter { $0.value > 0 } : [:]
            }
              ?? [:])
        }
        result[node] = perGPU
      }
    }
    if !errors.isEmpty { throw InputErrors(errors) }
    return result
  }
}
