/// A position in an input file, as a person counts it.
///
/// Lines and columns start at 1, columns count Unicode scalars. A location
/// with `line == 0` means "the whole file" (for example a file that could not
/// be read at all).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
  /// The path of the file as the user gave it.
  public var file: String
  /// The line, starting at 1; 0 when the location is the whole file.
  public var line: Int
  /// The column, starting at 1; 0 when unknown.
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:column`, the form editors and compilers use.
  public var description: String {
    if line == 0 { return file }
    return "\(file):\(line):\(column)"
  }
}
