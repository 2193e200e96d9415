import Foundation
import Testing

@Suite struct MIGCommandTests {
  @Test func layoutsOfA100FortyAsJSONListsNineteenLayouts() throws {
    let run = try runMigsim(
      ["mig", "layouts", "--gpu", "a100-40gb", "--format", "json"])
    #expect(run.exitCode == 0)
    let rows = try #require(parseJSON(run.stdout) as? [[String: Any]])
    #expect(rows.count == 19)
    let placements = rows.compactMap { $0["placements"] as? String }
    #expect(placements.contains("4g.20gb@0 3g.20gb@4"))
    #expect(placements.contains("7g.40gb@0"))
  }

  @Test func layoutsBeforeR510DropTheFourWithThreeLayout() throws {
    let run = try runMigsim(
      ["mig", "layouts", "--gpu", "A100-40GB", "--driver", "470",
       "--format", "csv"])
    #expect(run.exitCode == 0)
    let lines = run.stdout.split(separator: "\n")
    #expect(lines.count == 1 + 18)
    #expect(!run.stdout.contains("4g.20gb@0 3g.20gb@4"))
  }

  @Test func checkPlacesFourBeforeThreeOnH100AndExitsZero() throws {
    let run = try runMigsim(
      ["mig", "check", "--gpu", "h100-80gb", "3g.40gb", "4g.40gb",
       "--format", "json"])
    #expect(run.exitCode == 0)
    let object = try #require(parseJSON(run.stdout) as? [String: Any])
    #expect(object["valid"] as? Bool == true)
    #expect(object["creationOrder"] as? [String] == ["4g.40gb@0", "3g.40gb@4"])
  }

  @Test func checkOfAnOverlapExitsOneWithTheReason() throws {
    let run = try runMigsim(
      ["mig", "check", "--gpu", "a100-40gb", "3g.20gb@4", "1g.5gb@4"])
    #expect(run.exitCode == 1)
    #expect(run.stdout.contains("share memory slice 4"))
  }

  @Test func checkRefusesFourWithThreeBeforeR510() throws {
    let run = try runMigsim(
      ["mig", "check", "--gpu", "a100-40gb", "--driver", "470", "4g.20gb",
       "3g.20gb"])
    #expect(run.exitCode == 1)
    #expect(run.stdout.contains("R510"))
  }

  @Test func checkCountsWithTheTimesShorthand() throws {
    let run = try runMigsim(
      ["mig", "check", "--gpu", "a100-40gb", "8x1g.5gb", "--format", "json"])
    #expect(run.exitCode == 1)
    let object = try #require(parseJSON(run.stdout) as? [String: Any])
    #expect(object["valid"] as? Bool == false)
  }

  @Test func unknownProfileIsAUsageErrorWithASuggestion() throws {
    let run = try runMigsim(
      ["mig", "check", "--gpu", "a100-40gb", "3g.20g"])
    #expect(run.exitCode == 2)
    #expect(run.stderr.contains("did you mean '3g.20gb'?"))
  }

  @Test func unknownGPUIsAUsageErrorWithASuggestion() throws {
    let run = try runMigsim(["mig", "profiles", "--gpu", "a100-40g"])
    #expect(run.exitCode == 2)
    #expect(run.stderr.contains("unknown GPU model 'a100-40g'"))
  }

  @Test func profilesOfA30ListItsFiveProfilesAsCSV() throws {
    let run = try runMigsim(
      ["mig", "profiles", "--gpu", "a30", "--format", "csv"])
    #expect(run.exitCode == 0)
    let lines = run.stdout.split(separator: "\n")
    #expect(lines.first?.hasPrefix("id,name,") == true)
    #expect(lines.count == 1 + 5)
  }

  @Test func configsIncludeAllBalancedWithItsMix() throws {
    let run = try runMigsim(
      ["mig", "configs", "--gpu", "a100-40gb", "--format", "json"])
    #expect(run.exitCode == 0)
    let rows = try #require(parseJSON(run.stdout) as? [[String: Any]])
    let balanced = rows.first { $0["name"] as? String == "all-balanced" }
    #expect(
      balanced?["mix"] as? String == "2×1g.5gb + 1×2g.10gb + 1×3g.20gb")
  }

  @Test func gpusAsJSONNamesEveryModelWithVerification() throws {
    let run = try runMigsim(["gpus", "--format", "json"])
    #expect(run.exitCode == 0)
    let rows = try #require(parseJSON(run.stdout) as? [[String: Any]])
    #expect(rows.count == 9)
    #expect(rows.allSatisfy { $0["verified"] is Bool })
  }

  @Test func everyCommandHasHelpWithExamples() throws {
    let commands = [
      ["gpus"], ["mig", "profiles"], ["mig", "layouts"], ["mig", "check"],
      ["mig", "configs"], ["validate"],
    ]
    for command in commands {
      let run = try runMigsim(command + ["--help"])
      #expect(run.exitCode == 0, "\(command)")
      #expect(run.stdout.contains("Examples:"), "\(command)")
      #expect(run.stdout.contains("Usage: migsim"), "\(command)")
    }
  }
}
