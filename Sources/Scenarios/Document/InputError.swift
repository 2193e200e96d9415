/// A mistake in a file the user gave, reported with everything needed to
/// find and fix it.
///
/// Readers collect every `InputError` they find before reporting, so a user
/// fixes all mistakes in one pass. The command line prints each on stderr as
/// `file:line:column: error: at <path>: <message>` and exits with code 65.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Where the mistake is.
  public var location: SourceLocation
  /// The field path from the document root, such as
  /// `pools[1].taints[0].effect`; empty for the root or a syntax error.
  public var path: String
  /// What is wrong, in one sentence: what was found, what was expected.
  public var message: String

  public init(at location: SourceLocation, path: String, _ message: String) {
    self.location = location
    self.path = path
    self.message = message
  }

  public var description: String {
    let place = path.isEmpty ? "" : "at \(path): "
    return "\(location): error: \(place)\(message)"
  }
}

/// Every mistake found in one or more input files, in source order.
public struct InputErrors: Error, Sendable, CustomStringConvertible {
  /// The mistakes, sorted by file, line and column.
  public var errors: [InputError]

  public init(_ errors: [InputError]) {
    self.errors = errors.sorted {
      ($0.location.file, $0.location.line, $0.location.column)
        < ($1.location.file, $1.location.line, $1.location.column)
    }
  }

  public var description: String {
    errors.map(\.description).joined(separator: "\n")
  }
}
