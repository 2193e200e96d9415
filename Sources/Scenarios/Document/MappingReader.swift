/// A mapping being decoded whose keys have been checked against a set of
/// allowed keys.
///
/// Made by `NodeReader.mapping(allowedKeys:)`. Ask for each field as
/// `required` or `optional`:
///
/// ```swift
/// let name = pool.required("name") { $0.string() }
/// let gpus = pool.optional("gpus") { $0.int(min: 0) } ?? 1
/// ```
public struct MappingReader: Sendable {
  /// The reader of the mapping node itself.
  public let reader: NodeReader
  let entries: [NodeReader.Entry]

  init(reader: NodeReader, entries: [NodeReader.Entry]) {
    self.reader = reader
    self.entries = entries
  }

  /// Where the mapping starts.
  public var location: SourceLocation { reader.location }

  /// The allowed keys present in the mapping, in source order.
  public var keys: [String] { entries.map(\.key) }

  /// Whether `key` is present, even with a null value.
  ///
  /// - Complexity: O(*n*) for *n* keys.
  public func contains(_ key: String) -> Bool {
    entries.contains { $0.key == key }
  }

  /// The value under `key`, recording `missing required key '<key>'` at
  /// the mapping when it is absent.
  ///
  /// - Parameter key: An allowed key.
  /// - Returns: A reader for the value, or `nil` when the key is absent.
  /// - Complexity: O(*n*) for *n* keys.
  public func required(_ key: String) -> NodeReader? {
    guard let value = value(for: key) else {
      reader.error("missing required key '\(key)'")
      return nil
    }
    return value
  }

  /// The value under `key`, or `nil` when the key is absent or its value
  /// is null (`key:` with nothing after it, `~`, `null`).
  ///
  /// - Parameter key: An allowed key.
  /// - Returns: A reader for the value, or `nil`.
  /// - Complexity: O(*n*) for *n* keys.
  public func optional(_ key: String) -> NodeReader? {
    guard let value = value(for: key), !value.isNull else { return nil }
    return value
  }

  /// Decodes the value under a required key.
  ///
  /// - Parameters:
  ///   - key: An allowed key.
  ///   - decode: Decodes the value; returns `nil` after recording a
  ///     mistake.
  /// - Returns: The decoded value, or `nil` when the key is absent (a
  ///   mistake is recorded) or the value is wrong.
  public func required<T>(
    _ key: String, _ decode: (NodeReader) -> T?
  ) -> T? {
    required(key).flatMap(decode)
  }

  /// Decodes the value under an optional key.
  ///
  /// - Parameters:
  ///   - key: An allowed key.
  ///   - decode: Decodes the value; returns `nil` after recording a
  ///     mistake.
  /// - Returns: The decoded value, or `nil` when the key is absent, null
  ///   or wrong (only the last records a mistake).
  public func optional<T>(
    _ key: String, _ decode: (NodeReader) -> T?
  ) -> T? {
    optional(key).flatMap(decode)
  }

  /// Records a mistake at the mapping, for rules that involve several
  /// fields (for example `min` above `max`).
  ///
  /// - Parameter message: One sentence: what was found, what was expected.
  public func error(_ message: String) {
    reader.error(message)
  }

  private func value(for key: String) -> NodeReader? {
    guard let entry = entries.first(where: { $0.key == key }) else {
      return nil
    }
    return reader.child(entry.valueNode, key: key)
  }
}
