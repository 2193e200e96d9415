/// A mistake on the command line, reported with the command's usage line
/// and exit code 2.
struct UsageError: Error, CustomStringConvertible {
  /// What is wrong, in one sentence.
  var message: String

  init(_ message: String) {
    self.message = message
  }

  var description: String { message }
}

/// A failure while running a command, reported with exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
  var message: String

  init(_ message: String) {
    self.message = message
  }

  var description: String { message }
}
