import Foundation
import Scenarios
import Testing

@Suite struct MIGExportCommandTests {
  @Test func exportedFileReadsBackWithThePoolLayout() throws {
    let run = try runMigsim(["mig", "export", "scenarios/quickstart.yaml"])
    #expect(run.exitCode == 0)
    let file = try MIGPartedFile(
      text: run.stdout, file: "<stdout>", format: .yaml)
    let config = try #require(file.config(named: "a100-mig"))
    #expect(config.entries.count == 1)
    #expect(
      config.entries[0].migDevices
        == ["1g.10gb": 2, "2g.20gb": 1, "3g.40gb": 1])
  }

  @Test func exportRefusesToOverwriteItsInput() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("migsim-export-\(getpid())")
    try FileManager.default.createDirectory(
      at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let copy = folder.appendingPathComponent("scenario.yaml")
    let original = try String(
      contentsOf: packageRoot.appendingPathComponent(
        "scenarios/quickstart.yaml"), encoding: .utf8)
    try original.write(to: copy, atomically: true, encoding: .utf8)

    let run = try runMigsim(
      ["mig", "export", copy.path, "--output", copy.path])
    #expect(run.exitCode == 2)
    #expect(try String(contentsOf: copy, encoding: .utf8) == original)
  }

  @Test func exportWritesTheOutputFileAtomically() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("migsim-export-out-\(getpid())")
    try FileManager.default.createDirectory(
      at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("mig.yaml")
    try "old".write(to: output, atomically: true, encoding: .utf8)
    let run = try runMigsim(
      ["mig", "export", "scenarios/quickstart.yaml", "-o", output.path])
    #expect(run.exitCode == 0)
    let text = try String(contentsOf: output, encoding: .utf8)
    #expect(text.hasPrefix("version: v1"))
    let leftovers = try FileManager.default.contentsOfDirectory(
      atPath: folder.path)
    #expect(leftovers == ["mig.yaml"])
  }
}
