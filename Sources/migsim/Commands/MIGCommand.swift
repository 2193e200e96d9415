/// `migsim mig`: the MIG geometry commands.
struct MIGCommand: Command {
  let name = "mig"
  let abstract = "MIG profiles, layouts and checks for one GPU model"
  let usage = "<command> [options]"
  let discussion = """
    Placements are written PROFILE@START, where START is the first memory
    slice the instance occupies (0-7; 0-3 on A30), as nvidia-smi reports
    it. A profile may be named (3g.40gb) or given by its ID on that model.
    """
  var subcommands: [any Command] {
    [
      MIGProfilesCommand(), MIGLayoutsCommand(), MIGCheckCommand(),
      MIGConfigsCommand(), MIGExportCommand(),
    ]
  }
}
