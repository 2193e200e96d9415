import Foundation

/// The two formats an input file may be written in.
public enum DocumentFormat: String, Sendable, CaseIterable {
  /// YAML 1.2 (read by libyaml).
  case yaml
  /// JSON (RFC 8259).
  case json

  /// The format named by a path's extension: `.yaml` and `.yml` are YAML,
  /// `.json` is JSON (case does not matter); any other is `nil`.
  ///
  /// - Parameter path: A file path.
  public init?(path: String) {
    switch (path as NSString).pathExtension.lowercased() {
    case "yaml", "yml": self = .yaml
    case "json": self = .json
    default: return nil
    }
  }
}

/// Reads a YAML or JSON file, choosing the format by its extension.
///
/// A file that cannot be read, or has another extension, or is not UTF-8,
/// gives one `InputError` with line 0 (the whole file).
///
/// - Parameter path: The file's path as the user gave it.
/// - Returns: The root node.
/// - Throws: `InputErrors` with every mistake found.
/// - Complexity: O(*n*) for a file of *n* bytes.
public func readDocument(
  atPath path: String
) throws(InputErrors) -> DocumentNode {
  let whole = SourceLocation(file: path, line: 0, column: 0)
  func failure(_ message: String) -> InputErrors {
    InputErrors([InputError(at: whole, path: "", message)])
  }
  guard let format = DocumentFormat(path: path) else {
    throw failure(
      "cannot tell the file's format from its name; expected a name "
        + "ending in .yaml, .yml or .json")
  }
  var isDirectory: ObjCBool = false
  let manager = FileManager.default
  guard manager.fileExists(atPath: path, isDirectory: &isDirectory)
  else { throw failure("cannot read the file: no such file") }
  if isDirectory.boolValue {
    throw failure("cannot read the file: it is a directory")
  }
  guard let data = FileManager.default.contents(atPath: path) else {
    throw failure("cannot read the file: permission denied or I/O error")
  }
  guard let text = String(validating: data, as: UTF8.self) else {
    throw failure("cannot read the file: it is not valid UTF-8 text")
  }
  return try readDocument(text: text, file: path, format: format)
}

/// Reads YAML or JSON text.
///
/// - Parameters:
///   - text: The whole document.
///   - file: The name used in error locations.
///   - format: The format the text is written in.
/// - Returns: The root node.
/// - Throws: `InputErrors` with every mistake found.
/// - Complexity: O(*n*) for *n* characters.
public func readDocument(
  text: String, file: String, format: DocumentFormat
) throws(InputErrors) -> DocumentNode {
  switch format {
  case .yaml: return try YAMLReader.read(text, file: file)
  case .json: return try JSONReader.read(text, file: file)
  }
}
