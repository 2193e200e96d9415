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

  /// Creates a mistake.
  ///
  /// - Parameters:
  ///   - location: Where the mistake is.
  ///   - path: The field path, or empty.
  ///   - message: What is wrong, in one sentence.
  public init(at location: SourceLocation, path: String, _ message: String) {
    self.location = location
    self.path = path
    self.message = message
  }

  /// `file:line:column: error: at <path>: <message>`.
  public var description: String {
    let place = path.isEmpty ? "" : "at \(path): "
    return "\(location): error: \(place)\(message)"
  }
}

/// Every mistake found in one or more input files, in source order.
public struct InputErrors: Error, Sendable, CustomStringConvertible {
  /// The mistakes, sorted by file, line, column, path and message (the
  /// last two make the order deterministic when two mistakes share a
  /// place).
  public var errors: [InputError]

  /// Collects mistakes and sorts them.
  ///
  /// - Parameter errors: The mistakes, in any order.
  /// - Complexity: O(*n* log *n*).
  public init(_ errors: [InputError]) {
    self.errors = errors.sorted {
      let a = $0.location
      let b = $1.location
      return (a.file, a.line, a.column, $0.path, $0.message)
        < (b.file, b.line, b.column, $1.path, $1.message)
    }
  }

  /// Every mistake on its own line, as `InputError.description`.

  public var description: String {
    errors.map(\.description).joined(separator: "\n")
  }
}
