import Foundation
import Scenarios
import Testing

@Suite struct PlanCommandTests {
  static let demand = "scenarios/demand/mig-capacity.yaml"

  func temporaryFolder(_ name: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("migsim-plan-\(name)-\(getpid())")
    try FileManager.default.createDirectory(
      at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test func tablePrintsTheOptimumAndTheBaselines() throws {
    let run = try runMigsim(["plan", Self.demand])
    #expect(run.exitCode == 0, "\(run.stderr)")
    #expect(
      run.stdout.contains(
        "objective fewest-gpus: 32, bound 32, gap 0 (optimal)"))
    #expect(
      run.stdout.contains(
        "against all-balanced: 12 GPUs saved (27.3 % of 44)"))
    #expect(run.stdout.contains("first-fit-decreasing"))
  }

  @Test func jsonParsesWithTheFigures() throws {
    let run = try runMigsim(["plan", Self.demand, "--format", "json"])
    #expect(run.exitCode == 0)
    let json = try #require(parseJSON(run.stdout) as? [String: Any])
    #expect(json["gpusUsed"] as? Int == 32)
    #expect(json["optimal"] as? Bool == true)
    #expect((json["baselines"] as? [Any])?.count == 4)
    #expect(
      (json["labels"] as? [String: Any])?["balanced-0"] as? String == "balanced"
    )
  }

  @Test func csvHasAHeaderAndARowPerLayout() throws {
    let run = try runMigsim(["plan", Self.demand, "--format", "csv"])
    #expect(run.exitCode == 0)
    let lines = run.stdout.split(separator: "\n")
    #expect(lines.first == "layout,gpus,idleSlices,cost,vsOptimum,note")
    #expect(lines.count == 5)
  }

  @Test func theWrittenFileRoundTripsAndDrivesTheSimulation() throws {
    let folder = try temporaryFolder("loop")
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("plan.yaml")
    let labels = folder.appendingPathComponent("labels.txt")
    let run = try runMigsim([
      "plan", Self.demand, "--output", output.path, "--labels", labels.path,
    ])
    #expect(run.exitCode == 0, "\(run.stderr)")
    let file = try MIGPartedFile(contentsOfFile: output.path)
    #expect(file.configs.map(\.name) == ["balanced", "halves"])
    let labelText = try String(contentsOf: labels, encoding: .utf8)
    #expect(labelText.contains("halves-3 nvidia.com/mig.config=halves"))
    let simulate = try runMigsim([
      "simulate", "scenarios/mig-capacity.yaml", "--mig-config", output.path,
      "--horizon", "6h",
    ])
    #expect(simulate.exitCode == 0, "\(simulate.stderr)")
    #expect(simulate.stdout.contains("MIG layouts as configured"))
  }

  @Test func replacingAFileIsSaidAndAnInputIsNeverOverwritten() throws {
    let folder = try temporaryFolder("overwrite")
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("plan.yaml")
    try "old".write(to: output, atomically: true, encoding: .utf8)
    let run = try runMigsim(["plan", Self.demand, "-o", output.path])
    #expect(run.exitCode == 0)
    #expect(run.stderr.contains("replacing the existing file"))

    let copy = folder.appendingPathComponent("demand.yaml")
    let original = try String(
      contentsOf: packageRoot.appendingPathComponent(Self.demand),
      encoding: .utf8)
    try original.write(to: copy, atomically: true, encoding: .utf8)
    let refused = try runMigsim(["plan", copy.path, "-o", copy.path])
    #expect(refused.exitCode == 2)
    #expect(try String(contentsOf: copy, encoding: .utf8) == original)
  }

  @Test func exitCodesForBadUsageBadInputAndUnservableDemand() throws {
    let folder = try temporaryFolder("codes")
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try runMigsim(["plan"]).exitCode == 2)
    #expect(
      try runMigsim(["plan", Self.demand, "--objective", "cheap"]).exitCode == 2
    )

    let bad = folder.appendingPathComponent("bad.yaml")
    try "fleet: []\ntenants: []\n".write(
      to: bad, atomically: true, encoding: .utf8)
    let badRun = try runMigsim(["plan", bad.path])
    #expect(badRun.exitCode == 65)
    #expect(badRun.stderr.contains("at fleet"))

    let tooMuch = folder.appendingPathComponent("too-much.yaml")
    try """
    fleet: [{name: g, gpuModel: h100-80gb, nodeCount: 1, gpuCount: 2}]
    tenants: [{name: a, instances: {7g.80gb: 3}}]
    """.write(to: tooMuch, atomically: true, encoding: .utf8)
    let refused = try runMigsim(["plan", tooMuch.path])
    #expect(refused.exitCode == 1)
    #expect(refused.stderr.contains("tenant 'a' cannot be served 7g.80gb"))
  }
}

@Suite struct PlanFromScenarioTests {
  func demand(_ percentile: String) throws -> [String: [String: Int]] {
    let run = try runMigsim([
      "plan", "--from-scenario", "scenarios/mig-capacity.yaml",
      "--percentile", percentile, "--format", "json",
    ])
    #expect(run.exitCode == 0, "\(run.stderr)")
    let json = try #require(parseJSON(run.stdout) as? [String: Any])
    let tenants = try #require(json["tenants"] as? [[String: Any]])
    var result: [String: [String: Int]] = [:]
    for tenant in tenants {
      let name = try #require(tenant["name"] as? String)
      result[name] = try #require(tenant["demand"] as? [String: Int])
      #expect(tenant["served"] as? [String: Int] == result[name])
    }
    return result
  }

