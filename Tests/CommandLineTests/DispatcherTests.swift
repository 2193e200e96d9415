import Testing

@Suite struct DispatcherTests {
  @Test func helpListsCommandsAndExitsZero() throws {
    let run = try runMigsim(["--help"])
    #expect(run.exitCode == 0)
    #expect(run.stdout.contains("Commands:"))
    #expect(run.stdout.contains("version"))
    #expect(run.stderr.isEmpty)
  }

  @Test func unknownCommandSuggestsTheNearestAndExitsTwo() throws {
    let run = try runMigsim(["versoin"])
    #expect(run.exitCode == 2)
    #expect(run.stderr.contains("unknown command 'versoin'"))
    #expect(run.stderr.contains("did you mean 'version'?"))
    #expect(run.stdout.isEmpty)
  }

  @Test func unknownOptionIsAUsageError() throws {
    let run = try runMigsim(["version", "--colour"])
    #expect(run.exitCode == 2)
    #expect(run.stderr.contains("unknown option '--colour'"))
  }

  @Test func noCommandPrintsHelpOnStderrAndExitsTwo() throws {
    let run = try runMigsim([])
    #expect(run.exitCode == 2)
    #expect(run.stderr.contains("Commands:"))
  }

  @Test func versionPrintsOnStdout() throws {
    let run = try runMigsim(["version"])
    #expect(run.exitCode == 0)
    #expect(run.stdout.hasPrefix("migsim "))
  }
}
