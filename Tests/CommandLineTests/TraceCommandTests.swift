import Foundation
import Testing

/// End-to-end runs of `migsim trace` on a tiny hand-made trace: two nodes
/// with two GPUs each (4 GPUs, 4000 milli) and five pods.
@Suite struct TraceCommandTests {
  private let nodes = """
    sn,cpu_milli,memory_mib,gpu,model
    node-0,32000,65536,2,T4
    node-1,32000,65536,2,V100M16

    """
  private let pods = """
    name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time
    pod-0,4000,8192,1,1000,,LS,Running,0,100,0
    pod-1,2000,4096,1,500,,LS,Running,10,200,10
    pod-2,2000,4096,1,500,T4,BE,Running,20,300,20
    pod-3,1000,1024,0,0,,BE,Running,30,400,30
    pod-4,8000,16384,2,1000,V100M16,LS,Running,40,500,40

    """

  private func withTrace(_ body: (String, String) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("migsim-trace-\(getpid())-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let nodePath = folder.appendingPathComponent("nodes.csv").path
    let podPath = folder.appendingPathComponent("pods.csv").path
    try nodes.write(toFile: nodePath, atomically: true, encoding: .utf8)
    try pods.write(toFile: podPath, atomically: true, encoding: .utf8)
    try body(nodePath, podPath)
  }

  @Test func infoCountsPodsByKindAndDemand() throws {
    try withTrace { nodes, pods in
      let run = try runMigsim(
        ["trace", "info", "--nodes", nodes, "--pods", pods, "--format",
         "json"])
      #expect(run.exitCode == 0, "\(run.stderr)")
      let object = try #require(parseJSON(run.stdout) as? [String: Any])
      #expect(object["gpus"] as? Int == 4)
      #expect(object["pods"] as? Int == 5)
      // 1 + 0.5 + 0.5 + 0 + 2 = 4 GPUs of demand on 4 GPUs.
      #expect(object["gpuDemand"] as? Double == 4.0)
      #expect(object["demandPercentOfCapacity"] as? Double == 100.0)
    }
  }

  @Test func studyPrintsOneRowPerPolicyAndWritesCurves() throws {
    try withTrace { nodes, pods in
      let curves = URL(fileURLWithPath: nodes).deletingLastPathComponent()
        .appendingPathComponent("curves.csv").path
      let run = try runMigsim(
        ["trace", "study", "--nodes", nodes, "--pods", pods, "--policies",
         "FGD,BestFit", "--seeds", "1-3", "--inflation", "1.0",
         "--curves", curves, "--format", "json"])
      #expect(run.exitCode == 0, "\(run.stderr)")
      let rows = try #require(parseJSON(run.stdout) as? [[String: Any]])
      #expect(rows.map { $0["policy"] as? String } == ["FGD", "BestFit"])
      let text = try String(contentsOfFile: curves, encoding: .utf8)
      #expect(text.hasPrefix("policy,arrivedPercent,allocationPercent"))
    }
  }

  @Test func studyReportHasTheTableAndThreeCurveCharts() throws {
    try withTrace { nodes, pods in
      let report = URL(fileURLWithPath: nodes).deletingLastPathComponent()
        .appendingPathComponent("study.html").path
      let run = try runMigsim(
        ["trace", "study", "--nodes", nodes, "--pods", pods, "--policies",
         "FGD,Random", "--seeds", "1-2", "--report", report])
      #expect(run.exitCode == 0, "\(run.stderr)")
      let html = try String(contentsOfFile: report, encoding: .utf8)
      #expect(html.hasPrefix("<!DOCTYPE html>"))
      #expect(html.components(separatedBy: "<svg").count - 1 == 3)
      #expect(html.contains("<td class=\"text\">FGD</td>"))
      #expect(!html.contains("http://") || html.contains("xmlns"))
    }
  }

  @Test func studyTakesInflateAsInflationAndRefusesBoth() throws {
    try withTrace { nodes, pods in
      let base = ["trace", "study", "--nodes", nodes, "--pods", pods,
        "--policies", "FGD", "--seeds", "1-2", "--format", "json"]
      let long = try runMigsim(base + ["--inflation", "1.2"])
      let short = try runMigsim(base + ["--inflate", "1.2"])
      #expect(short.exitCode == 0, "\(short.stderr)")
      #expect(short.stdout == long.stdout)
      let both = try runMigsim(base + ["--inflate", "1.2", "--inflation", "1"])
      #expect(both.exitCode == 2)
      #expect(both.stderr.contains("not both"))
    }
  }

  @Test func studyRefusesAnUnknownPolicyAsUsage() throws {
    try withTrace { nodes, pods in
      let run = try runMigsim(
        ["trace", "study", "--nodes", nodes, "--pods", pods, "--policies",
         "FDG"])
      #expect(run.exitCode == 2)
      #expect(run.stderr.contains("unknown policy 'FDG'"))
    }
  }

  @Test func replayPlacesEveryPodWhenNothingCompetes() throws {
    try withTrace { nodes, pods in
      let run = try runMigsim(
        ["trace", "replay", "--nodes", nodes, "--pods", pods, "--policies",
         "FGD", "--format", "json"])
      #expect(run.exitCode == 0, "\(run.stderr)")
      let rows = try #require(parseJSON(run.stdout) as? [[String: Any]])
      #expect(rows.count == 1)
      #expect(rows[0]["placed"] as? Int == 5)
      #expect(rows[0]["stillWaiting"] as? Int == 0)
    }
  }

  @Test func malformedPodListIsBadInputWithFileAndLine() throws {
    try withTrace { nodes, pods in
      var text = try String(contentsOfFile: pods, encoding: .utf8)
      text = text.replacingOccurrences(of: "pod-1,2000", with: "pod-1,lots")
      try text.write(toFile: pods, atomically: true, encoding: .utf8)
      let run = try runMigsim(
        ["trace", "info", "--nodes", nodes, "--pods", pods])
      #expect(run.exitCode == 65)
      #expect(run.stderr.contains("pods.csv:3:"))
    }
  }
}
