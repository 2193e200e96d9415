import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// End-to-end runs of `migsim compare` on a small two-tenant scenario
/// with a short horizon.
@Suite struct CompareCommandTests {
  private let scenarioText = """
    name: tiny-compare
    pools:
      - {name: whole, nodeCount: 2, gpuModel: A100-SXM4-40GB, gpuCount: 2,
         cpu: 32, memory: 256Gi}
      - name: sliced
        nodeCount: 1
        gpuModel: A100-SXM4-40GB
        gpuCount: 2
        cpu: 32
        memory: 256Gi
        sharing: {mode: mig, layout: all-balanced}
    tenants:
      - {name: x, quota: {gpus: 3}}
      - {name: y, quota: {gpus: 3}}
    templates:
      - {name: train, kind: training, requests: {gpus: 1, cpu: 4},
         duration: {distribution: exponential, mean: 1h}}
      - {name: serve, kind: inference, requests: {mig: 1g.5gb, cpu: 2},
         duration: {distribution: exponential, mean: 30m}}
    workloads:
      - {name: x-jobs, tenant: x, arrival: {process: poisson, ratePerHour: 3},
         mix: [train, serve]}
      - {name: y-jobs, tenant: y, arrival: {process: poisson, ratePerHour: 3},
         mix: [train, serve]}
    simulation: {seed: 11, horizon: 6h}
    security:
      compromisesPerHour: {inference: 0.01}
      detectionDelay: 10m

    """

  /// Runs `body` with the scenario written to a fresh folder.
  private func withScenario(_ body: (URL, String) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("migsim-compare-\(getpid())-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("tiny.yaml").path
    try scenarioText.write(toFile: path, atomically: true, encoding: .utf8)
    try body(folder, path)
  }

  @Test func jsonHasOneRowPerStrategyWithMeansAndIntervals() throws {
    try withScenario { _, path in
      let run = try runMigsim(
        [
          "compare", path, "--strategies", "first-fit,spread,binpack",
          "--seeds", "3", "--format", "json",
        ])
      #expect(run.exitCode == 0, "\(run.stderr)")
      #expect(run.stderr.isEmpty, "no progress line when not a terminal")
      let rows = try #require(parseJSON(run.stdout) as? [[String: Any]])
      #expect(
        rows.map { $0["strategy"] as? String }
          == ["first-fit", "spread", "best-fit"])
      for row in rows {
        #expect(row["layout"] as? String == "scenario")
        #expect(row["seeds"] as? Int == 3)
        let allocation = try #require(row["gpuAllocationMean"] as? Double)
        #expect(allocation > 0 && allocation <= 100)
        #expect(row["gpuAllocationCI95"] as? Double != nil)
        let isolation = try #require(row["isolationScoreMean"] as? Double)
        #expect(isolation >= 0 && isolation <= 1)
        #expect(row["exposurePerIncidentMean"] as? Double != nil)
      }
      // Differences from the first row: none on the first row itself.
      #expect(rows[0]["isolationScoreDiffMean"] is NSNull)
      #expect(rows[1]["isolationScoreDiffMean"] as? Double != nil)
      #expect(rows[2]["gpuAllocationDiffCI95"] as? Double != nil)
      // Exactly the best rows of a column are marked, or none on a tie.
      let marks = rows.compactMap { $0["slowdownP95Best"] as? Bool }
      #expect(marks.count == 3)
    }
  }

