import Foundation
import Testing

/// `migsim plan DEMAND --current FILE`: the three figures of a replan in
/// text and JSON, the --minimize flag and its mistakes.
@Suite struct PlanReplanCommandTests {
  /// One H100 node of three GPUs: 7 × 1g on GPU 0, one 3g on GPUs 1 and
  /// 2; four 3g asked for (the case of docs/planner.md, "Minimal-change
  /// replan").
  static let demand = """
    fleet:
      - {name: h, gpuModel: H100-SXM5-80GB, nodeCount: 1, gpuCount: 3}
    tenants:
      - name: t
        instances: {3g.40gb: 4}
    """
  static let current = """
    version: v1
    mig-configs:
      h:
        - devices: [0]
          mig-enabled: true
          mig-devices: {1g.10gb: 7}
        - devices: [1, 2]
          mig-enabled: true
          mig-devices: {3g.40gb: 1}
    """

  /// Writes the demand and current files into a fresh folder.
  func files(_ name: String) throws -> (
    folder: URL, demand: String, current: String
  ) {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("migsim-replan-\(name)-\(getpid())")
    try FileManager.default.createDirectory(
      at: folder, withIntermediateDirectories: true)
    let demand = folder.appendingPathComponent("demand.yaml")
    let current = folder.appendingPathComponent("current.yaml")
    try Self.demand.write(to: demand, atomically: true, encoding: .utf8)
    try Self.current.write(to: current, atomically: true, encoding: .utf8)
    return (folder, demand.path, current.path)
  }

  @Test func textGivesTheThreeFiguresAndTheObjective() throws {
    let (folder, demand, current) = try files("text")
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runMigsim([
      "plan", demand, "--current", current, "--floor", "0",
    ])
    #expect(run.exitCode == 0, "\(run.stderr)")
    #expect(
      run.stdout.hasPrefix(
        "minimize gpus (ties: instances, then nodes): 1, bound 1, gap 0 "
          + "(optimal)\n"
          + "GPUs re-laid out: 1; running instances disturbed: 7; nodes "
          + "drained: 1\n"))
  }

  @Test func jsonGivesTheFiguresForEachObjective() throws {
    let (folder, demand, current) = try files("json")
    defer { try? FileManager.default.removeItem(at: folder) }
    let expected: [String: (gpus: Int, instances: Int, value: Int)] = [
      "gpus": (1, 7, 1), "instances": (2, 2, 2), "nodes": (1, 7, 1),
    ]
    for (minimize, figures) in expected {
      let run = try runMigsim([
        "plan", demand, "--current", current, "--floor", "0", "--minimize",
        minimize, "--format", "json",
      ])
      #expect(run.exitCode == 0, "\(run.stderr)")
      let json = try #require(parseJSON(run.stdout) as? [String: Any])
      #expect(json["minimize"] as? String == minimize)
      #expect(json["changedGPUs"] as? Int == figures.gpus, "\(minimize)")
      #expect(
        json["disturbedInstances"] as? Int == figures.instances, "\(minimize)")
      #expect(json["nodesDrained"] as? Int == 1, "\(minimize)")
      #expect(json["drainedNodes"] as? [String] == ["h-0"])
      #expect(json["value"] as? Int == figures.value, "\(minimize)")
      #expect(json["bound"] as? Int == figures.value, "\(minimize)")
      #expect(json["gap"] as? Int == 0)
      #expect((json["tieBreak"] as? [String])?.contains(minimize) == false)
    }
  }

  @Test func theWorkedExampleOfTheDocsIsTheOutput() throws {
    let (folder, demand, current) = try files("doc")
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runMigsim([
      "plan", demand, "--current", current, "--floor", "0", "--minimize",
      "instances",
    ])
    #expect(run.exitCode == 0, "\(run.stderr)")
    let doc = try String(
      contentsOf: packageRoot.appendingPathComponent("docs/planner.md"),
      encoding: .utf8)
    let start = try #require(doc.range(of: "minimize instances (ties:"))
    let end = try #require(
      doc.range(of: "```", range: start.lowerBound..<doc.endIndex))
    let shown = String(doc[start.lowerBound..<end.lowerBound])
    #expect(run.stdout.hasPrefix(shown), "\(run.stdout)")
  }

  @Test func minimizeMistakesAreUsageErrors() throws {
    let (folder, demand, current) = try files("usage")
    defer { try? FileManager.default.removeItem(at: folder) }
    let unknown = try runMigsim([
      "plan", demand, "--current", current, "--minimize", "pods",
    ])
    #expect(unknown.exitCode == 2)
    #expect(
      unknown.stderr.contains(
        "--minimize takes one of: gpus, instances, nodes; found 'pods'"))
    let alone = try runMigsim(["plan", demand, "--minimize", "nodes"])
    #expect(alone.exitCode == 2)
    #expect(alone.stderr.contains("--minimize applies only with --current"))
    let help = try runMigsim(["plan", "--help"])
    #expect(help.stdout.contains("--minimize"))
    #expect(help.stdout.contains("running instances disturbed"))
  }

  @Test func aFloorNoOrderKeepsFailsWithTheFigures() throws {
    let (folder, demand, current) = try files("floor")
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runMigsim(["plan", demand, "--current", current])
    #expect(run.exitCode == 1)
    #expect(run.stderr.contains("below the floor of 10 (75 % of 13)"))
  }
}
