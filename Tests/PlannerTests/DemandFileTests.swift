import MIGGeometry
import Planner
import Scenarios
import Testing

@Suite struct DemandFileTests {
  /// Decoding `text` fails with exactly the expected errors, each found
  /// by a part of its description.
  static func expectErrors(
    in text: String, _ expected: [String],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    #expect(sourceLocation: sourceLocation) {
      try DemandFile.decode(text: text, file: "d.yaml")
    } throws: { error in
      guard let errors = error as? InputErrors else { return false }
      let lines = errors.errors.map(\.description)
      return lines.count == expected.count
        && expected.allSatisfy { want in lines.contains { $0.contains(want) } }
    }
  }

  static let example = """
    driver: 580
    objective: fewest-gpus
    timeLimit: 5s
    fleet:
      - {name: serve, gpuModel: h100-80gb, nodeCount: 2, gpuCount: 4}
      - {name: old, gpuModel: A100-SXM4-40GB, nodeCount: 1, gpuCount: 8, costPerGPU: 1.5}
    tenants:
      - name: chat
        instances: {1g.10gb: 9, 3g.40gb: 2}
        isolation: only-with
        shareWith: [search]
      - name: search
        instances: {2g.20gb: 3}
        weight: 2
        isolation: only-with
        shareWith: [chat]
      - name: vault
        instances: {1g.5gb: 4}
        isolation: dedicated-nodes
    """

  @Test func readsEveryField() throws {
    let request = try DemandFile.decode(text: Self.example, file: "d.yaml")
    #expect(request.fleet.map(\.name) == ["serve", "old"])
    #expect(request.fleet[0].model == .h100SXM5_80GB)
    #expect(request.fleet[1].costPerGPU == 1.5)
    #expect(request.tenants[0].isolation == .onlyWith(["search"]))
    #expect(request.tenants[1].weight == 2)
    #expect(request.tenants[2].isolation == .dedicatedNodes)
    #expect(request.timeLimitSeconds == 5)
    #expect(request.objective == .fewestGPUs)
  }

  @Test func reportsEveryMistakeWithItsPath() {
    let text = """
      fleet:
        - {name: g, gpuModel: h100-80gbx, nodeCount: 0, gpuCount: 4}
      tenants:
        - name: a
          instances: {1g.10gb: -1}
          isolation: only-with
        - name: b
          instances: {3g.40gb: 1}
          shareWith: [a]
          isolatoin: never
      """
    Self.expectErrors(
      in: text,
      [
        "at fleet[0].gpuModel: unknown GPU model 'h100-80gbx'",
        "at fleet[0].nodeCount: found integer 0",
        "at tenants[0].instances[\"1g.10gb\"]: found integer -1",
        "at tenants[0]: isolation 'only-with' needs a 'shareWith' list",
        "at tenants[1].isolatoin: unknown key 'isolatoin'; did you mean 'isolation'?",
        "at tenants[1].shareWith: shareWith applies only to isolation 'only-with'",
      ])
  }

  @Test func aProfileNoFleetModelOffersIsAnInputError() {
    let text = """
      fleet: [{name: g, gpuModel: h100-80gb, nodeCount: 1, gpuCount: 8}]
      tenants: [{name: a, instances: {1g.5gb: 2}}]
      """
    #expect {
      try DemandFile.decode(text: text, file: "d.yaml")
    } throws: { error in
      guard let errors = error as? InputErrors else { return false }
      return errors.description.contains(
        "d.yaml:2:41: error: at tenants[0].instances[\"1g.5gb\"]: no GPU "
          + "model of the fleet offers profile '1g.5gb'; the fleet's models "
          + "offer: 1g.10gb, 1g.10gb+me, 1g.20gb")
    }
  }

  @Test func theShippedDemandFileReads() throws {
    let request = try DemandFile.load(
      path: packageRoot + "/scenarios/demand/mig-capacity.yaml")
    #expect(request.fleet.count == 2)
    #expect(request.tenants.count == 3)
  }

  @Test func thePlanRoundTripsThroughTheMIGPartedReader() throws {
    let request = try DemandFile.decode(text: Self.example, file: "d.yaml")
    let plan = try Planner.plan(request)
    let parted = plan.migParted
    let text = parted.file.yamlText()
    let read = try MIGPartedFile(text: text, file: "plan.yaml")
    #expect(read == parted.file)
    // Every node's label names a config whose entries give the node's
    // GPUs exactly the planned instance counts.
    for (node, label) in zip(plan.nodes, parted.labels) {
      #expect(node.name == label.node)
      let config = try #require(read.config(named: label.config))
      guard
        case .success(let layouts) = config.layouts(gpuCount: node.gpus.count)
      else {
        Issue.record("config \(label.config) misses a GPU")
        continue
      }
      for gpu in node.gpus {
        let layout = layouts.count == 1 ? layouts[0] : layouts[gpu.index]
        guard case .counts(let counts) = layout else {
          Issue.record("not counts")
          continue
        }
        var byName: [String: Int] = [:]
        for count in counts where count.count > 0 {
          byName[count.profile] = count.count
        }
        #expect(byName == gpu.profileCounts, "\(node.name)/\(gpu.index)")
      }
    }
    // The vault tenant got a node of its own.
    let vault = plan.nodes.filter { $0.dedicatedTo == "vault" }
    #expect(vault.count == 1)
    #expect(vault[0].group == "old")
  }
}