  @Test func outputIsTheSameWhateverTheThreadCount() throws {
    // Separate processes also hash dictionaries differently: the output
    // must not depend on that either.
    try withScenario { _, path in
      let arguments = [
        "compare", path, "--strategies", "best-fit,random", "--seeds",
        "1-4", "--layouts", "scenario,dynamic",
      ]
      let one = try runMigsim(arguments + ["--threads", "1"])
      let three = try runMigsim(arguments + ["--threads", "3"])
      #expect(one.exitCode == 0, "\(one.stderr)")
      #expect(one.stdout == three.stdout)
      #expect(one.stdout.contains("random    dynamic"))
      #expect(one.stdout.contains("over 4 seeds (1-4)"))
      #expect(
        one.stdout.contains("difference from best-fit @ scenario, seed by"))
      let json = arguments + ["--format", "json"]
      let first = try runMigsim(json + ["--threads", "1"])
      let second = try runMigsim(json + ["--threads", "2"])
      #expect(first.stdout == second.stdout)
    }
  }

  @Test func seedsInAnyOrderAreListedAsGiven() throws {
    try withScenario { _, path in
      let run = try runMigsim(
        [
          "compare", path, "--strategies", "spread,first-fit", "--seeds",
          "9,1,18446744073709551615", "--horizon", "1h",
        ])
      #expect(run.exitCode == 0, "\(run.stderr)")
      #expect(run.stdout.contains("over 3 seeds (9,1,18446744073709551615)"))
    }
  }

  @Test func csvHasAHeaderAndOneLinePerCell() throws {
    try withScenario { _, path in
      let run = try runMigsim(
        [
          "compare", path, "--strategies", "first-fit", "--layouts",
          "scenario,all-3g.20gb", "--seeds", "2", "--format", "csv",
        ])
      #expect(run.exitCode == 0, "\(run.stderr)")
      let lines = run.stdout.split(separator: "\n")
      #expect(lines.count == 3)
      #expect(lines.first?.hasPrefix("strategy,layout,seeds,") == true)
      #expect(lines[2].hasPrefix("first-fit,all-3g.20gb,2,"))
    }
  }

  @Test func anUnknownStrategyIsAUsageErrorListingTheNames() throws {
    try withScenario { _, path in
      let run = try runMigsim(
        ["compare", path, "--strategies", "first-fit,packing"])
      #expect(run.exitCode == 2)
      #expect(run.stderr.contains("'packing'"))
      #expect(run.stderr.contains("tenant-packing"))
      #expect(run.stderr.contains("fragmentation-aware"))
      #expect(run.stdout.isEmpty)
    }
  }

  @Test func badUsageExitsWithTwo() throws {
    try withScenario { _, path in
      for arguments in [
        ["compare"], ["compare", path, "--seeds", "5-2"],
        ["compare", path, "--threads", "0"],
        ["compare", path, "--layouts", "all-7g.80gb"],
        ["compare", path, "--layouts", "whole=mps:0"],
        ["compare", path, "--layouts", "nopool=exclusive"],
        ["compare", path, "--wait-target", "inference"],
        ["compare", path, "--format", "xml"],
      ] {
        let run = try runMigsim(arguments)
        #expect(run.exitCode == 2, "\(arguments): \(run.stderr)")
      }
    }
  }

  @Test func aBrokenLayoutFileIsBadDataWithItsLocation() throws {
    try withScenario { folder, path in
      let plan = folder.appendingPathComponent("plan.yaml").path
      try """
      version: v1
      mig-configs:
        sliced:
          - devices: all
            mig-enabled: true
            mig-devices: {"9g.99gb": 1}

      """.write(toFile: plan, atomically: true, encoding: .utf8)
      let run = try runMigsim(
        [
          "compare", path, "--strategies", "first-fit", "--seeds", "1",
          "--layouts", "scenario,\(plan)",
        ])
      #expect(run.exitCode == 65, "\(run.stderr)")
      #expect(run.stderr.contains("9g.99gb"))
      let missing = try runMigsim(
        [
          "compare", path, "--layouts",
          folder.appendingPathComponent(
            "none.yaml"
          ).path,
        ])
      #expect(missing.exitCode == 65, "\(missing.stderr)")
    }
  }

  @Test func theReportIsWellFormedWithEveryChart() throws {
    try withScenario { folder, path in
      let report = folder.appendingPathComponent("report.html").path
      let run = try runMigsim(
        [
          "compare", path, "--strategies", "first-fit,tenant-packing",
          "--seeds", "2", "--report", report,
        ])
      #expect(run.exitCode == 0, "\(run.stderr)")
      let html = try String(contentsOfFile: report, encoding: .utf8)
      #expect(html.hasPrefix("<!DOCTYPE html>"))
      // Well-formed as XML: every tag balanced and nested.
      let parser = XMLParser(data: Data(html.utf8))
      #expect(parser.parse(), "\(String(describing: parser.parserError))")
      for heading in [
        "Comparison", "Allocation over time", "Wait-time distribution",
        "Tenant exposure", "Utilization against isolation",
        "Utilization against exposure", "Utilization against slowdown",
        "Difference from first-fit, seed by seed", "At a glance",
        "Incidents, worst pair and refusals",
      ] {
        #expect(html.contains("<h2>\(heading)</h2>"), "\(heading)")
      }
      // Line, box plot, one heat map per strategy, scatter.
      #expect(html.components(separatedBy: "<svg ").count - 1 >= 5)
      #expect(html.contains("<polyline"))
      #expect(html.contains("first-fit"))
      #expect(html.contains("tiny-compare"))
      #expect(!html.contains("src=\"http") && !html.contains("href=\"http"))
      #expect(!html.contains("<script"))
    }
  }

  @Test func theReportNeverOverwritesTheScenario() throws {
    try withScenario { _, path in
      let run = try runMigsim(
        [
          "compare", path, "--seeds", "1", "--strategies", "spread",
          "--report", path,
        ])
      #expect(run.exitCode == 2)
      #expect(run.stderr.contains("input"))
      let text = try String(contentsOfFile: path, encoding: .utf8)
      #expect(text == scenarioText)
    }
  }
}
