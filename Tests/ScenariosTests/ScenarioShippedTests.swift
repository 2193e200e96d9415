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
