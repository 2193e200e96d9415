import ClusterModel
import Foundation
import Scenarios
import Testing

/// The repository's `scenarios/` directory, found from this file's path.
let scenariosDirectory = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("scenarios").path

let shippedScenarios = [
  "quickstart.yaml", "quickstart.json", "agents-beside-training.yaml",
  "mig-capacity.yaml", "large-fleet.yaml",
]

@Test(arguments: shippedScenarios)
func shippedScenarioDecodesWithoutError(_ file: String) {
  do {
    let scenario = try Scenario.load(path: "\(scenariosDirectory)/\(file)")
    #expect(scenario.validate().isEmpty)
  } catch {
    Issue.record("\(file):\n\(error)")
  }
}

@Test func annotatedExampleInFormatDocumentDecodes() throws {
  let docs = URL(fileURLWithPath: scenariosDirectory)
    .deletingLastPathComponent().appendingPathComponent("docs").path
  let text = try String(
    contentsOfFile: "\(docs)/scenario-format.md", encoding: .utf8)
  guard let section = text.range(of: "## A complete annotated example"),
    let start = text.range(of: "```yaml\n", range: section.upperBound..<text.endIndex),
    let end = text.range(of: "```\n", range: start.upperBound..<text.endIndex)
  else {
    Issue.record("the example block is missing")
    return
  }
  let yaml = String(text[start.upperBound..<end.lowerBound])
  let scenario = try Scenario.decode(
    text: yaml, file: "example.yaml", format: .yaml)
  #expect(scenario.summary.nodeCount == 3)
  #expect(scenario.cluster.tenants[0].quota[.milliGPUs]?.reserved == 2000)
}
