import ClusterModel
import Scenarios
import Testing

@Test func quickstartSummaryCountsNodesGPUsAndBalancedInstances() throws {
  let scenario = try Scenario.load(
    path: "\(scenariosDirectory)/quickstart.yaml")
  let summary = scenario.summary
  #expect(summary.nodeCount == 2)
  #expect(summary.gpuCount == 16)
  #expect(summary.gpusByModel.map(\.count) == [16])
  // all-balanced on A100-80GB is 2×1g.10gb + 2g.20gb + 3g.40gb per GPU,
  // on 8 GPUs of one node.
  #expect(summary.migInstancesByProfile.map(\.name)
    == ["1g.10gb", "2g.20gb", "3g.40gb"])
  #expect(summary.migInstancesByProfile.map(\.count) == [16, 8, 8])
  #expect(summary.tenants == ["vision", "language", "notebooks"])
  #expect(summary.description.contains("nodes 2, GPUs 16"))
}

@Test func largeFleetHasOverAThousandNodes() throws {
  let scenario = try Scenario.load(
    path: "\(scenariosDirectory)/large-fleet.yaml")
  let summary = scenario.summary
  #expect(summary.nodeCount == 1280)
  #expect(summary.gpuCount == 10_240)
  #expect(summary.gpusByModel.count == 3)
  // h100-mig: 160 nodes × 8 GPUs × two 3g.40gb instances.
  let threeG = summary.migInstancesByProfile.first { $0.name == "3g.40gb" }
  // a100-mig all-balanced adds 200 × 8 × 1 instances of its 3g.40gb.
  #expect(threeG?.count == 160 * 8 * 2 + 200 * 8)
}

@Test func migCapacityPoolsResolvePerGPULayouts() throws {
  let scenario = try Scenario.load(
    path: "\(scenariosDirectory)/mig-capacity.yaml")
  let counts = Dictionary(
    uniqueKeysWithValues: scenario.summary.migInstancesByProfile.map {
      ($0.name, $0.count)
    })
  // small-slices: 4 nodes × 8 GPUs × 7; balanced: 4 × 8 × 2.
  #expect(counts["1g.10gb"] == 4 * 8 * 7 + 4 * 8 * 2)
  #expect(counts["4g.40gb"] == 4 * 6)
  #expect(counts["7g.80gb"] == 4 * 2)
  #expect(counts["3g.40gb"] == 4 * 8 + 4 * 6)
}

@Test func yamlAndJSONQuickstartDecodeIdentically() throws {
  let yaml = try Scenario.load(path: "\(scenariosDirectory)/quickstart.yaml")
  let json = try Scenario.load(path: "\(scenariosDirectory)/quickstart.json")
  #expect(yaml == json)
  #expect(yaml.summary == json.summary)
}
