/// The process exit codes of `migsim`, as documented in the README.
enum ExitCode: Int32 {
  /// The command did what was asked.
  case success = 0
  /// The command ran but the answer is negative or the run failed, such as a
  /// layout the driver would refuse or an output file that could not be
  /// written.
  case failure = 1
  /// The command line itself is wrong: unknown command or option, missing
  /// argument, a value of the wrong form.
  case usage = 2
  /// An input file is wrong: unreadable, malformed, or inconsistent
  /// (`EX_DATAERR` of sysexits.h).
  case dataError = 65
}