  @Test func aHigherPercentileNeverAsksForLess() throws {
    let p50 = try demand("50")
    let p95 = try demand("95")
    let p100 = try demand("100")
    #expect(p95["chat"]?["1g.10gb"] != nil)
    for (tenant, counts) in p50 {
      for (profile, count) in counts {
        #expect((p95[tenant]?[profile] ?? 0) >= count)
      }
    }
    for (tenant, counts) in p95 {
      for (profile, count) in counts {
        #expect((p100[tenant]?[profile] ?? 0) >= count)
      }
    }
  }

  @Test func theZerothPercentileAsksForNothing() throws {
    let run = try runMigsim([
      "plan", "--from-scenario", "scenarios/mig-capacity.yaml",
      "--percentile", "0",
    ])
    #expect(run.exitCode == 1)
    #expect(run.stderr.contains("asked for MIG instances"))
  }

  @Test func thePlanOfASimulatedRunDrivesTheSameScenario() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("migsim-plan-scenario-\(getpid())")
    try FileManager.default.createDirectory(
      at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("plan.yaml")
    let run = try runMigsim([
      "plan", "--from-scenario", "scenarios/mig-capacity.yaml", "-o",
      output.path,
    ])
    #expect(run.exitCode == 0, "\(run.stderr)")
    let simulate = try runMigsim([
      "simulate", "scenarios/mig-capacity.yaml", "--mig-config", output.path,
      "--horizon", "6h",
    ])
    #expect(simulate.exitCode == 0, "\(simulate.stderr)")
  }
}

@Suite struct PlanDocumentationTests {
  /// The worked example of docs/planner.md is the command's real output.
  @Test func theDocumentedExampleIsTheOutput() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("migsim-plan-doc-\(getpid())")
    try FileManager.default.createDirectory(
      at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let demand = folder.appendingPathComponent("example.yaml")
    try """
    fleet:
      - {name: node, gpuModel: H100-SXM5-80GB, nodeCount: 1, gpuCount: 4}
    tenants:
      - name: a
        instances: {1g.10gb: 3, 2g.20gb: 2, 3g.40gb: 1}
      - name: b
        instances: {1g.10gb: 1}
        isolation: never
    """.write(to: demand, atomically: true, encoding: .utf8)
    let run = try runMigsim(["plan", demand.path])
    #expect(run.exitCode == 0)
    let doc = try String(
      contentsOf: packageRoot.appendingPathComponent("docs/planner.md"),
      encoding: .utf8)
    let start = try #require(
      doc.range(of: "objective fewest-gpus: 3, bound 3"))
    let end = try #require(
      doc.range(of: "```", range: start.lowerBound..<doc.endIndex))
    #expect(String(doc[start.lowerBound..<end.lowerBound]) == run.stdout)
  }
}

extension PlanCommandTests {
  /// The shipped file with every constraint: whole GPUs, capacity, one
  /// config per node, a layout limit.
  static let everyConstraint = "scenarios/demand/agents-and-training.yaml"

  @Test func wholeGPUsAndCapacityAppearInTheOutput() throws {
    let run = try runMigsim(["plan", Self.everyConstraint, "--format", "json"])
    #expect(run.exitCode == 0, "\(run.stderr)")
    let json = try #require(parseJSON(run.stdout) as? [String: Any])
    let tenants = try #require(json["tenants"] as? [[String: Any]])
    let byName = Dictionary(
      uniqueKeysWithValues: tenants.map { ($0["name"] as? String ?? "", $0) })
    #expect(byName["train"]?["servedWholeGPUs"] as? Int == 8)
    let held = byName["eval"]?["servedCapacity"] as? [String: Any]
    #expect((held?["computeSlices"] as? Int ?? 0) >= 28)
    #expect((held?["memoryGiB"] as? Double ?? 0) >= 300)
    let nodes = try #require(json["nodes"] as? [[String: Any]])
    let wholeOwners = nodes.flatMap { node in
      (node["gpus"] as? [[String: Any]] ?? []).compactMap {
        $0["wholeFor"] as? String
      }
    }
    #expect(wholeOwners == Array(repeating: "train", count: 8))
    let table = try runMigsim(["plan", Self.everyConstraint])
    #expect(table.stdout.contains("MIG disabled, whole GPU (train)"))
    #expect(table.stdout.contains("8×whole"))
  }

  @Test func theLayoutLimitIsKeptAndCheckedOnTheCommandLine() throws {
    let folder = try temporaryFolder("limit")
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("plan.yaml")
    let run = try runMigsim([
      "plan", Self.everyConstraint, "--max-layouts", "4", "-o", output.path,
    ])
    #expect(run.exitCode == 0, "\(run.stderr)")
    let file = try MIGPartedFile(contentsOfFile: output.path)
    var layouts = Set<String>()
    for config in file.configs {
      for entry in config.entries where entry.migEnabled {
        layouts.insert(
          entry.migDevices.keys.sorted()
            .map { "\($0)=\(entry.migDevices[$0] ?? 0)" }
            .joined(separator: ","))
      }
    }
    #expect(!layouts.isEmpty && layouts.count <= 4)
    #expect(
      try runMigsim(["plan", Self.everyConstraint, "--max-layouts", "0"])
        .exitCode == 2)
  }
}
