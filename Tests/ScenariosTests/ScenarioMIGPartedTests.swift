import ClusterModel
import Foundation
import Scenarios
import Testing

/// Writes `files` into a fresh temporary directory and returns its path.
private func directory(with files: [String: String]) throws -> String {
  let dir = FileManager.default.temporaryDirectory
    .appendingPathComponent("migsim-\(UUID().uuidString)").path
  try FileManager.default.createDirectory(
    atPath: dir, withIntermediateDirectories: true)
  for (name, text) in files {
    try text.write(toFile: "\(dir)/\(name)", atomically: true, encoding: .utf8)
  }
  return dir
}

private let migParted = """
  version: v1
  mig-configs:
    mixed-halves:
      - devices: all
        mig-enabled: true
        mig-devices: {3g.40gb: 2}
      - devices: [6, 7]
        mig-enabled: true
        mig-devices: {7g.80gb: 1}
  """

private func scenario(config: String) -> String {
  """
  name: from-mig-parted
  pools:
    - name: h100
      gpuModel: H100-SXM5-80GB
      gpuCount: 8
      cpu: 64
      memory: 512Gi
      sharing: {mode: mig, migParted: layouts.yaml, config: \(config)}
  """
}

@Test func poolReadsPerGPULayoutsFromMIGPartedFile() throws {
  let dir = try directory(with: [
    "layouts.yaml": migParted, "s.yaml": scenario(config: "mixed-halves"),
  ])
  let loaded = try Scenario.load(path: "\(dir)/s.yaml")
  guard case .mig(let mig) = loaded.cluster.pools[0].sharing else {
    Issue.record("expected a MIG pool")
    return
  }
  #expect(mig.layouts.count == 8)
  #expect(mig.layouts[0] == .counts([MIGProfileCount(profile: "3g.40gb",
    count: 2)]))
  #expect(mig.layouts[7] == .counts([MIGProfileCount(profile: "7g.80gb",
    count: 1)]))
  let counts = loaded.summary.migInstancesByProfile
  #expect(counts.map(\.name) == ["3g.40gb", "7g.80gb"])
  #expect(counts.map(\.count) == [12, 2])
}

@Test func unknownMIGPartedConfigIsReportedAtConfigKey() throws {
  let dir = try directory(with: [
    "layouts.yaml": migParted, "s.yaml": scenario(config: "halves"),
  ])
  do {
    _ = try Scenario.load(path: "\(dir)/s.yaml")
    Issue.record("expected an error")
  } catch {
    #expect(error.errors.count == 1)
    let first = error.errors.first
    #expect(first?.path == "pools[0].sharing.config")
    #expect(first?.location.line == 8)
    #expect(first?.location.column == 59)
    #expect(first?.message == "unknown config 'halves' in layouts.yaml; "
      + "expected one of: mixed-halves")
  }
}

@Test func exportedMIGPartedFileReproducesTheLayouts() throws {
  let dir = try directory(with: [
    "layouts.yaml": migParted, "s.yaml": scenario(config: "mixed-halves"),
  ])
  let original = try Scenario.load(path: "\(dir)/s.yaml")
  let exported = original.cluster.migPartedFile()
  #expect(exported.configs.map(\.name) == ["h100"])
  #expect(exported.configs[0].entries.map(\.devices) == [
    .indices([0, 1, 2, 3, 4, 5]), .indices([6, 7]),
  ])
  let text = exported.yamlText()
  try text.write(toFile: "\(dir)/layouts.yaml", atomically: true,
    encoding: .utf8)
  try scenario(config: "h100").write(
    toFile: "\(dir)/s.yaml", atomically: true, encoding: .utf8)
  let reread = try Scenario.load(path: "\(dir)/s.yaml")
  #expect(reread.summary.migInstancesByProfile
    == original.summary.migInstancesByProfile)
}

@Test func quickstartExportsOneAllDevicesEntryWithBalancedCounts() throws {
  let scenario = try Scenario.load(
    path: "\(scenariosDirectory)/quickstart.yaml")
  let file = scenario.cluster.migPartedFile()
  #expect(file.configs.map(\.name) == ["a100-mig"])
  #expect(file.configs[0].entries == [
    MIGPartedEntry(
      devices: .all, migEnabled: true,
      migDevices: ["1g.10gb": 2, "2g.20gb": 1, "3g.40gb": 1])
  ])
}
