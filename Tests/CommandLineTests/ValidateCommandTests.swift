import Foundation
import Testing

@Suite struct ValidateCommandTests {
  @Test func quickstartIsValidAndSummarised() throws {
    let run = try runMigsim(["validate", "scenarios/quickstart.yaml"])
    #expect(run.exitCode == 0)
    #expect(run.stdout.contains("valid"))
    #expect(run.stdout.contains("GPUs 16"))
    #expect(run.stderr.isEmpty)
  }

  @Test func everyShippedScenarioValidates() throws {
    let folder = packageRoot.appendingPathComponent("scenarios")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }
      .sorted()
    #expect(files.count >= 4)
    for file in files {
      let run = try runMigsim(["validate", "scenarios/\(file)"])
      #expect(run.exitCode == 0, "\(file): \(run.stderr)")
    }
  }

  @Test func summaryAsJSONParses() throws {
    let run = try runMigsim(
      ["validate", "scenarios/quickstart.json", "--format", "json"])
    #expect(run.exitCode == 0)
    let object = try #require(parseJSON(run.stdout) as? [String: Any])
    #expect(object["gpus"] as? Int == 16)
  }

  @Test func threeMistakesGiveThreePreciseErrorsAndExit65() throws {
    let text = """
      name: bad
      pools:
        - name: p1
          gpuModel: A100-SXM4-40GB
          gpuCount: eight
          cpu: 96
          memory: 1Ti
          sharing: {mode: mig, layout: all-balanced}
      tenants:
        - name: t1
      templates:
        - name: j
          kind: trainig
          requests: {gpus: 1, cpu: 1, memory: 1Gi}
          duration: {distribution: fixed, value: 1h}
      workloads:
        - name: w
          tenant: t2
          arrival: {process: poisson, ratePerHour: 1}
          mix: [j]

      """
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("migsim-validate-\(getpid())")
    try FileManager.default.createDirectory(
      at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("bad.yaml")
    try text.write(to: file, atomically: true, encoding: .utf8)

    let run = try runMigsim(["validate", file.path])
    #expect(run.exitCode == 65)
    #expect(run.stdout.isEmpty)
    let errors = run.stderr.split(separator: "\n").filter {
      $0.contains(": error: ")
    }
    #expect(errors.count == 3)
    #expect(errors[0].hasSuffix(
      "bad.yaml:5:15: error: at pools[0].gpuCount: found \"eight\", "
        + "expected an integer of at least 1"))
    #expect(errors[1].contains("bad.yaml:13:11: error: at templates[0].kind"))
    #expect(errors[1].contains("did you mean 'training'?"))
    #expect(errors[2].contains("bad.yaml:18:13: error: at workloads[0].tenant"))
    #expect(run.stderr.contains("3 errors found"))
  }

  @Test func missingFileIsBadInput() throws {
    let run = try runMigsim(["validate", "no-such-file.yaml"])
    #expect(run.exitCode == 65)
    #expect(run.stderr.contains("no-such-file.yaml"))
  }

  @Test func csvIsRefusedAsUsage() throws {
    let run = try runMigsim(
      ["validate", "scenarios/quickstart.yaml", "--format", "csv"])
    #expect(run.exitCode == 2)
  }
}