let packageRoot: String = {
  var path = #filePath
  for _ in 0..<3 {
    if let slash = path.lastIndex(of: "/") { path = String(path[..<slash]) }
  }
  return path
}()

extension DemandFileTests {
  @Test func readsScopesCapacityWholeGPUsAndTheLayoutLimit() throws {
    let text = """
      maxLayouts: 3
      fleet:
        - {name: n, gpuModel: h100-80gb, nodeCount: 2, gpuCount: 8, configPer: node}
        - {name: s, gpuModel: h100-80gb, nodeCount: 2, gpuCount: 8,
           sameConfigOnEveryNode: true}
        - {name: g, gpuModel: A100-SXM4-80GB, nodeCount: 1, gpuCount: 8}
      tenants:
        - name: eval
          capacity: {computeSlices: 14, memoryGiB: 120.5, profiles: [2g.20gb, 3g.40gb]}
        - name: train
          wholeGPUs: 4
          wholeGPUModels: [h100-80gb]
      """
    let request = try DemandFile.decode(text: text, file: "d.yaml")
    #expect(request.maxDistinctLayouts == 3)
    #expect(request.fleet.map(\.configScope) == [.node, .group, .gpu])
    #expect(
      request.tenants[0].capacity
        == CapacityDemand(
          computeSlices: 14, memoryGiB: 120.5,
          profiles: ["2g.20gb", "3g.40gb"]))
    #expect(request.tenants[0].instances.isEmpty)
    #expect(request.tenants[1].wholeGPUs == 4)
    #expect(request.tenants[1].wholeGPUModels == [GPUModel.h100SXM5_80GB.name])
  }

  @Test func mistakesInTheNewFieldsAreReportedWithTheirPaths() {
    let text = """
      maxLayouts: 0
      fleet:
        - {name: n, gpuModel: h100-80gb, nodeCount: 2, gpuCount: 8,
           configPer: rack, sameConfigOnEveryNode: true}
        - {name: m, gpuModel: h100-80gb, nodeCount: 2, gpuCount: 8,
           configPer: node, sameConfigOnEveryNode: true}
      tenants:
        - name: nothing
        - name: eval
          capacity: {profiles: [2g.20gb, 1g.5gb]}
        - name: train
          wholeGPUs: 2
          wholeGPUModels: [A100-SXM4-40GB]
        - name: stray
          instances: {1g.10gb: 1}
          wholeGPUModels: [h100-80gb]
      """
    Self.expectErrors(
      in: text,
      [
        "at maxLayouts: found integer 0",
        "at fleet[0].configPer:",
        "at fleet[1].sameConfigOnEveryNode: sameConfigOnEveryNode: true "
          + "contradicts configPer: node",
        "at tenants[0]: a tenant needs 'instances', 'capacity' or 'wholeGPUs'",
        "at tenants[1].capacity: a capacity needs computeSlices, memoryGiB",
        "at tenants[1].capacity.profiles[1]: no GPU model of the fleet offers "
          + "profile '1g.5gb'",
        "at tenants[2].wholeGPUModels[0]: the fleet has no GPU model "
          + "'A100-SXM4-40GB'",
        "at tenants[3].wholeGPUModels: wholeGPUModels applies only with "
          + "wholeGPUs",
      ])
  }
}

@Suite struct KeptWholeTests {
  /// `keepWhole: 2` of 8: the plan lays out 6 GPUs per node, the last two
  /// stay MIG-disabled in the mig-parted file, hold nothing and are not
  /// counted as used, even on a dedicated tenant's node.
  @Test func theLastGPUsOfEveryNodeStayOutOfThePlan() throws {
    let text = """
      fleet:
        - {name: g, gpuModel: h100-80gb, nodeCount: 3, gpuCount: 8, keepWhole: 2}
      tenants:
        - {name: a, instances: {7g.80gb: 7}}
        - {name: v, instances: {1g.10gb: 1}, isolation: dedicated-nodes}
      """
    let request = try DemandFile.decode(text: text, file: "d.yaml")
    #expect(request.fleet[0].gpusPerNode == 6)
    #expect(request.fleet[0].keptWholePerNode == 2)
    let plan = try Planner.plan(request)
    // a: 7 GPUs, 6 on one node and 1 on another; v: a node of its own,
    // whose 6 plannable GPUs count.
    #expect(plan.gpusUsed == 13)
    #expect(plan.isOptimal)
    for node in plan.nodes {
      #expect(node.gpus.count == 8)
      for gpu in node.gpus where gpu.index >= 6 {
        #expect(gpu.isKeptWhole && gpu.instances.isEmpty)
      }
    }
    let parted = plan.migParted
    for config in parted.file.configs {
      let kept = config.entries.filter { entry in
        if case .indices(let list) = entry.devices { return list.contains(7) }
        return false
      }
      #expect(kept.count == 1 && kept.allSatisfy { !$0.migEnabled })
    }
  }

  @Test func keepingEveryGPUWholeIsRefused() {
    let text = """
      fleet: [{name: g, gpuModel: h100-80gb, nodeCount: 1, gpuCount: 4, keepWhole: 4}]
      tenants: [{name: a, instances: {1g.10gb: 1}}]
      """
    #expect {
      try DemandFile.decode(text: text, file: "d.yaml")
    } throws: { error in
      (error as? InputErrors)?.errors.contains {
        $0.description.contains(
          "at fleet[0].keepWhole: keepWhole must leave at least one GPU")
      } ?? false
    }
  }
}
